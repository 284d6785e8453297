#!/usr/bin/env python3
"""Ingest throughput from Python against the C++ engine alone.

Measures, in one run on the same interactions:
  - Python: one Engine.ingest_many over all the FORMAT.md dicts, which it
    links in batches (the dicts are made before timing, as a host holds
    them; timed: writing each as a JSON line, the C++ parse, IngestBatch,
    the Linkage objects);
  - C++: IngestBatch on the same lines parsed in C++ beforehand (timed:
    IngestBatch only), through _threadline.time_cpp_ingest;
and prints both and their ratio.

Usage (from the build tree):
    PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/python_ingest.py \\
        [JOURNEYS.jsonl] [--customers 20000] [--batch 1000]
Without a file it simulates --customers people first (not timed).
"""

import argparse
import json
import os
import sys
import tempfile
import time

import threadline
from threadline import _threadline
from threadline._engine import engine_options

# The simulator's brand (see `threadline simulate --help`).
OWN = ["TWITTER:@AcmeCare", "INSTAGRAM:@acme.care", "EMAIL:support@acme.com",
       "PHONE:+1 800 555 0199", "PHONE:+57 1 8000 555019",
       "PHONE:+52 800 555 0199", "PHONE:+34 900 550 199"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("journeys", nargs="?", help="Interaction JSON Lines")
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each, alternating; the best of each "
                             "counts (the machine may be shared)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.journeys
        if path is None:
            path = os.path.join(tmp, "journeys.jsonl")
            code = _threadline.run_command(
                "simulate", ["--customers", str(args.customers), "--out", path,
                             "--quiet"])
            if code != 0:
                sys.exit(code)
        with open(path, encoding="utf-8") as f:
            items = [json.loads(line) for line in f if line.strip()]

        cpp_seconds = py_seconds = float("inf")
        for _ in range(max(1, args.repeat)):
            n_cpp, seconds = _threadline.time_cpp_ingest(
                path, engine_options(own_identities=OWN), args.batch)
            cpp_seconds = min(cpp_seconds, seconds)

            engine = threadline.Engine(own_identities=OWN)
            start = time.perf_counter()
            engine.ingest_many(items, batch_size=args.batch,
                               return_errors=True)
            py_seconds = min(py_seconds, time.perf_counter() - start)
            n_py = engine.stats().interactions

    py_rate, cpp_rate = n_py / py_seconds, n_cpp / cpp_seconds
    print(f"interactions: {len(items)} (Python ingested {n_py}, C++ {n_cpp}), "
          f"batches of {args.batch}, best of {max(1, args.repeat)}")
    print(f"Python ingest_many (dicts):    {py_rate:10,.0f} interactions/s "
          f"({py_seconds:.2f} s)")
    print(f"C++ IngestBatch (parsed in C++): {cpp_rate:8,.0f} interactions/s "
          f"({cpp_seconds:.2f} s)")
    print(f"Python / C++: {100 * py_rate / cpp_rate:.0f}%")


if __name__ == "__main__":
    main()
