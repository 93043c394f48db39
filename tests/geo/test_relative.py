import pytest

from conflictwatch.geo.gazetteer import haversine_km
from conflictwatch.geo.relative import Between, Offset, destination, midpoint, parse_relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gao", None),
        ("Fada N'Gourma", None),
        ("Bobo-Dioulasso", None),
        ("30 km north of Gao", Offset("gao", 30.0, 0.0)),
        ("30km N of Gao", Offset("gao", 30.0, 0.0)),
        ("à 30 km au nord-est de Gao", Offset("gao", 30.0, 45.0)),
        (
            "à une trentaine de kilomètres à l'ouest de Tombouctou",
            Offset("tombouctou", 30.0, 270.0),
        ),
        ("some 20 miles south of Djibo", Offset("djibo", 32.18688, 180.0)),
        ("2.5 km from Sévaré", Offset("sevare", 2.5, None)),
        ("north of Kidal", Offset("kidal", None, 0.0)),
        ("near Boni", Offset("boni")),
        ("aux environs de Tillabéri", Offset("tillaberi")),
        ("between Soumpi and Hombori", Between("soumpi", "hombori")),
        ("entre Boni et Hombori", Between("boni", "hombori")),
        # distances written in words
        ("about six kilometres from Boni", Offset("boni", 6.0, None)),
        ("à quinze kilomètres au sud de Gao", Offset("gao", 15.0, 180.0)),
        ("à une soixantaine de kilomètres de Niamey", Offset("niamey", 60.0, None)),
        # a road told by its two ends
        ("la route reliant Ouallam à Banibangou",
         Between("ouallam", "banibangou", road=True, splits=(("ouallam", "banibangou"),))),
        ("the road linking Gao and Ansongo",
         Between("gao", "ansongo", road=True, splits=(("gao", "ansongo"),))),
    ],
)  # fmt: skip
def test_parse_relative(text: str, expected: object) -> None:
    assert parse_relative(text) == expected


def test_road_keeps_every_way_to_cut_hyphenated_names() -> None:
    road = parse_relative("sur l'axe Bobo-Dioulasso-Ouagadougou")
    assert isinstance(road, Between) and road.road
    assert ("bobo dioulasso", "ouagadougou") in road.splits


def test_destination_and_midpoint_are_where_they_should_be() -> None:
    lat, lon = destination(16.27, -0.04, 30, 0)
    assert haversine_km(16.27, -0.04, lat, lon) == pytest.approx(30, abs=0.01)
    assert lat > 16.27 and lon == pytest.approx(-0.04)
    mid = midpoint(15.0, -3.0, 15.0, -1.0)
    assert haversine_km(15.0, -3.0, *mid) == pytest.approx(haversine_km(15.0, -1.0, *mid))
