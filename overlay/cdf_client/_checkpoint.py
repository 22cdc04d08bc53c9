"""Checkpoints of listings: where each partition's cursor chain stands, as far as items were handed out.

A checkpoint records, per partition, the cursor of the page being consumed and how many of its items
the caller already received. Resuming refetches that page and skips those items, so nothing is
repeated or skipped even when the caller stopped in the middle of a page or pages were prefetched.
"""

from __future__ import annotations

import hashlib
import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from cdf_client._errors import CheckpointMismatchError, InvalidArgumentError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

_VERSION = 1


@dataclass(frozen=True, slots=True)
class PartitionState:
    """One cursor chain: fetch `cursor` (None = the first page), skip `skip` items; or it is `done`."""

    cursor: str | None = None
    skip: int = 0
    done: bool = False


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """Where a listing stands; pass it as `resume_from=` to continue with the next item.

    Example: `cp = listing.checkpoint.to_json()` ... later
    `client.files.filter(mime_type="image/png", resume_from=cp)`.
    """

    operation: str
    fingerprint: str
    partitions: tuple[PartitionState, ...]
    yielded: int = 0

    @property
    def done(self) -> bool:
        """Whether every partition has been read to the end."""
        return all(state.done for state in self.partitions)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-compatible dict.

        Example: `json.dump(listing.checkpoint.to_dict(), fp)`.
        """
        return {
            "version": _VERSION,
            "operation": self.operation,
            "fingerprint": self.fingerprint,
            "yielded": self.yielded,
            "partitions": [
                {"cursor": state.cursor, "skip": state.skip, "done": state.done} for state in self.partitions
            ],
        }

    def to_json(self) -> str:
        """Return the checkpoint as a JSON string.

        Example: `Path("export.checkpoint").write_text(listing.checkpoint.to_json())`.
        """
        return orjson.dumps(self.to_dict()).decode()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Checkpoint:
        """Read a checkpoint written by `to_dict`.

        Example: `Checkpoint.from_dict(json.load(fp))`.
        """
        try:
            if data["version"] != _VERSION:
                msg = f"unsupported checkpoint version {data['version']!r}"
                msg_0 = "resume_from"
                raise InvalidArgumentError(msg_0, msg)
            partitions = tuple(
                PartitionState(cursor=state["cursor"], skip=state["skip"], done=state["done"])
                for state in data["partitions"]
            )
            checkpoint = cls(data["operation"], data["fingerprint"], partitions, data["yielded"])
        except (KeyError, TypeError) as error:
            msg = f"not a cdf_client checkpoint ({error!r})"
            msg_0 = "resume_from"
            raise InvalidArgumentError(msg_0, msg) from error
        check_progress(checkpoint)
        return checkpoint

    @classmethod
    def from_json(cls, text: str | bytes) -> Checkpoint:
        """Read a checkpoint written by `to_json`.

        Example: `Checkpoint.from_json(Path("export.checkpoint").read_text())`.
        """
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError as error:
            msg = "resume_from"
            raise InvalidArgumentError(msg, "not valid JSON") from error
        if not isinstance(data, dict):
            msg = "resume_from"
            raise InvalidArgumentError(msg, "not a cdf_client checkpoint")
        return cls.from_dict(data)


def fingerprint(operation: str, query: dict[str, Any], partitions: int | None) -> str:
    """Hash what decides which items a listing returns (not limit or page size)."""
    blob = orjson.dumps([operation, query, partitions], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(blob).hexdigest()[:32]


def coerce(value: Checkpoint | dict[str, Any] | str | bytes) -> Checkpoint:
    """Accept a `Checkpoint`, its dict or its JSON."""
    if isinstance(value, Checkpoint):
        return value
    if isinstance(value, dict):
        return Checkpoint.from_dict(value)
    if isinstance(value, str | bytes):
        return Checkpoint.from_json(value)
    msg = f"must be a Checkpoint, its dict or its JSON, got {type(value).__name__}"
    msg_0 = "resume_from"
    raise InvalidArgumentError(msg_0, msg)


def check_progress(checkpoint: Checkpoint, largest_page: int | None = None) -> None:
    """Refuse a checkpoint whose fields are of the wrong type or out of range (edited, or corrupted).

    A checkpoint taken at a page's end names the next cursor, so a partition skips fewer items than
    the largest page of its operation (`largest_page`, when known); a negative or larger skip would
    silently lose or repeat items on resume.
    """
    problem = None
    if not (isinstance(checkpoint.operation, str) and isinstance(checkpoint.fingerprint, str)):
        problem = "operation and fingerprint must be str"
    elif type(checkpoint.yielded) is not int or checkpoint.yielded < 0:
        problem = f"yielded must be an int >= 0, got {checkpoint.yielded!r}"
    elif not isinstance(checkpoint.partitions, tuple) or not checkpoint.partitions:
        problem = "partitions must be a non-empty list"
    else:
        problems = (_state_problem(state, largest_page) for state in checkpoint.partitions)
        problem = next(
            (f"partitions[{index}].{found}" for index, found in enumerate(problems) if found), None
        )
    if problem:
        argument = "resume_from"
        raise InvalidArgumentError(argument, f"not a valid checkpoint: {problem}")


def _state_problem(state: object, largest_page: int | None) -> str | None:
    if not isinstance(state, PartitionState):
        return "must be a PartitionState"
    if state.cursor is not None and (not isinstance(state.cursor, str) or not state.cursor):
        return "cursor must be None or a non-empty str"
    if type(state.skip) is not int or state.skip < 0:
        return f"skip must be an int >= 0, got {state.skip!r}"
    if largest_page is not None and state.skip >= largest_page:
        return f"skip {state.skip} is not part of a page: pages hold at most {largest_page} items"
    if type(state.done) is not bool or (state.done and (state.cursor is not None or state.skip)):
        return "done must be a bool, and a done partition has no cursor or skip"
    return None


def check_matches(checkpoint: Checkpoint, operation: str, print_: str, partitions: int) -> None:
    """Refuse a checkpoint of another operation, query or partition count."""
    if checkpoint.operation != operation:
        msg = f"the checkpoint is of {checkpoint.operation}, not {operation}"
        msg_0 = "resume_from"
        raise CheckpointMismatchError(msg_0, msg)
    if checkpoint.fingerprint != print_ or len(checkpoint.partitions) != partitions:
        msg = "the checkpoint is of a different query: pass the same filters and partitions"
        msg_0 = "resume_from"
        raise CheckpointMismatchError(msg_0, msg)


class _Active:
    """The page a partition is handing out: its list iterator tells how many items are gone."""

    __slots__ = ("cursor", "iterator", "next_cursor", "offset", "size")

    def __init__(
        self, cursor: str | None, next_cursor: str | None, offset: int, items: Sequence[Any]
    ) -> None:
        self.cursor = cursor
        self.next_cursor = next_cursor
        self.offset = offset
        self.size = len(items)
        self.iterator = iter(items)

    def handed_out(self) -> int:
        return self.size - operator.length_hint(self.iterator)


class Progress:
    """Tracks, on the consumer's side, which items have been handed out (for `Listing.checkpoint`)."""

    def __init__(self, operation: str, print_: str, start: tuple[PartitionState, ...], yielded: int) -> None:
        self._operation = operation
        self._fingerprint = print_
        self._states = list(start)
        self._active: dict[int, _Active] = {}
        self._settled = yielded

    def begin(
        self, index: int, cursor: str | None, next_cursor: str | None, offset: int, items: Sequence[Any]
    ) -> Iterator[Any]:
        """Start handing out a page of partition `index`; return the iterator to hand it out with."""
        self._settle(index)
        active = _Active(cursor, next_cursor, offset, items)
        self._active[index] = active
        return active.iterator

    def hand_out(
        self, index: int, cursor: str | None, next_cursor: str | None, offset: int, count: int
    ) -> None:
        """Record a whole page of `count` items of partition `index` as handed out (an export wrote them)."""
        for _ in self.begin(index, cursor, next_cursor, offset, range(count)):
            pass

    def _settle(self, index: int) -> None:
        active = self._active.pop(index, None)
        if active is not None:
            self._settled += active.handed_out()
            self._states[index] = self._state(active)

    @staticmethod
    def _state(active: _Active) -> PartitionState:
        consumed = active.offset + active.handed_out()
        if active.handed_out() < active.size:
            return PartitionState(active.cursor, consumed)
        if active.next_cursor is None:
            return PartitionState(done=True)
        return PartitionState(active.next_cursor)

    def finish(self, index: int) -> None:
        """Mark partition `index` read to the end."""
        self._settle(index)
        self._states[index] = PartitionState(done=True)

    def checkpoint(self) -> Checkpoint:
        """Return the checkpoint consistent with every item handed out so far."""
        states = list(self._states)
        yielded = self._settled
        for index, active in self._active.items():
            states[index] = self._state(active)
            yielded += active.handed_out()
        return Checkpoint(self._operation, self._fingerprint, tuple(states), yielded)
