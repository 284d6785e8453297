"""threadline.Error: every failure the engine reports, as one exception."""

from __future__ import annotations

from typing import Any, List


class Error(Exception):
    """A failed threadline call.

    Attributes:
        code: the status code's name, as Abseil writes it: "INVALID_ARGUMENT"
            (a missing field, a wrong type, a bad enum name or time, a bad
            option), "NOT_FOUND" (an unknown id), "ALREADY_EXISTS" (an id
            ingested again with different content), "FAILED_PRECONDITION" (a
            merge already undone, customers already one), ...
        message: what is wrong, naming the field, the value and the rule.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __repr__(self) -> str:
        return f"threadline.Error({self.code!r}, {self.message!r})"


class BatchError(Error):
    """Some items of an ingest_many batch failed; the others were ingested.

    Attributes:
        results: one entry per item, in order: its Linkage, or the Error that
            item met.
        failures: (index, Error) for each failed item.
    The code and message are those of the first failure, prefixed with its
    index.
    """

    def __init__(self, results: List[Any]) -> None:
        self.results = results
        self.failures = [(i, r) for i, r in enumerate(results)
                         if isinstance(r, Error)]
        index, first = self.failures[0]
        super().__init__(
            first.code,
            f"{len(self.failures)} of {len(results)} items failed; "
            f"item {index}: {first.message}")
