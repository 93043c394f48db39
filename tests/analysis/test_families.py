"""Families for actors the pack does not know, from the dataset's actor codes and the name."""

from __future__ import annotations

import pytest

from conflictwatch.analysis.families import family_lookup, guess_family, infer_families
from conflictwatch.knowledge import Pack
from conflictwatch.taxonomy import ActorType

from .conftest import Numbered


@pytest.mark.parametrize(
    ("name", "code", "country", "family"),
    [
        ("Government of Syria", ActorType.STATE_FORCES, "Syria", "state"),
        ("Government of Russia (Soviet Union)", ActorType.STATE_FORCES, "Syria", "foreign"),
        ("Military Forces of France", ActorType.STATE_FORCES, "Mali", "foreign"),
        ("Police Forces of Burkina Faso (2022-)", None, "Burkina Faso", "state"),
        ("Government of DR Congo (Zaire)", ActorType.STATE_FORCES, "DR Congo (Zaire)", "state"),
        ("Syrian insurgents", ActorType.REBEL_GROUP, "Syria", "other-armed"),
        ("Dozo militia", ActorType.IDENTITY_MILITIA, "Mali", "militia"),
        ("Civilians (Syria)", ActorType.CIVILIANS, "Syria", "civilians"),
        ("Somebody", None, "Mali", "other"),
    ],
)
def test_guess_family(name: str, code: ActorType | None, country: str, family: str) -> None:
    assert guess_family(name, code, country) == family


def test_infer_families_votes_and_leaves_pack_actors_to_the_pack(
    sahel: Pack, event: Numbered
) -> None:
    import datetime as dt

    day = dt.date(2022, 1, 1)
    events = [
        event(day, actor1="Government of Syria", inter1=ActorType.STATE_FORCES, country="Syria",
              actor2="Syrian insurgents", inter2=ActorType.REBEL_GROUP),
        event(day, actor1="Syrian insurgents", inter1=ActorType.REBEL_GROUP, country="Syria",
              actor2="Civilians (Syria)", inter2=ActorType.CIVILIANS),
        event(day, actor1="Syrian insurgents", inter1=ActorType.POLITICAL_MILITIA, country="Syria"),
    ]  # fmt: skip
    inferred = infer_families(events, sahel)
    assert inferred["Government of Syria"] == "state"
    assert inferred["Syrian insurgents"] == "other-armed"  # two votes against one
    assert "JNIM: Group for Support of Islam and Muslims" not in inferred  # the pack knows it
    family_of = family_lookup(sahel, inferred)
    assert family_of("Syrian insurgents") == "other-armed"
    assert family_of("JNIM: Group for Support of Islam and Muslims") == "al-qaeda"
    assert family_of("") == "other"
    assert family_lookup(sahel)("Syrian insurgents") == "other"
