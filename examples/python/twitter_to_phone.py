#!/usr/bin/env python3
"""A customer tweets about an outage, an agent replies on Twitter, and the
next morning the customer phones, giving their handle when the agent asks.
The call joins the same case, and the phone agent sees the whole story.

Run from the build tree:
    PYTHONPATH=build/bindings/python python3 examples/python/twitter_to_phone.py
"""

from datetime import datetime, timedelta, timezone

import threadline

UTC = timezone.utc


def show(context: threadline.HandoffContext) -> None:
    """Prints a handoff context the way an agent's screen would show it."""
    case, customer = context.case, context.customer
    path = " → ".join(c.value for c in context.channels)
    print(f"Case {case.id} ({case.status.value.lower()}, {case.topic or 'no topic'}): {path}")
    print(f"  started {context.started_at:%a %d %b %H:%M} on {context.started_on.value}")
    names = ", ".join(customer.display_names) or "name unknown"
    print(f"  customer {customer.id} ({names}):")
    for ci in customer.identities:
        how = "written in a message" if ci.mentioned else f"from {ci.evidence_interaction_id}"
        print(f"    {ci.identity}  ({how})")
    waited = int(context.waiting.total_seconds() // 60)
    print(f"  waiting for us: {waited} min" if waited else "  nobody waiting")
    print("  last messages:")
    for m in context.last_messages:
        who = "customer" if m.direction is threadline.Direction.INBOUND else m.agent_id
        print(f"    {m.occurred_at:%d %b %H:%M}  {m.channel.value:<8} {who:<9} {m.text}")


def main() -> None:
    tweet_time = datetime(2026, 1, 5, 19, 43, tzinfo=UTC)
    clock = threadline.ManualClock(tweet_time)
    engine = threadline.Engine(own_identities=["TWITTER:@AcmeCare",
                                               "PHONE:+1 800 555 0199"],
                               clock=clock)

    tweet = {
        "id": "tw-1001", "occurred_at": tweet_time, "channel": "TWITTER",
        "direction": "INBOUND",
        "contact": {"kind": "TWITTER", "value": "@GraceC"},
        "display_name": "Grace Clark", "topic": "outage",
        "text": "@AcmeCare internet down in Brooklyn since 6pm, again. "
                "I called +1 800 555 0199 and nobody answers",
    }
    first = engine.ingest(tweet)
    print(f"tweet    → customer {first.customer_id}, case {first.case_id} "
          f"({first.reason.value})")

    answer = engine.ingest({
        "id": "tw-1002", "occurred_at": tweet_time + timedelta(minutes=12),
        "channel": "TWITTER", "direction": "OUTBOUND",
        "contact": {"kind": "TWITTER", "value": "@GraceC"},
        "reply_to": "tw-1001", "agent_id": "agent-7",
        "text": "@GraceC Sorry Grace! There is an outage in your area; "
                "engineers are on it. ^AB",
    })
    print(f"reply    → case {answer.case_id} ({answer.reason.value})")

    call_time = datetime(2026, 1, 6, 9, 5, tzinfo=UTC)
    call = engine.ingest({
        "id": "call-77", "occurred_at": call_time, "channel": "VOICE",
        "direction": "INBOUND", "region": "US", "topic": "outage",
        "contact": {"kind": "PHONE", "value": "(646) 555-0134"},
        # Captured by the IVR agent: "what is your Twitter handle?"; the
        # phone system had no account number and wrote a placeholder.
        "identities": [{"kind": "TWITTER", "value": "gracec"},
                       {"kind": "ACCOUNT", "value": "N/A"}],
        "text": "Still no internet this morning, I tweeted you last night",
    })
    print(f"call     → customer {call.customer_id}, case {call.case_id} "
          f"({call.reason.value}, continued={call.continued})")
    for left_out in call.ignored_identities:  # what names no one, and why
        print(f"           left out {left_out.identity}: {left_out.why}")
    if call.case_id != first.case_id:
        raise SystemExit("the call did not join the tweet's case")

    clock.set(call_time + timedelta(minutes=3))
    print()
    print("What the phone agent sees:")
    show(engine.context(call.case_id))


if __name__ == "__main__":
    main()
