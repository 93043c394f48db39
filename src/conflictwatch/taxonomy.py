"""The ACLED and UCDP coding vocabularies as enums, and the rules that tie them together.

Labels are ACLED's own, so a value read from an export maps back by ``from_label``::

    >>> SubEventType.from_label("Remote explosive/landmine/IED").event_type
    <EventType.EXPLOSIONS_REMOTE_VIOLENCE: 'Explosions/Remote violence'>
    >>> interaction_code(ActorType.REBEL_GROUP, ActorType.STATE_FORCES)
    12
"""

from __future__ import annotations

import re
from enum import Enum, IntEnum

from .errors import InputError


def _key(text: str) -> str:
    """Fold a label for lenient lookup: case, spacing, punctuation variants."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


class _Labelled(str, Enum):
    """A str enum whose value is the official label; lookup is lenient about case and punctuation."""

    @classmethod
    def from_label(cls, label: str) -> _Labelled:
        wanted = _key(label)
        for member in cls:
            if _key(member.value) == wanted or _key(member.name) == wanted:
                return member
        options = "; ".join(m.value for m in cls)
        raise InputError(f"unknown {cls.__name__} {label!r}; expected one of: {options}")

    def __str__(self) -> str:
        return str(self.value)


class DisorderType(_Labelled):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    POLITICAL_VIOLENCE_DEMONSTRATIONS = "Political violence; Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class EventType(_Labelled):
    BATTLES = "Battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"

    @property
    def sub_event_types(self) -> tuple[SubEventType, ...]:
        return tuple(s for s in SubEventType if s.event_type is self)

    @property
    def disorder_type(self) -> DisorderType:
        if self in (EventType.PROTESTS, EventType.RIOTS):
            return DisorderType.DEMONSTRATIONS
        if self is EventType.STRATEGIC_DEVELOPMENTS:
            return DisorderType.STRATEGIC_DEVELOPMENTS
        return DisorderType.POLITICAL_VIOLENCE

    @property
    def is_political_violence(self) -> bool:
        return self in (
            EventType.BATTLES,
            EventType.EXPLOSIONS_REMOTE_VIOLENCE,
            EventType.VIOLENCE_AGAINST_CIVILIANS,
        )


_B = EventType.BATTLES
_E = EventType.EXPLOSIONS_REMOTE_VIOLENCE
_V = EventType.VIOLENCE_AGAINST_CIVILIANS
_P = EventType.PROTESTS
_R = EventType.RIOTS
_S = EventType.STRATEGIC_DEVELOPMENTS

_PARENT: dict[str, EventType] = {
    "Armed clash": _B,
    "Government regains territory": _B,
    "Non-state actor overtakes territory": _B,
    "Chemical weapon": _E,
    "Air/drone strike": _E,
    "Suicide bomb": _E,
    "Shelling/artillery/missile attack": _E,
    "Remote explosive/landmine/IED": _E,
    "Grenade": _E,
    "Sexual violence": _V,
    "Attack": _V,
    "Abduction/forced disappearance": _V,
    "Peaceful protest": _P,
    "Protest with intervention": _P,
    "Excessive force against protesters": _P,
    "Violent demonstration": _R,
    "Mob violence": _R,
    "Agreement": _S,
    "Arrests": _S,
    "Change to group/activity": _S,
    "Disrupted weapons use": _S,
    "Headquarters or base established": _S,
    "Looting/property destruction": _S,
    "Non-violent transfer of territory": _S,
    "Other": _S,
}


class SubEventType(_Labelled):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"

    @property
    def event_type(self) -> EventType:
        return _PARENT[self.value]

    @property
    def disorder_type(self) -> DisorderType:
        return disorder_type_for(self.event_type, self)


def disorder_type_for(
    event_type: EventType, sub_event_type: SubEventType | None = None
) -> DisorderType:
    """ACLED's rule: violence by the state against demonstrators counts in both disorder types."""
    if sub_event_type is SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS:
        return DisorderType.POLITICAL_VIOLENCE_DEMONSTRATIONS
    return event_type.disorder_type


class ActorType(IntEnum):
    """ACLED inter codes."""

    STATE_FORCES = 1
    REBEL_GROUP = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER_FORCES = 8

    @property
    def label(self) -> str:
        return _ACTOR_LABELS[self]

    @classmethod
    def parse(cls, value: str | int) -> ActorType:
        """Accept a numeric code (older exports) or a label (newer exports)."""
        text = str(value).strip()
        if text.isdigit() and int(text) in cls._value2member_map_:
            return cls(int(text))
        wanted = _key(text)
        for member, label in _ACTOR_LABELS.items():
            if wanted.rstrip("s") in (_key(label).rstrip("s"), _key(member.name).rstrip("s")):
                return member
        raise InputError(
            f"unknown actor type {text!r}; expected a code 1-8 or one of: "
            + "; ".join(_ACTOR_LABELS.values())
        )


_ACTOR_LABELS = {
    ActorType.STATE_FORCES: "State forces",
    ActorType.REBEL_GROUP: "Rebel group",
    ActorType.POLITICAL_MILITIA: "Political militia",
    ActorType.IDENTITY_MILITIA: "Identity militia",
    ActorType.RIOTERS: "Rioters",
    ActorType.PROTESTERS: "Protesters",
    ActorType.CIVILIANS: "Civilians",
    ActorType.EXTERNAL_OTHER_FORCES: "External/Other forces",
}


def interaction_code(inter1: ActorType | int | None, inter2: ActorType | int | None) -> int:
    """ACLED's interaction: the two inter codes, lower first; a sole actor gives 10, 20, ..."""
    codes = sorted(int(c) for c in (inter1, inter2) if c)
    if not codes:
        raise InputError("an event needs at least one actor type to have an interaction code")
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def parse_interaction(value: str | int) -> int:
    """Read ACLED's interaction as a number ("27") or as labels ("Rebel group-Civilians")."""
    text = str(value).strip()
    if text.isdigit():
        code = int(text)
        if 10 <= code <= 88 and code // 10 >= 1 and code % 10 <= 8:
            return code
        raise InputError(f"interaction {text!r} is not a pair of inter codes 1-8")
    labels = [p for p in re.split(r"\s*-\s*(?=[A-Z])|\s*-\s*only$", text) if p.strip()]
    if text.lower().endswith("only") or len(labels) == 1:
        return ActorType.parse(re.sub(r"\s*-?\s*only$", "", labels[0])) * 10
    return interaction_code(ActorType.parse(labels[0]), ActorType.parse(labels[1]))


class TimePrecision(IntEnum):
    """ACLED time_precision."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    """ACLED geo_precision."""

    PLACE = 1
    NEAR_PLACE = 2
    REGION = 3


class TypeOfViolence(IntEnum):
    """UCDP GED type_of_violence."""

    STATE_BASED = 1
    NON_STATE = 2
    ONE_SIDED = 3


class WherePrecision(IntEnum):
    """UCDP GED where_prec."""

    EXACT = 1
    WITHIN_25KM = 2
    ADMIN2 = 3
    ADMIN1 = 4
    LINEAR_OR_AREA = 5
    COUNTRY = 6
    INTERNATIONAL = 7


class DatePrecision(IntEnum):
    """UCDP GED date_prec."""

    DAY = 1
    DAYS_2_TO_6 = 2
    WEEK = 3
    MONTH = 4
    LONGER = 5


# --- mappings between ACLED and UCDP -------------------------------------------------------


def where_prec_from_geo(geo: GeoPrecision, *, has_admin2: bool = False) -> WherePrecision:
    if geo is GeoPrecision.PLACE:
        return WherePrecision.EXACT
    if geo is GeoPrecision.NEAR_PLACE:
        return WherePrecision.WITHIN_25KM
    return WherePrecision.ADMIN2 if has_admin2 else WherePrecision.ADMIN1


def geo_from_where_prec(where: WherePrecision) -> GeoPrecision:
    if where is WherePrecision.EXACT:
        return GeoPrecision.PLACE
    if where is WherePrecision.WITHIN_25KM:
        return GeoPrecision.NEAR_PLACE
    return GeoPrecision.REGION


def date_prec_from_time(time: TimePrecision) -> DatePrecision:
    return {
        TimePrecision.DAY: DatePrecision.DAY,
        TimePrecision.WEEK: DatePrecision.WEEK,
        TimePrecision.MONTH: DatePrecision.MONTH,
    }[time]


def time_from_date_prec(date: DatePrecision) -> TimePrecision:
    if date is DatePrecision.DAY:
        return TimePrecision.DAY
    if date in (DatePrecision.DAYS_2_TO_6, DatePrecision.WEEK):
        return TimePrecision.WEEK
    return TimePrecision.MONTH


def ucdp_type_of_violence(
    event_type: EventType, inter1: ActorType | None, inter2: ActorType | None
) -> TypeOfViolence | None:
    """Which UCDP category an ACLED-coded event falls in, or None for non-lethal categories.

    One-sided: an organised actor against civilians. State-based: a state (or foreign state force)
    on one side. Otherwise non-state.
    """
    if not event_type.is_political_violence:
        return None
    if event_type is EventType.VIOLENCE_AGAINST_CIVILIANS or ActorType.CIVILIANS in (
        inter1,
        inter2,
    ):
        return TypeOfViolence.ONE_SIDED
    state = (ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER_FORCES)
    if inter1 in state or inter2 in state:
        return TypeOfViolence.STATE_BASED
    return TypeOfViolence.NON_STATE


def acled_types_for_ucdp(kind: TypeOfViolence) -> tuple[EventType, SubEventType]:
    """The ACLED type a UCDP event is closest to (UCDP does not record the form of violence)."""
    if kind is TypeOfViolence.ONE_SIDED:
        return EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK
    return EventType.BATTLES, SubEventType.ARMED_CLASH


#: ACLED's conservative readings of vague numbers.
VAGUE_NUMBERS: dict[str, int] = {
    "a dozen": 12,
    "dozens": 12,
    "tens": 10,
    "scores": 20,
    "hundreds": 100,
    "several": 3,
    "a few": 3,
    "une douzaine": 12,
    "une dizaine": 10,
    "des dizaines": 10,
    "plusieurs dizaines": 10,
    "une vingtaine": 20,
    "une trentaine": 30,
    "une centaine": 100,
    "des centaines": 100,
    "plusieurs": 3,
    "quelques": 3,
}
