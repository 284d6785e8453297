"""The value types of durability and social listening: what erase and
recovery report, alerts and incidents, and the options and replies handed
in. Same conventions as threadline._types: aware UTC datetimes, timedeltas,
str enums, repr and to_dict() on every result."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from ._enums import (ALERT_SCOPES, CHANNELS, DIRECTIONS, DISPOSITIONS,
                     INCIDENT_STATUSES, AlertScope, Channel, IncidentStatus)
from ._types import (Identity, Interaction, _Value, micros_of_duration,
                     time_from_micros)


def interaction_from(t: tuple) -> Interaction:
    """An Interaction from the extension's tuple (replies the engine made)."""
    return Interaction(
        id=t[0], occurred_at=time_from_micros(t[1]), channel=CHANNELS[t[2]],
        direction=DIRECTIONS[t[3]], contact=Identity._from(t[4]),
        identities=[Identity._from(x) for x in t[5]], text=t[6],
        reply_to=t[7], thread_id=t[8], external_ref=t[9], topic=t[10],
        agent_id=t[11], language=t[12], region=t[13], display_name=t[14],
        disposition=None if t[15] == 0 else DISPOSITIONS[t[15]])


@dataclass(frozen=True)
class ErasureReport(_Value):
    """What Engine.erase removed."""
    customer_ids: List[str]  # the customer, then those merged into it
    identities: int
    interactions: int        # theirs, and the brand's replies in their cases
    cases: int


@dataclass(frozen=True)
class RecoveryReport(_Value):
    """What the engine loaded from its store when it opened."""
    store: str               # where ("journal /var/lib/x"); "" without one
    snapshot_sequence: int   # the snapshot restored; 0 for none
    events: int              # events replayed after it
    last_sequence: int
    # A torn or corrupt tail (a crash mid-write) cut off: how many bytes and
    # what was wrong; 0 and "" when nothing was dropped.
    dropped_bytes: int
    dropped: str
    snapshot_taken_at: Optional[_dt.datetime]  # None without a snapshot
    took: _dt.timedelta      # time to load

    @classmethod
    def _from(cls, t: tuple) -> "RecoveryReport":
        return cls(t[0], t[1], t[2], t[3], t[4], t[5], time_from_micros(t[6]),
                   _dt.timedelta(microseconds=t[7]))


@dataclass(frozen=True)
class ChannelCount(_Value):
    """How many of an alert's (or incident's) messages came on a channel."""
    channel: Channel
    count: int
    is_public: bool

    @classmethod
    def _from(cls, t: tuple) -> "ChannelCount":
        return cls(CHANNELS[t[0]], t[1], t[2])


@dataclass(frozen=True)
class AlertSample(_Value):
    """One of the messages behind an alert."""
    interaction_id: str
    occurred_at: _dt.datetime
    channel: Channel
    text: str

    @classmethod
    def _from(cls, t: tuple) -> "AlertSample":
        return cls(t[0], time_from_micros(t[1]), CHANNELS[t[2]], t[3])


@dataclass(frozen=True)
class Alert(_Value):
    """Negative volume of a topic or channel well above its usual level."""
    id: str                   # "a-N", in the order raised
    scope: AlertScope
    topic: str                # TOPIC scope: the topic watched, else ""
    channel: Channel          # CHANNEL scope: the channel watched
    raised_at: _dt.datetime   # the time of the message that tipped it
    first_at: _dt.datetime    # the first negative message in the window
    window: _dt.timedelta
    count: int                # customers with negative messages in the window
    expected: float           # the usual level of such a window at that hour
    per_hour: float           # the window's rate
    public_count: int         # of count, on public channels
    channels: List[ChannelCount]  # most first
    samples: List[AlertSample]    # the first few, oldest first

    @classmethod
    def _from(cls, t: tuple) -> "Alert":
        return cls(t[0], ALERT_SCOPES[t[1]], t[2], CHANNELS[t[3]],
                   time_from_micros(t[4]), time_from_micros(t[5]),
                   _dt.timedelta(microseconds=t[6]), t[7], t[8], t[9], t[10],
                   [ChannelCount._from(c) for c in t[11]],
                   [AlertSample._from(s) for s in t[12]])


@dataclass(frozen=True)
class Incident(_Value):
    """Open cases of many customers reporting one grievance at one time,
    answered (Engine.reply_to_incident) and resolved once."""
    id: str                   # "i-N", in the order found
    status: IncidentStatus
    topic: str                # the commonest topic of its reports
    case_ids: List[str]       # member cases, in order joined
    customer_ids: List[str]
    first_at: _dt.datetime    # its first report
    last_at: _dt.datetime     # its latest report
    reports: int              # inbound reports that joined it
    channels: List[ChannelCount]  # reports per channel, most first
    sample_text: str          # the report that seeded it
    interaction_ids: List[str]    # of all member cases

    @classmethod
    def _from(cls, t: tuple) -> "Incident":
        return cls(t[0], INCIDENT_STATUSES[t[1]], t[2], t[3], t[4],
                   time_from_micros(t[5]), time_from_micros(t[6]), t[7],
                   [ChannelCount._from(c) for c in t[8]], t[9], t[10])


@dataclass
class IncidentReply(_Value):
    """One answer to every member of an incident (Engine.reply_to_incident).

    text: the reply by language ({"en": ..., "es": ...}); "" holds the
        fallback for a customer whose language has no entry. Required.
    private_text: wording for private channels (email, WhatsApp, chat, SMS),
        by language; falls back to text. A public post should not say what
        only the customer should read.
    agent_id: who answers.
    at: when (an aware datetime); default the engine's clock, or now.
    resolve: mark each reply RESOLVED, resolving every member case and the
        incident.
    id_prefix: prefix of the reply interactions' ids (prefix + case id); a
        retry with the same prefix sends nothing twice. Default
        "<incident id>-<unix seconds of at>-".
    """
    text: Mapping[str, str]
    private_text: Mapping[str, str] = field(default_factory=dict)
    agent_id: str = ""
    at: Optional[_dt.datetime] = None
    resolve: bool = False
    id_prefix: str = ""


@dataclass
class ListeningOptions(_Value):
    """How sensitive the early warning and incident grouping are (the
    engine's ListeningOptions, see threadline/listening.h). Give it as
    Engine(listening=ListeningOptions(...)) or its fields as a dict."""
    alerts: bool = True                 # raise alerts at all
    # The sliding window whose negative volume is compared with its usual
    # level.
    alert_window: _dt.timedelta = _dt.timedelta(hours=1)
    alert_min_volume: int = 12          # fewest customers that may alert
    alert_min_ratio: float = 4.0        # times the usual level, at least
    alert_max_probability: float = 1e-6  # and this unlikely under it
    # No other alert on the same topic or channel until back to normal this
    # long.
    alert_cooldown: _dt.timedelta = _dt.timedelta(hours=12)
    prior_per_hour: float = 2.0         # usual level before any history...
    prior_hours: float = 24.0           # ...weighing as this much history
    # Nothing is judged until this much traffic has taught the usual levels.
    learning_period: _dt.timedelta = _dt.timedelta(hours=24)
    # A surge lasting this long is the new usual level, not a wave.
    max_wave: _dt.timedelta = _dt.timedelta(hours=24)
    incidents: bool = True              # group cases into incidents
    seed_similarity: float = 0.5        # reports seed an incident this similar
    join_similarity: float = 0.25       # a report joins one this similar
    incident_min_cases: int = 6         # fewest customers making an incident
    # How close in time the seeding reports must be.
    incident_window: _dt.timedelta = _dt.timedelta(hours=2)
    # An incident takes new cases while its last joiner is at most this old.
    incident_idle: _dt.timedelta = _dt.timedelta(hours=2)

    def _dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if isinstance(f.default, _dt.timedelta):
                out[f.name + "_us"] = micros_of_duration(v, f"listening.{f.name}")
            elif isinstance(f.default, bool):
                if not isinstance(v, bool):
                    raise TypeError(f'option "listening.{f.name}": expected '
                                    f"bool, got {type(v).__name__} {v!r}")
                out[f.name] = v
            elif isinstance(f.default, int):
                if not isinstance(v, int) or isinstance(v, bool):
                    raise TypeError(f'option "listening.{f.name}": expected '
                                    f"int, got {type(v).__name__} {v!r}")
                out[f.name] = v
            else:
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    raise TypeError(f'option "listening.{f.name}": expected a '
                                    f"number, got {type(v).__name__} {v!r}")
                out[f.name] = float(v)
        return out
