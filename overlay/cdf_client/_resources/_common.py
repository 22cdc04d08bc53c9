"""What every resource shares: validating a listing's paging arguments and where it starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from cdf_client._checkpoint import Checkpoint, check_matches, check_progress, coerce, fingerprint
from cdf_client._listing import ListingSpec, first_run
from cdf_client._validation import check_int, check_limit, check_partitions

if TYPE_CHECKING:
    from collections.abc import Callable

    from cdf_client._partitions import Fetch
    from cdf_client_api import rules

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
    wire_limit: type[rules.Integer],
    max_partitions: int,
) -> ListingSpec[T, D]:
    """Validate the paging arguments (before any request) and say what a run of the listing does.

    `page_size` goes out as the operation's `limit` (`wire_limit`, its spec rule); `max_partitions` is
    the bound of its `partition`.
    """
    limit = check_limit(limit)
    page_size = check_int(page_size, "page_size", wire_limit)
    partitions = check_partitions(partitions, max_partitions)
    print_ = fingerprint(operation, query, partitions)
    if resume_from is None:
        start = first_run(operation, print_, partitions)
    else:
        start = coerce(resume_from)
        # A resumed page is refetched with `skip` more items: a skip must be part of a page.
        check_progress(start, wire_limit.maximum)
        check_matches(start, operation, print_, partitions or 1)
    return ListingSpec(fetch, convert, start, limit, page_size, partitions)
