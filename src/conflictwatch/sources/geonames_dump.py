"""Fetch a GeoNames country dump (network access for gazetteers, and only on request).

path = download_geonames("ML", Path("data"))   # data/ML.txt, ready for read_places(path)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx

from ..errors import GazetteerError

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/"


def download_geonames(
    country_code: str,
    dest_dir: str | Path,
    base_url: str = GEONAMES_DUMP_URL,
    *,
    client: httpx.Client | None = None,
    timeout: float = 60.0,
) -> Path:
    """Download ``{base_url}{CC}.zip`` and extract ``CC.txt`` into ``dest_dir``; return its path."""
    code = country_code.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise GazetteerError(f"country code {country_code!r} is not ISO 3166 alpha-2 (e.g. ML)")
    url = f"{base_url.rstrip('/')}/{code}.zip"
    owned = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    try:
        response = http.get(url)
        response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        raise GazetteerError(f"{url}: HTTP {exc.response.status_code}") from exc
    except httpx.HTTPError as exc:
        raise GazetteerError(f"{url}: {exc}") from exc
    finally:
        if owned:
            http.close()
    try:
        archive = zipfile.ZipFile(io.BytesIO(response.content))
    except zipfile.BadZipFile as exc:
        raise GazetteerError(f"{url}: not a zip archive") from exc
    member = f"{code}.txt"
    if member not in archive.namelist():
        raise GazetteerError(f"{url}: the archive has no {member} (has {archive.namelist()})")
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / member
    partial = target.with_suffix(".txt.part")
    partial.write_bytes(archive.read(member))
    partial.replace(target)  # never leave a half-written dump where a loader would read it
    return target
