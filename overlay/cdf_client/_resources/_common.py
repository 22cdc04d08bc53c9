"""What every resource shares: building a listing from validated input, and deriving the sync twins."""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from cdf_client._checkpoint import Checkpoint, check_matches, coerce, fingerprint
from cdf_client._errors import InvalidArgumentError
from cdf_client._listing import AsyncListing, Listing, ListingSpec, first_run
from cdf_client._validation import check_int, check_limit, check_partitions

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from cdf_client._partitions import Fetch
    from cdf_client_api import rules

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
D = TypeVar("D")

ResumeFrom = Checkpoint | dict[str, Any] | str
"""A checkpoint, its `to_dict()` or its `to_json()`."""


def make_listing(
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
) -> AsyncListing[T, D]:
    """Validate the paging arguments (before any request) and build the lazy listing.

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
        check_matches(start, operation, print_, partitions or 1)
        _check_skips(start, wire_limit.maximum)
    return AsyncListing(ListingSpec(fetch, convert, start, limit, page_size, partitions))


def _check_skips(checkpoint: Checkpoint, largest_page: int | None) -> None:
    """Refuse skips beyond a page: a resumed page is refetched with `skip` more items."""
    for state in checkpoint.partitions:
        if state.skip < 0 or (largest_page is not None and state.skip >= largest_page):
            msg = f"skips part of a page of at most {largest_page} items, not {state.skip}"
            argument = "resume_from"
            raise InvalidArgumentError(argument, msg)


def _sync_signature(method: Callable[..., Any], returns: str) -> inspect.Signature:
    return inspect.signature(method).replace(return_annotation=returns)


def sync_listing(
    method: Callable[Concatenate[Any, P], AsyncListing[T, D]],
) -> Callable[Concatenate[Any, P], Listing[T, D]]:
    """Derive a sync resource method from an async one returning a listing: same parameters, one source."""

    @functools.wraps(method)
    def sync(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> Listing[T, D]:
        listing = method(self._async, *args, **kwargs)
        return Listing(listing._spec, self._loop)  # noqa: SLF001 (the twin shares the spec)

    annotation = str(inspect.signature(method).return_annotation).replace("AsyncListing", "Listing")
    sync.__signature__ = _sync_signature(method, annotation)  # type: ignore[attr-defined]
    return sync


def sync_call(
    method: Callable[Concatenate[Any, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[Any, P], R]:
    """Derive a sync resource method from an async one: runs it on the client's loop thread."""

    @functools.wraps(method)
    def sync(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._loop.run(method(self._async, *args, **kwargs))  # type: ignore[no-any-return]

    return sync
