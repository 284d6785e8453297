#!/usr/bin/env python3
"""Links a JSON Lines export of interactions (FORMAT.md) and prints a
cross-channel journey report: how cases travel between channels, the
commonest channel switches, and the customers known by several identities.

Usage:
    bulk_link.py JOURNEYS.jsonl [--out LINKAGE.jsonl] [--own-identity KIND:VALUE]...

Try it on simulated data, from the build tree:
    build/src/cli/threadline simulate --customers 2000 --out journeys.jsonl
    PYTHONPATH=build/bindings/python python3 examples/python/bulk_link.py \\
        journeys.jsonl --own-identity TWITTER:@AcmeCare
"""

import argparse
import collections
import itertools
import json
import sys
import time

import threadline

BATCH = 1000


def read_batches(path):
    """Batches of (line number, interaction dict); bad JSON is reported and
    skipped, as `threadline link` does."""
    batch = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                batch.append((number, json.loads(line)))
            except json.JSONDecodeError as e:
                print(f"line {number}: bad JSON: {e}", file=sys.stderr)
                continue
            if len(batch) == BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def channel_path(case):
    return " → ".join(c.value for c in case.channels)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("journeys", help="Interaction JSON Lines to link")
    parser.add_argument("--out", help="write one linkage per line here")
    parser.add_argument("--own-identity", action="append", default=[],
                        metavar="KIND:VALUE",
                        help="the brand's own handle or number (repeatable)")
    parser.add_argument("--top", type=int, default=8, help="rows per table")
    args = parser.parse_args()

    engine = threadline.Engine(own_identities=args.own_identity, batch_threads=2)
    start = time.perf_counter()
    ids, skipped = [], 0
    for batch in read_batches(args.journeys):
        results = engine.ingest_many((d for _, d in batch), return_errors=True)
        for (number, item), result in zip(batch, results):
            if isinstance(result, threadline.Error):
                skipped += 1
                print(f"line {number}: {result.message}", file=sys.stderr)
            else:
                ids.append(result.interaction_id)
    seconds = time.perf_counter() - start

    # Ids as they stand after the whole export: later lines may have shown
    # that two customers, or two cases, are one.
    linkages = [engine.linkage_of(i) for i in ids]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for link in linkages:
                out.write(json.dumps(link.to_dict()) + "\n")

    cases = [engine.case(k) for k in dict.fromkeys(l.case_id for l in linkages)]
    customers = [engine.customer(c)
                 for c in dict.fromkeys(l.customer_id for l in linkages)]
    stats = engine.stats()
    crossed = [k for k in cases if len(k.channels) > 1]
    print(f"Linked {len(linkages)} interactions in {seconds:.2f} s "
          f"({skipped} skipped): {stats.customers} customers, {stats.cases} cases, "
          f"{len(crossed)} of them across channels "
          f"({100 * len(crossed) / max(1, len(cases)):.0f}%)")

    print("\nCases per channel path (across channels)")
    paths = collections.Counter(channel_path(k) for k in crossed)
    for path, n in paths.most_common(args.top):
        print(f"  {n:6}  {path}")
    single = collections.Counter(channel_path(k) for k in cases
                                 if len(k.channels) == 1)
    print("  on one channel: " + ", ".join(
        f"{path} {n}" for path, n in single.most_common(args.top)))

    print("\nTop channel switches (consecutive contacts of one case)")
    channel_of = {}
    switches = collections.Counter()
    for customer in {k.customer_id for k in crossed}:
        for entry in engine.timeline(customer):
            channel_of[entry.interaction_id] = entry.channel
    for k in crossed:
        channels = [channel_of[i] for i in k.interaction_ids]
        for a, b in itertools.pairwise(channels):
            if a is not b:
                switches[f"{a.value} → {b.value}"] += 1
    for switch, n in switches.most_common(args.top):
        print(f"  {n:6}  {switch}")

    several = [c for c in customers
               if len({ci.identity.kind for ci in c.identities}) > 1]
    print(f"\nCustomers with several identities: {len(several)} of {len(customers)}")
    several.sort(key=lambda c: (-len(c.identities), c.id))
    for c in several[:args.top]:
        name = c.display_names[0] if c.display_names else "?"
        known = ", ".join(str(ci.identity) for ci in c.identities)
        print(f"  {c.id:<8} {name:<20} {known}")


if __name__ == "__main__":
    main()
