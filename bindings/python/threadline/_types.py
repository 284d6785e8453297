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

from ._enums import (CASE_STATUSES, CHANNELS, DIRECTIONS, IDENTITY_KINDS,
                     LINK_REASONS, CaseStatus, Channel, Direction, Disposition,
                     IdentityKind, LinkReason)
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
class IgnoredIdentity(_Value):
    """An identity of an interaction that names no one, as given, and why
    (the value and what is wrong with it)."""
    identity: Identity
    why: str

    @classmethod
    def _from(cls, t: tuple) -> "IgnoredIdentity":
        return cls(Identity._from(t[0]), t[1])


@dataclass(frozen=True)
class Linkage(_Value):
    """The answer to one ingest: the interaction's customer and case, why it
    joined that case, and whether the case existed before.

    ``ignored_identities``: the contact and identities left out because
    their values are not valid for their kind (the interaction is linked
    without them); only the ingest that links it reports them."""
    interaction_id: str
    customer_id: str
    case_id: str
    reason: LinkReason
    continued: bool
    ignored_identities: tuple[IgnoredIdentity, ...] = ()

    def to_dict(self) -> Dict[str, Any]:
        """The FORMAT.md linkage dict, with ``ignored_identities`` only when
        there are some."""
        d = super().to_dict()
        if not self.ignored_identities:
            del d["ignored_identities"]
        return d

    @classmethod
    def _from(cls, t: tuple) -> "Linkage":
        return cls(t[0], t[1], t[2], LINK_REASONS[t[3]], t[4],
                   tuple(IgnoredIdentity._from(g) for g in t[5]))


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

