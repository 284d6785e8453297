"""link_jsonl: the `threadline link` pipeline on files, from Python."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, List, Union

from . import _threadline
from ._engine import engine_options
from ._enums import CHANNELS, Channel
from ._types import EngineStats, Identity, _Value

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class ChannelSwitch(_Value):
    """How many times a case went from one channel to the next."""
    from_channel: Channel
    to_channel: Channel
    count: int

    def __str__(self) -> str:
        return f"{self.from_channel.value} → {self.to_channel.value}"


@dataclass(frozen=True)
class BadLine(_Value):
    """A line that could not be read or ingested, and why."""
    line: int      # 1-based
    message: str   # names the field, the value and the rule


@dataclass(frozen=True)
class LeftOutIdentity(_Value):
    """An identity a linked line carried that names no one (the line was
    linked without it), and why."""
    line: int      # 1-based
    identity: Identity
    why: str       # names the value and what is wrong with it


@dataclass(frozen=True)
class LinkSummary(_Value):
    """What link_jsonl read and decided."""
    lines: int                 # lines read, blank ones included
    linked: int                # linkages written
    skipped: int               # lines that could not be read or ingested
    cross_channel_cases: int   # cases that switched channel
    switches: List[ChannelSwitch]  # every switch seen, commonest first
    stats: EngineStats
    seconds: float
    bad_lines: List[BadLine]   # the first thousand skipped lines
    ignored_identities: int = 0  # identity values left out of linked lines
    first_ignored: List[LeftOutIdentity] = field(default_factory=list)  # 5


def link_jsonl(path_in: PathLike, path_out: PathLike, *,
               progress: bool = False, **options: Any) -> LinkSummary:
    """Reads Interaction JSON Lines (FORMAT.md) from `path_in` and writes one
    linkage line per accepted line to `path_out`, exactly as `threadline
    link --in path_in --out path_out` does (the same C++ code), with ids as
    they stand after the whole input. Bad lines are skipped and reported in
    the summary. `options` are Engine's keyword options; batch_threads
    defaults to the machine's cores, as for the command. Raises Error
    NOT_FOUND or PERMISSION_DENIED naming a path that cannot be opened,
    INVALID_ARGUMENT for a bad option."""
    options.setdefault("batch_threads", os.cpu_count() or 1)
    (lines, linked, skipped, crossed, switches, stats, seconds, bad,
     ignored, first_ignored) = _threadline.link_jsonl(
         os.fspath(path_in), os.fspath(path_out), engine_options(**options),
         bool(progress))
    return LinkSummary(
        lines, linked, skipped, crossed,
        [ChannelSwitch(CHANNELS[a], CHANNELS[b], n) for a, b, n in switches],
        EngineStats._from(stats), seconds,
        [BadLine(n, m) for n, m in bad], ignored,
        [LeftOutIdentity(n, Identity._from(i), why)
         for n, i, why in first_ignored])
