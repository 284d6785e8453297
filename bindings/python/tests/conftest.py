"""Shared helpers of the threadline Python tests."""

from datetime import datetime, timedelta, timezone

import pytest

import threadline


def at(day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A time `day` days after 2026-01-05, in UTC."""
    return datetime(2026, 1, 5, hour, minute, tzinfo=timezone.utc) + timedelta(days=day)


def make(id, when, channel, kind, contact, text="", **fields):
    """A FORMAT.md dict of an inbound interaction."""
    d = {"id": id, "occurred_at": when, "channel": channel,
         "direction": "INBOUND", "contact": {"kind": kind, "value": contact},
         "text": text}
    d.update(fields)
    return d


def reply(id, to, when, text="We are looking into it", **fields):
    """The agent's reply to `to`, on its channel, to its contact."""
    d = dict(to, id=id, occurred_at=when, direction="OUTBOUND",
             reply_to=to["id"], agent_id="agent-1", text=text)
    d.pop("identities", None)
    d.update(fields)
    return d


@pytest.fixture
def clock():
    return threadline.ManualClock(at(0))


@pytest.fixture
def engine(clock):
    return threadline.Engine(clock=clock)
