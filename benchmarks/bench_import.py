"""Import throughput: a synthetic 1,000,000-row ACLED-layout CSV into a fresh SQLite store.

In the same run it times a plain parse of the same file with the csv module, and reports rows/s,
the ratio import/parse and the peak memory (RSS) of each phase, measured in a child process.

    python benchmarks/bench_import.py [--rows 1000000] [--read auto|rows|columns]
    python benchmarks/bench_import.py --rows 100000 --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

``--read`` picks how the import reads the file: ``auto`` (the default: column-wise for large
files when pyarrow is installed), ``rows`` (row by row) or ``columns`` (column-wise).
``--postgres URL`` imports into a fresh schema of that PostgreSQL database (dropped afterwards)
instead of a fresh SQLite file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def phase_parse(path: Path) -> dict[str, float]:
    start = time.perf_counter()
    rows = 0
    with open(path, encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            rows += 1
    return {"seconds": time.perf_counter() - start, "rows": rows - 1}


def phase_import(path: Path, db: str, read: str) -> dict[str, float]:
    from conflictwatch.store import Store
    from conflictwatch.store.importing import ImportOptions, import_dataset

    options = ImportOptions(columnar={"auto": None, "rows": False, "columns": True}[read])
    start = time.perf_counter()
    with Store.open(db) as store:
        report = import_dataset(store, "acled", path, options)
    return {"seconds": time.perf_counter() - start, "rows": report.inserted}


def fresh_postgres_schema(url: str) -> tuple[str, str]:
    """A new schema in the database at ``url``: its name and a URL whose search_path is it."""
    import uuid

    import sqlalchemy as sa

    name = f"cw_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    admin.dispose()
    separator = "&" if "?" in url else "?"
    return name, f"{url}{separator}options=-csearch_path%3D{name}"


def drop_postgres_schema(url: str, name: str) -> None:
    import sqlalchemy as sa

    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
    admin.dispose()


def child(args: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--read", choices=["auto", "rows", "columns"], default="auto")
    parser.add_argument("--postgres", metavar="URL", help="import into PostgreSQL at URL")
    parser.add_argument("--phase", choices=["parse", "import"], help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        paths = [Path(p) for p in args.paths]
        if args.phase == "parse":
            result = phase_parse(paths[0])
        else:
            result = phase_import(paths[0], args.paths[1], args.read)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result["peak_rss_mb"] = usage.ru_maxrss / 1024
        result["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # all threads, less load-bound
        print(json.dumps(result))
        return

    from conflictwatch.sources.datasets.synthetic import write_acled_csv

    with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp:
        csv_path = Path(tmp) / "acled.csv"
        write_acled_csv(csv_path, args.rows)
        size_mb = csv_path.stat().st_size / 1e6
        parse = child(["--phase", "parse", str(csv_path)])
        if args.postgres:
            schema, db = fresh_postgres_schema(args.postgres)
            try:
                imported = child(["--phase", "import", "--read", args.read, str(csv_path), db])
            finally:
                drop_postgres_schema(args.postgres, schema)
            store_size = "PostgreSQL"
        else:
            db = str(Path(tmp) / "bench.db")
            imported = child(["--phase", "import", "--read", args.read, str(csv_path), db])
            store_size = f"store file {(Path(tmp) / 'bench.db').stat().st_size / 1e6:.0f} MB"
    parse_rate = parse["rows"] / parse["seconds"]
    import_rate = imported["rows"] / imported["seconds"]
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")
    print(f"file: {args.rows:,} rows, {size_mb:.0f} MB; {store_size}")
    print(
        f"plain csv parse: {parse['seconds']:.1f} s, {parse_rate:,.0f} rows/s, "
        f"peak RSS {parse['peak_rss_mb']:.0f} MB"
    )
    print(
        f"import ({backend}, --read {args.read}): {imported['seconds']:.1f} s, "
        f"{import_rate:,.0f} rows/s, "
        f"CPU {imported['cpu_seconds']:.1f} s, peak RSS {imported['peak_rss_mb']:.0f} MB"
    )
    print(f"ratio import/parse time: {imported['seconds'] / parse['seconds']:.2f}x")
    floors = {
        "rows/s >= 150,000": import_rate >= 150_000,
        "<= 3x plain parse": imported["seconds"] <= 3 * parse["seconds"],
        "peak RSS < 1 GB": imported["peak_rss_mb"] < 1024,
    }
    for name, met in floors.items():
        print(f"floor {name}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
