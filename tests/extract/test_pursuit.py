"""Aircraft that struck attackers as they withdrew from a fight flew a strike of their own.

ACLED codes the fight and, apart from it, the strikes on the withdrawing fighters, with the
forces that flew them first. Air support told as part of the fight stays in it.
"""

from __future__ import annotations

import pytest

from conflictwatch.extract.extractor import Extractor
from conflictwatch.taxonomy import SubEventType as S

from .conftest import run


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers repelled an attack by JNIM fighters on Djibo on Sunday, killing "
               "dozens of them, the army said. Drones and aircraft then struck the attackers "
               "as they withdrew."),
        ("fr", "Les soldats ont repoussé dimanche une attaque de combattants du JNIM contre "
               "Djibo, selon l'armée. Des frappes aériennes ont ensuite visé les assaillants "
               "en repli."),
    ],
)  # fmt: skip
def test_strikes_on_attackers_as_they_withdrew_are_an_air_strike_of_their_own(
    extractor: Extractor, lang: str, text: str
) -> None:
    mentions = run(extractor, text, lang, published="2023-11-28").mentions
    told = sorted((m.sub_event_type.value, m.actor1, m.actor2, m.location, m.event_date.isoformat())
                  for m in mentions)  # fmt: skip
    jnim = "JNIM: Group for Support of Islam and Muslims"
    army = "Military Forces of Burkina Faso (2022-)"
    assert told == [
        ("Air/drone strike", army, jnim, "Djibo", "2023-11-26"),
        ("Armed clash", jnim, army, "Djibo", "2023-11-26"),
    ]
    [strike] = [m for m in mentions if m.sub_event_type is S.AIR_DRONE_STRIKE]
    assert strike.fatalities == 0  # the dead are the fight's
    assert {e.field for e in strike.evidence} >= {"sub_event_type", "location", "event_date"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Soldiers repelled an attack by JNIM fighters on Djibo on Sunday, killing "
               "dozens of them, the army said. Air support was called in to pursue the rest."),
        ("fr", "Les soldats ont repoussé dimanche une attaque de combattants du JNIM contre "
               "Djibo, selon l'armée. L'aviation a poursuivi les assaillants."),
    ],
)  # fmt: skip
def test_air_support_told_within_the_fight_stays_in_it(
    extractor: Extractor, lang: str, text: str
) -> None:
    [fight] = run(extractor, text, lang, published="2023-11-28").mentions
    assert fight.sub_event_type is S.ARMED_CLASH
