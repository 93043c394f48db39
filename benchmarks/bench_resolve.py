"""Offline batch resolution of synthetic mentions: seconds, mentions/s, peak RSS and B-cubed F1.

Each size runs in its own child process: it generates the synthetic tellings (1-5 per event, with
noise in dates, places, fatalities, actors and types; ``conflictwatch.resolve.synthetic``), then
times ``cluster_labels`` (encoding, blocking, scoring, constrained clustering) and scores the
result against the synthetic truth. Peak RSS is the child's, sampled with psutil every 50 ms
during the whole run (the mentions themselves included), and checked against ru_maxrss.

    python benchmarks/bench_resolve.py [--sizes 10000,100000,1000000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import threading
import time


def run_size(n: int, seed: int) -> dict[str, float]:
    import psutil

    from conflictwatch.knowledge import load_pack
    from conflictwatch.resolve import ActorIndex, bcubed, cluster_labels, pairwise
    from conflictwatch.resolve.synthetic import synthetic_mentions

    process = psutil.Process()
    peak = [process.memory_info().rss]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], process.memory_info().rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    data = synthetic_mentions(n, seed=seed)
    generated = time.perf_counter() - start
    input_rss = process.memory_info().rss
    actors = ActorIndex(load_pack("sahel"))
    start, cpu = time.perf_counter(), time.process_time()
    labels = cluster_labels(data.mentions, actors)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    done.set()
    sampler.join()
    b3 = bcubed(labels, data.truth)
    return {
        "mentions": n,
        "events_true": len(set(data.truth)),
        "events_found": len(set(labels.tolist())),
        "generate_seconds": round(generated, 2),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # less sensitive to other processes on the machine
        "mentions_per_second": round(n / seconds),
        "peak_rss_mb": round(max(peak[0], 0) / 2**20),
        "rss_with_mentions_mb": round(input_rss / 2**20),  # before resolution starts
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "bcubed_precision": round(b3.precision, 4),
        "bcubed_recall": round(b3.recall, 4),
        "bcubed_f1": round(b3.f1, 4),
        "pairwise_f1": round(pairwise(labels, data.truth).f1, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="comma-separated numbers of mentions"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_size(args.child, args.seed)))
        return
    print(
        f"{'mentions':>10} {'seconds':>8} {'mentions/s':>11} {'peak RSS MB':>12} {'of which input':>14} "
        f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{r['mentions']:>10,} {r['seconds']:>8.1f} {r['mentions_per_second']:>11,} "
            f"{r['peak_rss_mb']:>12,} {r['rss_with_mentions_mb']:>14,} {r['bcubed_precision']:>6.3f} {r['bcubed_recall']:>6.3f} "
            f"{r['bcubed_f1']:>6.3f} {r['pairwise_f1']:>7.3f}",
            flush=True,
        )
        print(json.dumps(r), file=sys.stderr)


if __name__ == "__main__":
    main()
