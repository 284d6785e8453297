#!/usr/bin/env python3
"""Scores threadline's social listening against a truth file.

Usage: score_incidents.py TRUTH INTERACTIONS INCIDENTS ALERTS

TRUTH         JSON Lines with "id" and "incident" (an outage name or null)
INTERACTIONS  the Interaction JSON Lines that were linked (for times)
INCIDENTS     `threadline link --incidents-out` output
ALERTS        `threadline link --alerts-out` output

Prints pairwise precision, recall and F1 of incident membership over pairs
of interactions (two interactions are a pair when they are in the same
incident), and for each true incident its first complaint and the first
alert raised from then until its last interaction; alerts outside every true
incident are false alerts.
"""
import collections
import datetime
import itertools
import json
import sys


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def when(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def pairs(groups):
    out = set()
    for members in groups.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    truth = {r["id"]: r.get("incident") for r in read_lines(argv[1])}
    times = {r["id"]: r for r in read_lines(argv[2])}
    found = read_lines(argv[3])
    alerts = read_lines(argv[4])

    true_groups = collections.defaultdict(set)
    for iid, inc in truth.items():
        if inc:
            true_groups[inc].add(iid)
    found_groups = {}
    for inc in found:
        found_groups[inc["incident_id"]] = {
            i for i in inc["interaction_ids"] if i in truth}
    tp_pairs = pairs(true_groups)
    fp_pairs = pairs(found_groups)
    both = len(tp_pairs & fp_pairs)
    precision = both / len(fp_pairs) if fp_pairs else 0.0
    recall = both / len(tp_pairs) if tp_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if both else 0.0
    print(f"incidents  found {len(found_groups)}, true {len(true_groups)}")
    print(f"pairwise   precision {precision:.4f}  recall {recall:.4f}  "
          f"F1 {f1:.4f}  ({both} of {len(fp_pairs)} found pairs, "
          f"{len(tp_pairs)} true pairs)")
    for name, members in sorted(found_groups.items()):
        labels = collections.Counter(truth.get(i) or "none" for i in members)
        print(f"  {name}: {len(members)} interactions, truth {dict(labels)}")

    spans = {}
    for inc, members in true_groups.items():
        inbound = [when(times[i]["occurred_at"]) for i in members
                   if i in times and times[i]["direction"] == "INBOUND"]
        every = [when(times[i]["occurred_at"]) for i in members if i in times]
        spans[inc] = (min(inbound), max(every))
    claimed = set()
    for inc, (first, last) in sorted(spans.items(), key=lambda kv: kv[1]):
        hits = [a for a in alerts
                if first <= when(a["raised_at"]) <= last]
        claimed.update(a["alert_id"] for a in hits)
        if hits:
            a = min(hits, key=lambda a: when(a["raised_at"]))
            delay = when(a["raised_at"]) - first
            scope = a["topic"] if a["scope"] == "TOPIC" else a["channel"]
            print(f"alert      {inc}: first complaint {first:%Y-%m-%d %H:%M}, "
                  f"first alert {a['alert_id']} ({a['scope']} {scope}) after "
                  f"{delay.total_seconds() / 60:.0f} min, {len(hits)} alerts")
        else:
            print(f"alert      {inc}: first complaint {first:%Y-%m-%d %H:%M}, "
                  f"NO alert")
    false = [a for a in alerts if a["alert_id"] not in claimed]
    print(f"false      {len(false)} alerts outside every true incident")
    for a in false:
        scope = a["topic"] if a["scope"] == "TOPIC" else a["channel"]
        print(f"  {a['alert_id']} {a['raised_at']} {a['scope']} {scope} "
              f"count {a['count']} usual {a['expected']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
