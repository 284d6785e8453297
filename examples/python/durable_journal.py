#!/usr/bin/env python3
"""A contact centre that keeps its customers across restarts, and forgets one
who asks.

The engine writes every change to a journal directory. The process "restarts"
(the engine is closed and opened again on the same directory) and finds the
same customers and cases. Then a customer asks to be forgotten: erase()
removes them, and a checkpoint drops the journal's older events, so not one
byte of their address or messages stays in its files.

Run from the build tree (the journal goes to a new temporary directory unless
one is given):
    PYTHONPATH=build/bindings/python python3 examples/python/durable_journal.py [DIR]
"""

import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone

import threadline

T0 = datetime(2026, 1, 5, 19, 43, tzinfo=timezone.utc)
ANN = "ann.moreno@example.org"


def interactions():
    """Grace tweets then phones (one case); Ann emails, then chats."""
    def inbound(id, minutes, channel, kind, value, text, **more):
        return dict(id=id, occurred_at=T0 + timedelta(minutes=minutes),
                    channel=channel, direction="INBOUND",
                    contact={"kind": kind, "value": value}, text=text, **more)
    return [
        inbound("tw-1", 0, "TWITTER", "TWITTER", "@GraceC",
                "@AcmeCare internet down in Brooklyn since 6pm", topic="outage",
                display_name="Grace Clark"),
        inbound("call-1", 14 * 60, "VOICE", "PHONE", "(646) 555-0134",
                "Still no internet", region="US", topic="outage",
                identities=[{"kind": "TWITTER", "value": "gracec"}]),
        inbound("em-1", 30, "EMAIL", "EMAIL", ANN,
                "My refund for order 5521 never arrived", topic="billing",
                display_name="Ann Moreno"),
        inbound("chat-1", 16 * 60, "WEB_CHAT", "EMAIL", ANN,
                "Please delete all my data, I am closing my account",
                topic="billing"),
    ]


def journal_bytes(directory):
    """Every byte of the journal's files, to check what is left in them."""
    data = b""
    for root, _, names in os.walk(directory):
        for name in names:
            with open(os.path.join(root, name), "rb") as f:
                data += f.read()
    return data


def show_case(engine, interaction_id):
    link = engine.linkage_of(interaction_id)
    case = engine.case(link.case_id)
    path = " → ".join(c.value for c in case.channels)
    names = ", ".join(engine.customer(link.customer_id).display_names)
    print(f"  {names}: case {case.id} ({case.topic}) {path}, "
          f"{len(case.interaction_ids)} messages")


def main(directory):
    print(f"Journal: {directory}")
    with threadline.Engine(journal_dir=directory) as engine:
        engine.ingest_many(interactions())
        s = engine.stats()
        print(f"Linked {s.interactions} interactions: {s.customers} customers, "
              f"{s.cases} cases")

    print("\nRestart: the engine opens the same journal")
    with threadline.Engine(journal_dir=directory) as engine:
        r = engine.recovery()
        print(f"  replayed {r.events} events"
              f"{'' if not r.snapshot_sequence else f' after snapshot {r.snapshot_sequence}'}"
              f" in {r.took.total_seconds() * 1000:.1f} ms; "
              f"{r.dropped_bytes} bytes cut off")
        show_case(engine, "call-1")
        show_case(engine, "chat-1")

        print(f"\nAnn asks to be forgotten ({ANN})")
        ann = engine.find_customer("EMAIL", ANN)
        report = engine.erase(ann.id)
        print(f"  erased customer {', '.join(report.customer_ids)}: "
              f"{report.identities} identities, {report.interactions} "
              f"interactions, {report.cases} cases")
        try:
            engine.find_customer("EMAIL", ANN)
        except threadline.Error as e:
            print(f"  looking her up now: {e.code}")
        show_case(engine, "call-1")

    left = journal_bytes(directory)
    print(f"  copies of her address left in the journal's files: "
          f"{left.count(ANN.encode())}")
    print(f"  copies of her messages left: {left.count(b'refund for order 5521')}")

    print("\nRestart again")
    with threadline.Engine(journal_dir=directory) as engine:
        r = engine.recovery()
        s = engine.stats()
        print(f"  restored snapshot {r.snapshot_sequence}, replayed {r.events} "
              f"events: {s.customers} customer, {s.cases} case")
        show_case(engine, "tw-1")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory(prefix="threadline-journal-") as d:
            main(os.path.join(d, "journal"))
