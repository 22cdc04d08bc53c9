"""The public types of table exports, kept apart from the exporter so `import cdf_client` stays light."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pathlib import Path

Compression = Literal["zstd", "snappy", "gzip", "brotli", "lz4", "none"]
"""The Parquet codecs `write_parquet(compression=...)` takes."""


@dataclass(frozen=True, slots=True)
class ParquetResult:
    """What `write_parquet` wrote: the file, its rows and row groups, its size in bytes.

    `resumed_rows` of the rows were written by an earlier, interrupted run of the same export.
    """

    path: Path
    rows: int
    row_groups: int
    bytes: int
    resumed_rows: int = 0
