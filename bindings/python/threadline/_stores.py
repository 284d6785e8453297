"""Stores an engine keeps its changes in (open_journal, open_postgres), and
the alert listener's bridge from the extension."""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, Callable, Union

from . import _threadline
from ._enums import SyncPolicy
from ._reports import Alert
from ._types import micros_of_duration


def _id(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f'{name}: expected str, got {type(value).__name__} '
                        f"{value!r}")
    return value


class Store:
    """Where an engine keeps every change, opened by open_journal or
    open_postgres and handed to one Engine(store=...). A store loads once,
    so it serves one engine: giving it to a second raises Error
    FAILED_PRECONDITION. The engine owns it from then on; Engine.close()
    closes it."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def describe(self) -> str:
        """Where the store is ("journal /var/lib/x"), for messages."""
        return self._store.describe()

    def __repr__(self) -> str:
        used = ", in use by an engine" if self._store.taken else ""
        return f"<threadline.Store {self.describe()}{used}>"


def open_journal(dir: Union[str, "os.PathLike[str]"], *,
                 sync: Union[SyncPolicy, str] = SyncPolicy.EVERY_INGEST,
                 sync_interval: _dt.timedelta = _dt.timedelta(milliseconds=10),
                 create_if_missing: bool = True) -> Store:
    """Opens (creating it when missing) the journal in directory `dir`: an
    append-only log of the engine's events plus snapshots, in files of that
    directory, locked against a second opener.

    sync: "every_ingest" (the default: each ingest returns only once its
        events are on disk) or "interval" (synced in the background at most
        every sync_interval; survives a crash of the process, may lose the
        last interval on a power cut).
    create_if_missing: False to open only a journal that is there: where
        `dir` holds none, nothing is created and Error (NOT_FOUND) is
        raised, as a tool that only looks wants.
    Raises Error with the journal's code when it cannot be opened
    (FAILED_PRECONDITION when another engine holds it)."""
    policy = SyncPolicy.parse(sync, "sync")
    if not isinstance(create_if_missing, bool):
        raise TypeError("create_if_missing must be True or False, got "
                        f"{create_if_missing!r}")
    return Store(_threadline.open_journal(
        os.fspath(dir), policy.number,
        micros_of_duration(sync_interval, "sync_interval"),
        create_if_missing))


def open_postgres(connection: str, tenant: str) -> Store:
    """Opens a PostgreSQL store: `connection` a libpq connection string
    ("host=/run/pg dbname=crm"), `tenant` whose events these are (one engine,
    one tenant). Raises Error when the database cannot be reached or its
    tables made."""
    return Store(_threadline.open_postgres(_id(connection, "connection"),
                                           _id(tenant, "tenant")))


def _alert_callback(listener: Callable[[Alert], Any]) -> Callable[[tuple], None]:
    """The extension's listener: hands each alert to `listener` as an
    Alert. Its exceptions go to sys.unraisablehook (the extension reports
    them), never into the ingest that raised the alert."""

    def deliver(t: tuple) -> None:
        listener(Alert._from(t))

    return deliver
