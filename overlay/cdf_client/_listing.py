"""What the listings of `_async/_listing.py` (and its sync twin) share: pages and the run's settings.

Progress is tracked on the consumer's side, so a checkpoint is always consistent with the items the
caller has received, however far the producers have fetched ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from cdf_client._checkpoint import Checkpoint, PartitionState, Progress

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from cdf_client._partitions import Fetch, RawPage

T = TypeVar("T")
D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing: its items, the next page's cursor, and its partition (`"2/4"`)."""

    items: list[T]
    next_cursor: str | None
    partition: str | None


@dataclass(frozen=True, slots=True)
class ListingSpec(Generic[T, D]):
    """Everything a run of a listing needs (internal)."""

    fetch: Fetch
    convert: Callable[[D], T] | None
    start: Checkpoint
    limit: int | None
    page_size: int
    partitions: int | None

    def progress(self) -> Progress:
        """Start tracking a new run from the listing's start."""
        start = self.start
        return Progress(start.operation, start.fingerprint, start.partitions, start.yielded)

    @property
    def remaining(self) -> int | None:
        """How many items a run may still deliver (None: every match)."""
        return None if self.limit is None else max(0, self.limit - self.start.yielded)

    def items(self, progress: Progress, page: RawPage) -> Iterator[T]:
        iterator = progress.begin(page.index, page.cursor, page.next_cursor, page.offset, page.items)
        # map() over the list iterator: the checkpoint reads progress from the iterator, at no cost per item.
        return iterator if self.convert is None else map(self.convert, iterator)

    def page(self, progress: Progress, page: RawPage) -> Page[T]:
        return Page(list(self.items(progress, page)), page.next_cursor, page.partition)


def first_run(operation: str, print_: str, partitions: int | None) -> Checkpoint:
    """Return the checkpoint of a listing that has not started."""
    return Checkpoint(operation, print_, tuple(PartitionState() for _ in range(partitions or 1)))
