"""What every resource shares: validating a listing's paging arguments and where it starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from cdf_client._checkpoint import Checkpoint, check_matches, check_progress, coerce, fingerprint
from cdf_client._listing import ListingSpec, first_run
from cdf_client._validation import MAX_PAGE_SIZE, check_int_range, check_limit, check_partitions

if TYPE_CHECKING:
    from collections.abc import Callable

    from cdf_client._partitions import Fetch

T = TypeVar("T")
D = TypeVar("D")

ResumeFrom = Checkpoint | dict[str, Any] | str
"""A checkpoint, its `to_dict()` or its `to_json()`."""


def make_spec(
    *,
    operation: str,
    query: dict[str, Any],
    fetch: Fetch,
    convert: Callable[[D], T],
    limit: int | None,
    page_size: int,
    partitions: int | None,
    resume_from: ResumeFrom | None,
) -> ListingSpec[T, D]:
    """Validate the paging arguments (before any request) and say what a run of the listing does."""
    limit = check_limit(limit)
    page_size = check_int_range(page_size, "page_size", 1, MAX_PAGE_SIZE)
    partitions = check_partitions(partitions)
    print_ = fingerprint(operation, query, partitions)
    if resume_from is None:
        start = first_run(operation, print_, partitions)
    else:
        start = coerce(resume_from)
        check_progress(start)
        check_matches(start, operation, print_, partitions or 1)
    return ListingSpec(fetch, convert, start, limit, page_size, partitions)
