"""Polars DataFrames derived from the Arrow table of a listing (`cdf_client._arrow`; the `polars` extra).

Imported only when a frame is asked for, before the listing runs, so a missing polars fails at once
and `import cdf_client` stays light. Polars takes the Arrow columns as they are (mostly without a
copy): the same columns, order, types and values as `to_arrow()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from cdf_client._errors import PolarsNotInstalledError

try:
    import polars as pl
except ImportError as error:  # the error names the extra to install
    raise PolarsNotInstalledError from error

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["to_polars"]


def to_polars(table: pa.Table) -> pl.DataFrame:
    """Return the table as a Polars DataFrame: the same columns and types, mostly without a copy."""
    # A table (not a single column) always gives a DataFrame.
    return cast("pl.DataFrame", pl.from_arrow(table, rechunk=False))
