"""threadline.Engine: the engine, from Python."""

from __future__ import annotations

import datetime as _dt
import json
from typing import (Any, Dict, Iterable, List, Mapping, Optional,
                    Union)

from . import _threadline
from ._enums import CaseStatus, IdentityKind
from ._errors import BatchError, Error
from ._types import (Case, Customer, EngineStats, HandoffContext, Identity,
                     IdentityLike, Interaction, Linkage, MergeRecord,
                     TimelineEntry, micros_of, micros_of_duration, rfc3339,
                     time_from_micros)

InteractionLike = Union[Mapping[str, Any], Interaction]


class ManualClock:
    """A clock that moves only when told, for the engine's waiting times
    (linking itself uses the interactions' own times). Thread-safe."""

    def __init__(self, start: _dt.datetime) -> None:
        self._clock = _threadline.ManualClock(micros_of(start, "start"))

    def now(self) -> _dt.datetime:
        """The clock's time."""
        return time_from_micros(self._clock.now_us())

    def set(self, when: _dt.datetime) -> None:
        """Sets the clock to `when` (an aware datetime)."""
        self._clock.set_us(micros_of(when, "when"))

    def advance(self, by: _dt.timedelta) -> None:
        """Moves the clock on by `by`."""
        self._clock.advance_us(micros_of_duration(by, "by"))


def _default(value: Any) -> Any:
    """JSON for the values json cannot write on its own."""
    if isinstance(value, _dt.datetime):
        return rfc3339(value, "time")
    if isinstance(value, Identity):
        return {"kind": value.kind.value, "value": value.value}
    raise TypeError(f"{type(value).__name__} {value!r} cannot be an "
                    "interaction field value")


_ENCODER = json.JSONEncoder(default=_default, separators=(",", ":"))


def to_json_line(item: InteractionLike) -> str:
    """The FORMAT.md JSON line of a dict or Interaction. The engine reads it
    with the library's own JSON Lines parser, so Python and `threadline link`
    accept the same input and say the same about bad input."""
    if type(item) is dict:  # the common case, without the ABC checks below
        when = item.get("occurred_at")
        if isinstance(when, _dt.datetime):
            item = dict(item, occurred_at=rfc3339(when, "occurred_at"))
        return _ENCODER.encode(item)
    if isinstance(item, Interaction):
        item = item.to_dict()
    elif not isinstance(item, Mapping):
        raise TypeError("expected a dict in the FORMAT.md shape or a "
                        f"threadline.Interaction, got {type(item).__name__} "
                        f"{item!r:.80}")
    when = item.get("occurred_at")
    if isinstance(when, _dt.datetime):
        item = dict(item)
        item["occurred_at"] = rfc3339(when, "occurred_at")
    elif not isinstance(item, dict):
        item = dict(item)
    return _ENCODER.encode(item)


def engine_options(
        *, default_region: str = "US",
        own_identities: Iterable[IdentityLike] = (),
        reopen_window: _dt.timedelta = _dt.timedelta(days=7),
        idle_window: _dt.timedelta = _dt.timedelta(days=7),
        max_identities_per_kind: Optional[Mapping[Union[IdentityKind, str], int]] = None,
        shared_after_conflicts: int = 2,
        use_mentioned_identities: bool = True,
        context_messages: int = 5,
        batch_threads: int = 1,
        clock: Optional[ManualClock] = None) -> Dict[str, Any]:
    """The options dict the extension reads; see Engine for each option."""
    if not isinstance(default_region, str):
        raise TypeError('option "default_region": expected str, got '
                        f"{type(default_region).__name__} {default_region!r}")
    if isinstance(own_identities, (str, Identity)):
        own_identities = [own_identities]
    limits = list(_threadline.default_identity_limits())
    for kind, limit in (max_identities_per_kind or {}).items():
        k = IdentityKind.parse(kind, "max_identities_per_kind")
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f'option "max_identities_per_kind": limit of {k.value} '
                            f"must be an int, got {limit!r}")
        limits[k.number] = limit
    for name, value in (("shared_after_conflicts", shared_after_conflicts),
                        ("context_messages", context_messages),
                        ("batch_threads", batch_threads)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f'option "{name}": expected int, got '
                            f"{type(value).__name__} {value!r}")
    if clock is not None and not isinstance(clock, ManualClock):
        raise TypeError('option "clock": expected a threadline.ManualClock, got '
                        f"{type(clock).__name__}")
    return {
        "default_region": default_region,
        "own_identities": [
            Identity.of(x, f"own_identities[{i}]")._pair()
            for i, x in enumerate(own_identities)],
        "reopen_window_us": micros_of_duration(reopen_window, "reopen_window"),
        "idle_window_us": micros_of_duration(idle_window, "idle_window"),
        "max_identities_per_kind": limits,
        "shared_after_conflicts": shared_after_conflicts,
        "use_mentioned_identities": bool(use_mentioned_identities),
        "context_messages": context_messages,
        "batch_threads": batch_threads,
        "clock": None if clock is None else clock._clock,
    }


def _id(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f'{name}: expected str, got {type(value).__name__} '
                        f"{value!r}")
    return value


class Engine:
    """One tenant's engine: links each interaction to a customer and a case.

    Thread-safe: any number of Python threads may call it at once; the GIL
    is released while the engine works, so they ingest in parallel.

    Keyword options (validated at once; a bad one raises Error
    INVALID_ARGUMENT naming it, a value of the wrong type TypeError):
        default_region: ISO 3166 region for national phone numbers when an
            interaction names none. Default "US".
        own_identities: the brand's own handles, numbers and addresses, as
            Identity, (kind, value), {"kind", "value"} or "KIND:VALUE"; they
            never identify a customer. Default none.
        reopen_window: a resolved case reopens on a follow-up within this
            timedelta; after it, the same matter opens a new case. Default 7
            days.
        idle_window: an open case idle this long no longer takes the
            customer's return on the same matter. Default 7 days.
        max_identities_per_kind: {IdentityKind or name: limit} overriding the
            default limits (0: none). Default one ACCOUNT and one handle per
            network, three phones, three emails.
        shared_after_conflicts: refused merges after which an identity counts
            as shared (a family landline). Default 2.
        use_mentioned_identities: find identities written into messages.
            Default True.
        context_messages: messages in a handoff context. Default 5.
        batch_threads: threads ingest_many may use to read a batch. Default 1.
        clock: a ManualClock for waiting times. Default the system clock.
    """

    def __init__(self, **options: Any) -> None:
        self._clock: Optional[ManualClock] = options.get("clock")
        self._engine = _threadline.Engine(engine_options(**options))

    def ingest(self, interaction: InteractionLike) -> Linkage:
        """Links one interaction (a FORMAT.md dict or an Interaction) and
        returns its Linkage. Raises Error INVALID_ARGUMENT naming the field
        for a missing field, a wrong type, a bad enum name or time (nothing
        changes then); ALREADY_EXISTS when the id was ingested with other
        content (the same content again is a no-op returning the current
        linkage); TypeError when `interaction` is neither a dict nor an
        Interaction."""
        return Linkage._from(self._engine.ingest_json(to_json_line(interaction)))

    def ingest_many(self, interactions: Iterable[InteractionLike], *,
                    batch_size: int = 1000,
                    return_errors: bool = False) -> List[Any]:
        """Links interactions in order, `batch_size` at a time, each batch in
        one call to the engine (IngestBatch) with the GIL released. Returns
        one Linkage per item. An item that fails does not stop the others:
        with return_errors=False (the default), BatchError is raised after
        the whole input, carrying every result; with return_errors=True the
        failed items' Errors are returned in their places."""
        if batch_size < 1:
            raise ValueError(f"batch_size: {batch_size} is below 1")
        results: List[Any] = []
        lines: List[str] = []
        slots: List[int] = []

        def flush() -> None:
            for slot, r in zip(slots, self._engine.ingest_json_many(lines)):
                results[slot] = r if isinstance(r, Error) else Linkage._from(r)
            lines.clear()
            slots.clear()

        for item in interactions:
            try:
                line = to_json_line(item)
            except (TypeError, ValueError, Error) as e:
                results.append(e if isinstance(e, Error)
                               else Error("INVALID_ARGUMENT", str(e)))
                continue
            slots.append(len(results))
            results.append(None)
            lines.append(line)
            if len(lines) >= batch_size:
                flush()
        flush()
        if not return_errors and any(isinstance(r, Error) for r in results):
            raise BatchError(results)
        return results

    def linkage_of(self, interaction_id: str) -> Linkage:
        """The current linkage of an ingested interaction (ids of surviving
        customers and cases). Error NOT_FOUND for an unknown id."""
        return Linkage._from(self._engine.linkage_of(_id(interaction_id, "interaction_id")))

    def customer(self, customer_id: str) -> Customer:
        """A customer by id; an absorbed id gives the survivor. Error
        NOT_FOUND for an unknown id."""
        return Customer._from(self._engine.customer(_id(customer_id, "customer_id")))

    def find_customer(self, identity: IdentityLike,
                      value: Optional[str] = None, *,
                      region: str = "") -> Customer:
        """The customer an identity (raw form) belongs to:
        find_customer(("PHONE", "(646) 555-0134"), region="US") or
        find_customer("EMAIL", "ann@example.org"). Error NOT_FOUND when it
        belongs to no one (or is shared), INVALID_ARGUMENT when it does not
        normalize."""
        if value is not None:
            identity = (identity, value)  # type: ignore[assignment]
        kind, raw = Identity.of(identity)._pair()
        return Customer._from(self._engine.find_customer(kind, raw, _id(region, "region")))

    def case(self, case_id: str) -> Case:
        """A case by id; an absorbed id gives the survivor. Error NOT_FOUND
        for an unknown id."""
        return Case._from(self._engine.case(_id(case_id, "case_id")))

    def cases_of(self, customer_id: str) -> List[Case]:
        """A customer's cases, oldest first. Error NOT_FOUND for an unknown
        customer."""
        return [Case._from(c) for c in self._engine.cases_of(_id(customer_id, "customer_id"))]

    def timeline(self, customer_id: str) -> List[TimelineEntry]:
        """A customer's interactions across channels, in time order. Error
        NOT_FOUND for an unknown customer."""
        return [TimelineEntry._from(t)
                for t in self._engine.timeline(_id(customer_id, "customer_id"))]

    def context(self, case_id: str) -> HandoffContext:
        """The handoff context of a case: what the next agent needs. Error
        NOT_FOUND for an unknown case."""
        return HandoffContext._from(self._engine.context(_id(case_id, "case_id")))

    def merge(self, customer_a: str, customer_b: str) -> MergeRecord:
        """Says two customers are one person; the older id survives. Error
        NOT_FOUND for an unknown id, FAILED_PRECONDITION when they are already
        one or a merge between them was undone."""
        return MergeRecord._from(self._engine.merge(
            _id(customer_a, "customer_a"), _id(customer_b, "customer_b")))

    def unmerge(self, merge_id: str) -> List[MergeRecord]:
        """Undoes a merge, returning each interaction to the customer it came
        from; the two are kept apart from then on. Returns the records
        undone. Error NOT_FOUND for an unknown id, FAILED_PRECONDITION when
        already undone."""
        return [MergeRecord._from(m) for m in self._engine.unmerge(_id(merge_id, "merge_id"))]

    def merges(self, customer_id: str) -> List[MergeRecord]:
        """The merge records touching a customer, in force or undone."""
        return [MergeRecord._from(m) for m in self._engine.merges(_id(customer_id, "customer_id"))]

    def set_case_status(self, case_id: str, status: Union[CaseStatus, str],
                        at: Optional[_dt.datetime] = None) -> None:
        """Opens or resolves a case as of `at` (default: the engine's clock,
        or now). Error NOT_FOUND for an unknown case, INVALID_ARGUMENT for
        STATUS_UNSPECIFIED or a bad status name."""
        s = CaseStatus.parse(status, "status")
        if at is None:
            at = self._clock.now() if self._clock else _dt.datetime.now(_dt.timezone.utc)
        self._engine.set_case_status(_id(case_id, "case_id"), s.number, micros_of(at, "at"))

    def stats(self) -> EngineStats:
        """Counts of what the engine holds."""
        return EngineStats._from(self._engine.stats())

    def __repr__(self) -> str:
        s = self.stats()
        return (f"<threadline.Engine {s.interactions} interactions, "
                f"{s.customers} customers, {s.cases} cases>")
