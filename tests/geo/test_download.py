import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.httpserver import serve

from conflictwatch.errors import GazetteerError
from conflictwatch.sources.gazetteer_files import read_places
from conflictwatch.sources.geonames_dump import download_geonames

ROW = "2460596\tBamako\tBamako\t\t12.65\t-8.0\tP\tPPLC\tML\t\t08\t\t\t\t1297281\t\t350\tAfrica/Bamako\t2020-01-01\n"


def zipped(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


ROUTES = {"/dump/ML.zip": zipped({"ML.txt": ROW, "readme.txt": "x"}), "/dump/NE.zip": b"not a zip"}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve(ROUTES) as url:
        yield f"{url}/dump/"


def test_download_extracts_the_country_file(base_url: str, tmp_path: Path) -> None:
    path = download_geonames("ml", tmp_path / "gn", base_url)
    assert path == tmp_path / "gn" / "ML.txt"
    (place,) = read_places(path)
    assert place.name == "Bamako"


@pytest.mark.parametrize(
    ("code", "message"), [("BF", "HTTP 404"), ("NE", "not a zip"), ("Mali", "alpha-2")]
)
def test_download_errors(base_url: str, tmp_path: Path, code: str, message: str) -> None:
    with pytest.raises(GazetteerError, match=message):
        download_geonames(code, tmp_path, base_url)
    assert not list(tmp_path.iterdir())
