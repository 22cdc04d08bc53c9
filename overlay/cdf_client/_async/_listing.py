"""Lazy listings: iterate for items; `.pages()`, `.to_list()`, `.dicts()`, `.checkpoint`, and tables.

Tables (`.to_arrow()`, `.to_polars()`, `.to_pandas()`, `.write_parquet()`) are built by the helpers
of `cdf_client._arrow`, `_polars`, `_pandas` and `_parquet` from the pages of wire dicts; the methods here
only pull the pages.
"""

from __future__ import annotations

from contextlib import aclosing
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    import os
    from collections.abc import AsyncIterator, Callable

    import pandas as pd
    import polars as pl
    import pyarrow as pa

    from cdf_client._checkpoint import Checkpoint, Progress
    from cdf_client._exports import Compression, ParquetResult
    from cdf_client._listing import ListingSpec, Page
    from cdf_client._partitions import RawPage

DEFAULT_ROW_GROUP_SIZE = 25_000

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

    def _run(self, spec: ListingSpec[T, D] | None = None) -> tuple[Progress, AsyncIterator[RawPage]]:
        """Start a run of this listing's query, from `spec`'s start if given (a resumed export's)."""
        # The concurrency primitives load with the first run, not with `import cdf_client` (import time).
        from cdf_client._async._partitions import stream_pages  # noqa: PLC0415

        spec = self._spec if spec is None else spec
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

    async def to_arrow(self) -> pa.Table:
        """Every item as a `pyarrow.Table` of the resource's schema (needs the `arrow` extra).

        Example: `table = await client.files.filter(uploaded=True).to_arrow()`.
        """
        from cdf_client._arrow import TableCollector  # noqa: PLC0415 (pyarrow is an optional extra)

        tables = TableCollector(self._spec.start.operation)
        async for page in self.dicts().pages():
            tables.add(page.items)
        return tables.table()

    async def to_polars(self) -> pl.DataFrame:
        """Every item as a Polars DataFrame with the columns of `to_arrow()` (needs the `polars` extra).

        Example: `frame = await client.assets.list(root=True).to_polars()`.
        """
        from cdf_client._polars import to_polars  # noqa: PLC0415 (polars is an optional extra)

        return to_polars(await self.to_arrow())

    async def to_pandas(
        self,
        *,
        expand_metadata: bool = False,
        metadata_prefix: str = "metadata.",
        convert_timestamps: bool = False,
    ) -> pd.DataFrame:
        """Every item as a pandas DataFrame with the columns of `to_arrow()` (needs the `pandas` extra).

        Example: `df = await client.assets.list(root=True).to_pandas(expand_metadata=True)`.
        """
        from cdf_client._pandas import to_pandas  # noqa: PLC0415 (pandas is an optional extra)

        return to_pandas(
            await self.to_arrow(),
            expand_metadata=expand_metadata,
            metadata_prefix=metadata_prefix,
            convert_timestamps=convert_timestamps,
        )

    async def write_parquet(
        self,
        path: str | os.PathLike[str],
        *,
        row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
        compression: Compression = "zstd",
        resume: bool = True,
        on_progress: Callable[[int], object] | None = None,
    ) -> ParquetResult:
        """Stream every item into a Parquet file, a row group at a time (needs the `arrow` extra).

        Resumable: an interrupted export keeps its row groups and checkpoint in `<path>.partial/`,
        and calling this again for the same query continues it (`resume=False` starts over).
        `on_progress(rows)` is called after every page with the rows received so far.

        Example: `result = await client.files.filter(partitions=4).write_parquet("files.parquet")`.
        """
        from cdf_client._parquet import ParquetExport  # noqa: PLC0415 (pyarrow is an optional extra)

        with ParquetExport(
            path,
            self._spec,
            row_group_size=row_group_size,
            compression=compression,
            resume=resume,
            on_progress=on_progress,
        ) as export:
            progress, pages = self._run(export.spec)
            async with aclosing(pages):  # type: ignore[type-var]  # an async generator
                async for page in pages:
                    export.add(progress, page)
            return export.finish(progress)
