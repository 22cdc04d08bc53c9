"""Lazy listings: iterate for items; `.pages()`, `.to_list()`, `.dicts()`, `.to_pandas()`, `.checkpoint`."""

from __future__ import annotations

from contextlib import aclosing
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    import pandas as pd

    from cdf_client._checkpoint import Checkpoint, Progress
    from cdf_client._listing import ListingSpec, Page
    from cdf_client._partitions import RawPage

T = TypeVar("T")
D = TypeVar("D")


class AsyncListing(Generic[T, D]):
    """A lazy listing; every iteration starts from the beginning (or from `resume_from`).

    Example: `async for f in client.files.filter(mime_type="image/png", partitions=4): ...`
    """

    def __init__(self, spec: ListingSpec[T, D]) -> None:
        self._spec = spec
        self._progress: Progress | None = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._spec.start.operation} limit={self._spec.limit}>"

    def _run(self) -> tuple[Progress, AsyncIterator[RawPage]]:
        # The concurrency primitives load with the first run, not with `import cdf_client` (import time).
        from cdf_client._async._partitions import stream_pages  # noqa: PLC0415

        spec = self._spec
        self._progress = progress = spec.progress()
        return progress, stream_pages(
            spec.fetch,
            partitions=spec.partitions,
            start=spec.start.partitions,
            page_size=spec.page_size,
            remaining=spec.remaining,
        )

    async def __aiter__(self) -> AsyncIterator[T]:
        """Every item, page after page (partitions merged as they arrive)."""
        progress, pages = self._run()
        async with aclosing(pages):  # type: ignore[type-var]  # an async generator
            async for page in pages:
                for item in self._spec.items(progress, page):
                    yield item

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Every page with its next cursor and partition.

        Example: `async for page in listing.pages(): print(len(page.items), page.next_cursor)`.
        """
        progress, pages = self._run()
        async with aclosing(pages):  # type: ignore[type-var]  # an async generator
            async for page in pages:
                yield self._spec.page(progress, page)

    async def to_list(self) -> list[T]:
        """Every item in a list.

        Example: `files = await client.files.filter(uploaded=True, limit=500).to_list()`.
        """
        return [item async for item in self]

    def dicts(self) -> AsyncListing[D, D]:
        """Return a new listing of the same query yielding the wire dicts (camelCase, as CDF sent them).

        The fastest path. It keeps its own progress: take `checkpoint` from the listing you iterate.

        Example: `async for d in client.files.filter().dicts(): print(d["id"], d.get("mimeType"))`.
        """
        return AsyncListing(replace(self._spec, convert=None))  # type: ignore[arg-type]  # D -> D

    @property
    def checkpoint(self) -> Checkpoint:
        """Where the latest iteration stands: `resume_from=` it to continue after the last item received.

        Example: `state = listing.checkpoint.to_json()`.
        """
        return self._spec.start if self._progress is None else self._progress.checkpoint()

    async def to_pandas(
        self,
        *,
        expand_metadata: bool = False,
        metadata_prefix: str = "metadata.",
        convert_timestamps: bool = False,
    ) -> pd.DataFrame:
        """Every item as a pandas DataFrame (needs the `pandas` extra).

        Example: `df = await client.assets.list(root=True).to_pandas(expand_metadata=True)`.
        """
        from cdf_client._pandas import to_dataframe  # noqa: PLC0415 (pandas is an optional extra)

        rows: list[Any] = await self.dicts().to_list()
        return to_dataframe(
            rows,
            expand_metadata=expand_metadata,
            metadata_prefix=metadata_prefix,
            convert_timestamps=convert_timestamps,
        )
