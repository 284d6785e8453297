"""The value types of threadline: what goes into the engine (Interaction,
Identity) and what comes out (Linkage, Customer, Case, HandoffContext, ...).

Times are timezone-aware datetimes in UTC, durations timedeltas, enums the
str enums of threadline._enums. Every result type has a readable repr and
to_dict(), which gives plain JSON-ready values (times as RFC 3339 strings).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ._enums import (ALERT_SCOPES, CASE_STATUSES, CHANNELS, DIRECTIONS,
                     DISPOSITIONS, IDENTITY_KINDS, INCIDENT_STATUSES,
                     LINK_REASONS, AlertScope, CaseStatus, Channel, Direction,
                     Disposition, IdentityKind, IncidentStatus, LinkReason)
from ._errors import Error

UTC = _dt.timezone.utc
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = _dt.timedelta(microseconds=1)


def time_from_micros(us: Optional[int]) -> Optional[_dt.datetime]:
    """A UTC datetime from microseconds since the epoch (None stays None)."""
    return None if us is None else _EPOCH + _dt.timedelta(microseconds=us)


def micros_of(value: _dt.datetime, field_name: str) -> int:
    """Microseconds since the epoch of an aware datetime. A naive datetime
    is refused: its zone is a guess, and a guessed zone links wrongly."""
    if not isinstance(value, _dt.datetime):
        raise TypeError(f'field "{field_name}": expected a datetime, got '
                        f"{type(value).__name__} {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise Error("INVALID_ARGUMENT",
                    f'field "{field_name}": {value.isoformat()} is a naive '
                    "datetime; give one with a time zone (tzinfo=timezone.utc)")
    return (value - _EPOCH) // _MICRO


def rfc3339(value: _dt.datetime, field_name: str) -> str:
    """`value` as RFC 3339, refusing a naive datetime (see micros_of)."""
    if value.tzinfo is None or value.utcoffset() is None:
        micros_of(value, field_name)  # raises the error naming the field
    return value.isoformat()


def micros_of_duration(value: _dt.timedelta, field_name: str) -> int:
    if not isinstance(value, _dt.timedelta):
        raise TypeError(f'option "{field_name}": expected a timedelta, got '
                        f"{type(value).__name__} {value!r}")
    return value // _MICRO


def _plain(value: Any) -> Any:
    """A JSON-ready form of a field value, for to_dict()."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Value:
    """to_dict() for the dataclasses below."""

    def to_dict(self) -> Dict[str, Any]:
        """The fields as plain values: enums by name, times as RFC 3339
        strings, durations in seconds, nested values as dicts."""
        return {f.name: _plain(getattr(self, f.name))
                for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Identity(_Value):
    """An address of a customer: raw as handed in ("(646) 555-0134"),
    canonical as the engine returns it ("+16465550134")."""
    kind: IdentityKind
    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", IdentityKind.parse(self.kind, "kind"))
        if not isinstance(self.value, str):
            raise TypeError(f'field "value": expected str, got '
                            f"{type(self.value).__name__} {self.value!r}")

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.value}"

    @classmethod
    def of(cls, value: "IdentityLike", field_name: str = "identity") -> "Identity":
        """An Identity from an Identity, a (kind, value) pair, a
        {"kind": ..., "value": ...} dict or a "KIND:VALUE" string."""
        if isinstance(value, Identity):
            return value
        if isinstance(value, str):
            kind, sep, raw = value.partition(":")
            if not sep:
                raise Error("INVALID_ARGUMENT",
                            f'field "{field_name}": "{value}" is not KIND:VALUE '
                            '(e.g. "TWITTER:@AcmeCare")')
            return cls(IdentityKind.parse(kind, f"{field_name}.kind"), raw)
        if isinstance(value, Mapping):
            try:
                return cls(IdentityKind.parse(value["kind"], f"{field_name}.kind"),
                           value["value"])
            except KeyError as e:
                raise Error("INVALID_ARGUMENT",
                            f'field "{field_name}.{e.args[0]}" is required') from None
        if isinstance(value, tuple) and len(value) == 2:
            return cls(IdentityKind.parse(value[0], f"{field_name}.kind"), value[1])
        raise TypeError(f'field "{field_name}": expected an Identity, a (kind, '
                        f"value) pair or a dict, got {type(value).__name__} "
                        f"{value!r}")

    @classmethod
    def _from(cls, t: Tuple[int, str]) -> "Identity":
        return cls(IDENTITY_KINDS[t[0]], t[1])

    def _pair(self) -> Tuple[int, str]:
        return (self.kind.number, self.value)


IdentityLike = Union[Identity, Tuple[Union[IdentityKind, str], str],
                     Mapping[str, str], str]


@dataclass
class Interaction(_Value):
    """One contact with a customer, as FORMAT.md describes its fields.

    Enums may be given as members or names ("TWITTER"), identities as
    Identity, (kind, value) pairs or dicts, occurred_at as an aware datetime
    or an RFC 3339 string.
    """
    id: str
    occurred_at: Union[_dt.datetime, str]
    channel: Union[Channel, str]
    direction: Union[Direction, str]
    contact: IdentityLike
    identities: List[IdentityLike] = field(default_factory=list)
    text: str = ""
    reply_to: str = ""
    thread_id: str = ""
    external_ref: str = ""
    topic: str = ""
    agent_id: str = ""
    language: str = ""
    region: str = ""
    display_name: str = ""
    disposition: Optional[Union[Disposition, str]] = None

    def to_dict(self) -> Dict[str, Any]:
        """The FORMAT.md dict of this interaction: empty fields left out,
        enums by name, occurred_at as RFC 3339."""
        d: Dict[str, Any] = {}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if v is None or v == "" or v == []:
                continue
            if f.name == "occurred_at" and isinstance(v, _dt.datetime):
                v = rfc3339(v, "occurred_at")
            elif f.name == "contact":
                v = Identity.of(v, "contact").to_dict()
            elif f.name == "identities":
                v = [Identity.of(x, f"identities[{i}]").to_dict()
                     for i, x in enumerate(v)]
            elif isinstance(v, enum.Enum):
                v = v.value
            d[f.name] = v
        return d


@dataclass(frozen=True)
class Linkage(_Value):
    """The answer to one ingest: the interaction's customer and case, why it
    joined that case, and whether the case existed before."""
    interaction_id: str
    customer_id: str
    case_id: str
    reason: LinkReason
    continued: bool

    @classmethod
    def _from(cls, t: tuple) -> "Linkage":
        return cls(t[0], t[1], t[2], LINK_REASONS[t[3]], t[4])


@dataclass(frozen=True)
class CustomerIdentity(_Value):
    """An identity of a customer and how it came to be theirs."""
    identity: Identity
    first_seen: _dt.datetime
    last_seen: _dt.datetime
    evidence_interaction_id: str
    mentioned: bool  # found in a message's text rather than given

    @classmethod
    def _from(cls, t: tuple) -> "CustomerIdentity":
        return cls(Identity._from(t[0]), time_from_micros(t[1]),
                   time_from_micros(t[2]), t[3], t[4])


@dataclass(frozen=True)
class Customer(_Value):
    """One person across all their identities."""
    id: str
    identities: List[CustomerIdentity]
    display_names: List[str]
    absorbed_ids: List[str]  # customers merged into this one
    first_seen: _dt.datetime
    last_seen: _dt.datetime

    @classmethod
    def _from(cls, t: tuple) -> "Customer":
        return cls(t[0], [CustomerIdentity._from(x) for x in t[1]], t[2], t[3],
                   time_from_micros(t[4]), time_from_micros(t[5]))


@dataclass(frozen=True)
class SentimentTrend(_Value):
    """How a case's customer felt, from the sentiment of their inbound
    messages in time order (-1 most negative .. 1 most positive). With
    scored == 0 (nothing scored, or sentiment=False) the rest is 0."""
    scored: int            # inbound messages scored
    first: float
    last: float
    worst: float
    worst_interaction_id: str

    @classmethod
    def _from(cls, t: tuple) -> "SentimentTrend":
        return cls(t[0], t[1], t[2], t[3], t[4])


@dataclass(frozen=True)
class Case(_Value):
    """One inquiry of one customer, across channels."""
    id: str
    customer_id: str
    status: CaseStatus
    channels: List[Channel]       # in order of first use
    interaction_ids: List[str]    # in time order
    opened_at: _dt.datetime
    last_activity_at: _dt.datetime
    resolved_at: Optional[_dt.datetime]  # None unless resolved
    topic: str                    # the matter, when known
    absorbed_ids: List[str]       # cases merged into this one
    sentiment: SentimentTrend     # how the customer's mood went
    incident_id: str              # its incident, open or resolved; else ""

    @classmethod
    def _from(cls, t: tuple) -> "Case":
        return cls(t[0], t[1], CASE_STATUSES[t[2]], [CHANNELS[c] for c in t[3]],
                   t[4], time_from_micros(t[5]), time_from_micros(t[6]),
                   time_from_micros(t[7]), t[8], t[9],
                   SentimentTrend._from(t[10]), t[11])


@dataclass(frozen=True)
class MergeRecord(_Value):
    """One merge of two customers, kept so it can be undone."""
    id: str
    survivor_id: str
    absorbed_id: str
    evidence_interaction_id: str        # empty for an explicit merge
    evidence_identity: Optional[Identity]  # None for an explicit merge
    at: _dt.datetime
    undone: bool

    @classmethod
    def _from(cls, t: tuple) -> "MergeRecord":
        return cls(t[0], t[1], t[2], t[3],
                   None if t[4] is None else Identity._from(t[4]),
                   time_from_micros(t[5]), t[6])


@dataclass(frozen=True)
class TimelineEntry(_Value):
    """One entry of a customer's timeline across channels."""
    interaction_id: str
    case_id: str
    occurred_at: _dt.datetime
    channel: Channel
    direction: Direction
    text: str

    @classmethod
    def _from(cls, t: tuple) -> "TimelineEntry":
        return cls(t[0], t[1], time_from_micros(t[2]), CHANNELS[t[3]],
                   DIRECTIONS[t[4]], t[5])


@dataclass(frozen=True)
class ContextMessage(_Value):
    """A message as the next agent sees it."""
    interaction_id: str
    occurred_at: _dt.datetime
    channel: Channel
    direction: Direction
    agent_id: str
    text: str

    @classmethod
    def _from(cls, t: tuple) -> "ContextMessage":
        return cls(t[0], time_from_micros(t[1]), CHANNELS[t[2]],
                   DIRECTIONS[t[3]], t[4], t[5])


@dataclass(frozen=True)
class HandoffContext(_Value):
    """What the next agent needs, on any channel."""
    customer: Customer
    case: Case
    channels: List[Channel]       # the case's channels, first use order
    started_at: _dt.datetime
    started_on: Channel
    last_messages: List[ContextMessage]  # oldest first
    # How long the customer has waited for the brand: since their first
    # inbound message not yet answered, as of the engine's clock.
    waiting: _dt.timedelta
    other_open_cases: List[str]   # other open cases of the same customer
    sentiment: SentimentTrend     # how the customer's mood went over the case
    incident_id: str              # the incident the case is in, else ""
    incident_cases: int           # that incident's cases, else 0

    @classmethod
    def _from(cls, t: tuple) -> "HandoffContext":
        return cls(Customer._from(t[0]), Case._from(t[1]),
                   [CHANNELS[c] for c in t[2]], time_from_micros(t[3]),
                   CHANNELS[t[4]], [ContextMessage._from(m) for m in t[5]],
                   _dt.timedelta(microseconds=t[6]), t[7],
                   SentimentTrend._from(t[8]), t[9], t[10])


@dataclass(frozen=True)
class EngineStats(_Value):
    """Counts of what an engine holds."""
    interactions: int
    customers: int          # current customers, after merges
    cases: int              # current cases, after merges
    identities: int
    merges: int             # merge records in force
    shared_identities: int

    @classmethod
    def _from(cls, t: Sequence[int]) -> "EngineStats":
        return cls(*t)


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
