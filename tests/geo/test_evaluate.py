from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.geo.builtin import sahel_places
from conflictwatch.geo.evaluate import evaluate
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.sources.gazetteer_files import read_places
from conflictwatch.sources.geocode_gold import read_geocode_gold

GOLD = Path(__file__).parent / "gold" / "geocode_dev.csv"


def test_dev_gold_set_is_big_and_covers_the_three_countries() -> None:
    gold = list(read_geocode_gold(GOLD))
    assert len(gold) >= 150
    assert {g.country for g in gold} == {"ML", "BF", "NE"}


def test_scores_on_a_small_gazetteer(small: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "gold.csv"
    path.write_text(
        "name,context,country,latitude,longitude\n"
        "Boni,between Douentza and Hombori,ML,15.0766,-2.2198\n"
        "Timbuktu,,ML,16.7735,-3.0074\n"
        "Nowhere,,ML,10,10\n"
        "30 km north of Gao,,ML,16.54,-0.0447\n"
    )
    score = evaluate(Geocoder(small), read_geocode_gold(path))
    assert (score.n, score.within_5km, score.within_25km, score.unresolved) == (4, 0.75, 0.75, 0.25)
    assert [m.gold.name for m in score.misses] == ["Nowhere"]


@pytest.mark.parametrize(
    ("text", "message", "line", "field"),
    [
        ("name,context,country,latitude\n", "missing column", 1, "longitude"),
        ("name,context,country,latitude,longitude\nGao,,ML,x,0\n", "not a number", 2, "latitude"),
        ("name,context,country,latitude,longitude\n,,ML,1,0\n", "empty name", 2, "name"),
    ],
)
def test_bad_gold_rows(tmp_path: Path, text: str, message: str, line: int, field: str) -> None:
    path = tmp_path / "gold.csv"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as caught:
        list(read_geocode_gold(path))
    assert (caught.value.line, caught.value.field) == (line, field)


@pytest.mark.slow
def test_dev_set_floors_with_the_wof_gazetteers(shared: Path) -> None:
    folder = shared / "gazetteer"
    places = [
        *read_places(folder / "wof-mali.csv"),
        *read_places(folder / "wof-burkina-faso.csv"),
        *read_places(folder / "wof-niger.csv"),
        *sahel_places(),
    ]
    score = evaluate(Geocoder(Gazetteer.from_places(places)), read_geocode_gold(GOLD))
    assert score.within_25km >= 0.95, score.summary()
    assert score.unresolved < 0.03, score.summary()
