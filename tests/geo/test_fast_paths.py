"""The shortcuts of the uncached lookup path give the same answers as the plain computations."""

from __future__ import annotations

import random

from conflictwatch.geo.context import Context
from conflictwatch.geo.gazetteer import Gazetteer, MatchKind, NameMatch, haversine_km, place_facts
from conflictwatch.geo.geocoder import Geocoder, GeocoderOptions
from conflictwatch.geo.names import PlaceName, _recover, compact, fold, strip_place_words
from conflictwatch.geo.ranking import (
    NEARBY_RADIUS_KM,
    NearbyPlace,
    Scene,
    context_free_reasons,
    context_free_totals,
    nearest_km,
    score,
)
from conflictwatch.geo.relative import parse_relative
from conflictwatch.model import Place


def test_lookup_is_hits_as_name_matches(small: Gazetteer) -> None:
    for name in ("Boni", "Gao", "Tombuctou", "Aguelhok", "nowhere"):
        hits = small.hits(name)
        assert small.lookup(name) == [NameMatch(*h) for h in hits]
        assert all(h.facts == place_facts(h.place) for h in hits)


def test_nearest_km_skips_only_points_beyond_the_radius() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        lat, lon = rng.uniform(-85, 85), rng.uniform(-180, 180)
        place = Place("x", "X", lat, lon)
        points = tuple(
            (
                max(-90, min(90, lat + rng.uniform(-4, 4))),
                (lon + rng.uniform(-8, 8) + 180) % 360 - 180,
            )
            for _ in range(4)
        )
        exact = min(haversine_km(lat, lon, *p) for p in points)
        found = nearest_km(place, place_facts(place), NearbyPlace("y", points).prepared, 250.0)
        if exact < NEARBY_RADIUS_KM:
            assert found == exact
        else:
            assert found is None or found >= NEARBY_RADIUS_KM


def test_ascii_and_accented_folding() -> None:
    assert fold("Tin-Zaouatène") == fold("tin zaouatene") == "tin zaouatene"
    assert fold("D'Aguelhok") == "d aguelhok"


def test_plain_names_are_not_relative_phrases() -> None:
    for name in ("Gao", "Madina", "Tinzawatene", "Ségou", "Niono"):
        assert parse_relative(name) is None
    assert parse_relative("à l'est de Gao") is not None
    assert parse_relative("3 mi from Gao") is not None


def test_a_geocoder_parses_each_context_text_once(small: Gazetteer) -> None:
    text = "Attack near Boni, cercle de Douentza"
    geocoder = Geocoder(small)
    first = geocoder.resolve("Boni", text)
    assert geocoder.resolve("Hombori", text).resolved
    assert list(geocoder._contexts) == [text]
    assert first == Geocoder(small, options=GeocoderOptions(cache_size=0)).resolve("Boni", text)
    assert first == geocoder.resolve("Boni", Context.from_text(text))


def test_context_free_totals_are_the_scores_of_a_plain_scene(small: Gazetteer) -> None:
    for countries in ((), ("ML",), ("BF", "ML"), ("NE",)):
        for name in ("Boni", "Gao", "Djibo", "Mopti", "Tombuctou"):
            hits = small.hits(name)
            scene = Scene(countries)
            assert context_free_totals(hits, countries) == [score(h, scene)[0] for h in hits]


def test_context_free_reasons_are_the_reasons_of_a_plain_scene(small: Gazetteer) -> None:
    for countries in ((), ("ML",), ("BF", "ML"), ("NE",)):
        for name in ("Boni", "Gao", "Djibo", "Mopti", "Tombuctou"):
            for hit in small.hits(name):
                assert context_free_reasons(hit, countries) == score(hit, Scene(countries))[1]


def test_one_word_names_keep_the_spelling_recover_would_find() -> None:
    rng = random.Random(11)
    alphabet = "abdlDLé'’_-.,( \u00a0«»"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        original = text.strip()
        folded = fold(original)
        if folded and " " not in folded:
            assert strip_place_words(text) == PlaceName(_recover(original, folded))


def test_exact_hits_are_the_hits_of_an_exact_name(small: Gazetteer) -> None:
    for name in ("Boni", "Gao", "Timbuktu", "Aguel'hoc", "Tombuctou", "nowhere"):
        ready = small.exact_hits(compact(name))
        found = small.hits(name)
        if ready:
            assert [h._replace(matched=name) for h in ready] == found
        else:
            assert all(h.how not in (MatchKind.NAME, MatchKind.ALTERNATE) for h in found)
