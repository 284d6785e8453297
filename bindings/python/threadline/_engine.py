"""threadline.Engine: the engine, from Python."""

from __future__ import annotations

import datetime as _dt
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import (Any, Callable, Dict, Iterable, List, Mapping, Optional,
                    Tuple, Union)

from . import _threadline
from ._enums import CaseStatus, IdentityKind
from ._errors import BatchError, Error
from ._reports import (Alert, ErasureReport, Incident, IncidentReply,
                       ListeningOptions, RecoveryReport, interaction_from)
from ._stores import Store, _alert_callback
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


def _repaired_text(value: str) -> str:
    """`value` with its lone surrogates as U+FFFD: those of bytes decoded
    with errors="surrogateescape" as the bytes would be repaired (one U+FFFD
    per maximal invalid subpart, as the JSON Lines reader repairs invalid
    UTF-8), any other one each as one."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def _encode(item: Dict[str, Any]) -> str:
    line = _ENCODER.encode(item)
    # A str may hold lone surrogates (a file read with
    # errors="surrogateescape", a "\ud800" in JSON), which no JSON line can
    # carry. FORMAT.md lets text and display_name be broken: they are
    # repaired, as invalid UTF-8 is. (Emoji escape as surrogate pairs, so
    # this test alone does not tell.)
    if "\\ud" not in line:
        return line
    repaired = None
    for key in ("text", "display_name"):
        value = item.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                repaired = repaired if repaired is not None else dict(item)
                repaired[key] = _repaired_text(value)
    return line if repaired is None else _ENCODER.encode(repaired)


def to_json_line(item: InteractionLike) -> str:
    """The FORMAT.md JSON line of a dict or Interaction. The engine reads it
    with the library's own JSON Lines parser, so Python and `threadline link`
    accept the same input and say the same about bad input."""
    if type(item) is dict:  # the common case, without the ABC checks below
        when = item.get("occurred_at")
        if isinstance(when, _dt.datetime):
            item = dict(item, occurred_at=rfc3339(when, "occurred_at"))
        return _encode(item)
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
    return _encode(item)


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
        clock: Optional[ManualClock] = None,
        store: Optional[Store] = None,
        journal_dir: Optional[Union[str, "os.PathLike[str]"]] = None,
        snapshot_every: int = 1_000_000,
        sentiment: bool = True,
        listening: Optional[Union[ListeningOptions, Mapping[str, Any]]] = None,
        alert_listener: Optional[Callable[[Alert], Any]] = None
        ) -> Dict[str, Any]:
    """The options dict the extension reads; see Engine for each option."""
    if store is not None and not isinstance(store, Store):
        raise TypeError('option "store": expected a threadline.Store (from '
                        f"open_journal or open_postgres), got {type(store).__name__}")
    if listening is None:
        listening = ListeningOptions()
    elif isinstance(listening, Mapping):
        try:
            listening = ListeningOptions(**listening)
        except TypeError as e:
            raise TypeError(f'option "listening": {e}') from None
    elif not isinstance(listening, ListeningOptions):
        raise TypeError('option "listening": expected a ListeningOptions or '
                        f"a dict of its fields, got {type(listening).__name__}")
    if alert_listener is not None and not callable(alert_listener):
        raise TypeError('option "alert_listener": expected a callable taking '
                        f"an Alert, got {type(alert_listener).__name__}")
    if not isinstance(snapshot_every, int) or isinstance(snapshot_every, bool):
        raise TypeError('option "snapshot_every": expected int, got '
                        f"{type(snapshot_every).__name__} {snapshot_every!r}")
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
        "store": None if store is None else store._store,
        "journal_dir": "" if journal_dir is None else os.fspath(journal_dir),
        "snapshot_every": snapshot_every,
        "sentiment": bool(sentiment),
        "listening": listening._dict(),
        "alert_listener": (None if alert_listener is None
                           else _alert_callback(alert_listener)),
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

    Durability (without either, the state lives in memory only):
        journal_dir: a directory (created when missing) whose journal keeps
            every change; opening loads it, so an engine opened again on the
            same directory has the same customers and cases. A directory
            another engine holds open raises Error FAILED_PRECONDITION.
        store: a Store from open_journal (to choose its sync policy) or
            open_postgres, instead of journal_dir.
        snapshot_every: events between automatic snapshots, which bound what
            the next open replays (0: only on checkpoint() and erase()).
            Default 1,000,000.

    Social listening:
        sentiment: score each inbound message's sentiment (the built-in
            English and Spanish lexicon) for cases' sentiment trends and the
            early warning. Default True; False turns scoring off.
        listening: a ListeningOptions, or a dict of its fields, tuning the
            early warning and incident grouping. Default ListeningOptions().
        alert_listener: called with each Alert once, after the ingest that
            raised it, on the ingesting thread, with no engine lock held (it
            may call the engine). Its exceptions are reported through
            sys.unraisablehook and do not fail the ingest. Default none
            (alerts are still kept; see alerts()).

    An engine with a store should be closed (close(), or a with block) so
    its journal is synced and unlocked at a known point.
    """

    def __init__(self, **options: Any) -> None:
        self._clock: Optional[ManualClock] = options.get("clock")
        self._engine = _threadline.Engine(engine_options(**options))

    def close(self) -> None:
        """Closes the engine and its store (the journal syncs what is left
        and unlocks its directory). Calls afterwards raise Error
        FAILED_PRECONDITION; closing again does nothing."""
        self._engine.close()

    @property
    def closed(self) -> bool:
        """Whether close() was called."""
        return self._engine.closed

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _now(self, at: Optional[_dt.datetime], name: str = "at") -> int:
        if at is None:
            at = self._clock.now() if self._clock else _dt.datetime.now(_dt.timezone.utc)
        return micros_of(at, name)

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
        failed items' Errors are returned in their places.

        While the engine links one batch, on a thread of its own, the next
        is read into JSON lines here: with two cores or more, Python's share
        of the work and the engine's overlap."""
        if batch_size < 1:
            raise ValueError(f"batch_size: {batch_size} is below 1")
        results: List[Any] = []
        lines: List[str] = []
        slots: List[int] = []
        # The batch the engine is linking, and where its results go.
        linking: Optional[Tuple["Future[List[Any]]", List[int]]] = None
        executor: Optional[ThreadPoolExecutor] = None

        def place(where: List[int], linked: List[Any]) -> None:
            for slot, r in zip(where, linked):
                results[slot] = r if isinstance(r, Error) else Linkage._from(r)

        def collect() -> None:
            nonlocal linking
            if linking is not None:
                future, where = linking
                linking = None
                place(where, future.result())

        def flush(last: bool) -> None:
            nonlocal lines, slots, linking, executor
            if last and linking is None:
                # One batch in all: linked here, with no thread.
                if lines:
                    place(slots, self._engine.ingest_json_many(lines))
                return
            if lines:
                if executor is None:
                    executor = ThreadPoolExecutor(
                        max_workers=1, thread_name_prefix="threadline-ingest")
                # One worker: batches are linked in the order submitted.
                future = executor.submit(self._engine.ingest_json_many, lines)
                collect()
                linking = (future, slots)
                lines, slots = [], []
            if last:
                collect()

        try:
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
                    flush(last=False)
            flush(last=True)
        finally:
            if executor is not None:
                executor.shutdown(wait=True)
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

    # Durability.

    def recovery(self) -> RecoveryReport:
        """What opening loaded from the store: the snapshot restored, the
        events replayed after it, and what a crash cut off."""
        return RecoveryReport._from(self._engine.recovery())

    def checkpoint(self) -> None:
        """Writes a snapshot of the whole state, after which the store drops
        the events it covers and the next open replays only later ones.
        Ingests wait while it is taken. Error FAILED_PRECONDITION without a
        store; the store's error otherwise."""
        self._engine.checkpoint()

    def erase(self, customer_id: str) -> ErasureReport:
        """Forgets a customer (the right to be forgotten): the customer, those
        merged into it, their identities, interactions (and the brand's
        replies in their cases) and cases. Afterwards their ids are
        NOT_FOUND and the same identity seen again makes a new customer;
        with a store, a checkpoint drops the older events that held their
        data, so no byte of it stays in the journal's files. Error NOT_FOUND
        for an unknown or already erased customer."""
        t = self._engine.erase(_id(customer_id, "customer_id"))
        return ErasureReport(t[0], t[1], t[2], t[3])

    # Social listening.

    def alerts(self) -> List[Alert]:
        """Every alert raised so far, in order."""
        return [Alert._from(t) for t in self._engine.alerts()]

    def incidents(self) -> List[Incident]:
        """Every incident found or made, in order, open and resolved."""
        return [Incident._from(t) for t in self._engine.incidents()]

    def incident(self, incident_id: str) -> Incident:
        """An incident by id. Error NOT_FOUND for an unknown id."""
        return Incident._from(self._engine.incident(_id(incident_id, "incident_id")))

    def add_to_incident(self, incident_id: str, case_id: str,
                        at: Optional[_dt.datetime] = None) -> None:
        """Puts a case in an incident by hand (taking it out of another), as
        of `at` (default the engine's clock, or now). Error NOT_FOUND for an
        unknown incident or case, FAILED_PRECONDITION when the incident is
        resolved."""
        self._engine.add_to_incident(_id(incident_id, "incident_id"),
                                     _id(case_id, "case_id"), self._now(at))

    def remove_from_incident(self, incident_id: str, case_id: str,
                             at: Optional[_dt.datetime] = None) -> None:
        """Takes a case out of an incident by hand; automatic grouping leaves
        it out from then on. Error NOT_FOUND for an unknown incident or case,
        or a case that is not a member."""
        self._engine.remove_from_incident(_id(incident_id, "incident_id"),
                                          _id(case_id, "case_id"), self._now(at))

    def reply_to_incident(self, incident_id: str,
                          reply: Union[IncidentReply, Mapping[str, str], None] = None,
                          *, text: Optional[Mapping[str, str]] = None,
                          private_text: Optional[Mapping[str, str]] = None,
                          agent_id: str = "",
                          at: Optional[_dt.datetime] = None,
                          resolve: bool = False,
                          id_prefix: str = "") -> List[Interaction]:
        """Answers every open member case of an incident once, on the channel
        of the customer's latest message there, in their language, cut to
        the channel's limit. Give an IncidentReply, or its fields as
        keywords: reply_to_incident("i-1", text={"en": "...", "es": "..."},
        agent_id="ana"). Each reply is ingested as an OUTBOUND interaction
        answering that message and returned for the host to send. With
        resolve=True the replies resolve their cases and the incident; a
        retry with the same id_prefix sends nothing twice. Error NOT_FOUND
        for an unknown incident, INVALID_ARGUMENT for a reply with no text,
        FAILED_PRECONDITION for a resolved incident."""
        if reply is None:
            if text is None:
                raise Error("INVALID_ARGUMENT",
                            'reply_to_incident: "text" is required (the reply '
                            'by language, e.g. {"en": ..., "es": ...})')
            reply = IncidentReply(text=text, private_text=private_text or {},
                                  agent_id=agent_id, at=at, resolve=resolve,
                                  id_prefix=id_prefix)
        elif isinstance(reply, Mapping):
            reply = IncidentReply(text=reply, private_text=private_text or {},
                                  agent_id=agent_id, at=at, resolve=resolve,
                                  id_prefix=id_prefix)
        elif not isinstance(reply, IncidentReply):
            raise TypeError("reply: expected an IncidentReply or a dict of text "
                            f"by language, got {type(reply).__name__}")
        for name, m in (("text", reply.text), ("private_text", reply.private_text)):
            if not isinstance(m, Mapping) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in m.items()):
                raise TypeError(f'reply.{name}: expected a dict of str by '
                                f"language, got {m!r:.80}")
        sent = self._engine.reply_to_incident(
            _id(incident_id, "incident_id"), dict(reply.text),
            dict(reply.private_text), _id(reply.agent_id, "agent_id"),
            self._now(reply.at, "at"), bool(reply.resolve),
            _id(reply.id_prefix, "id_prefix"))
        return [interaction_from(t) for t in sent]

    def resolve_incident(self, incident_id: str,
                         at: Optional[_dt.datetime] = None) -> None:
        """Resolves an incident and every open member case as of `at`
        (default the engine's clock, or now). Error NOT_FOUND for an unknown
        id, FAILED_PRECONDITION when already resolved."""
        self._engine.resolve_incident(_id(incident_id, "incident_id"), self._now(at))

    def __repr__(self) -> str:
        if self.closed:
            return "<threadline.Engine closed>"
        s = self.stats()
        return (f"<threadline.Engine {s.interactions} interactions, "
                f"{s.customers} customers, {s.cases} cases>")
