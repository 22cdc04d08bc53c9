"""`--format parquet --output FILE`: a listing streamed into a Parquet file, with progress on stderr.

Rerunning the same command after an interruption (Ctrl-C, a lost connection, a killed process)
continues the export from its checkpoint (see `Listing.write_parquet` and docs/exports.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console

from cdf_client import CDFError, InvalidArgumentError
from cdf_client._cli._errors import UsageError
from cdf_client._cli._progress import progress_bar

if TYPE_CHECKING:
    from cdf_client import ParquetResult


def export_parquet(
    listing: Any,
    output: str | None,
    *,
    progress: bool | None,
    limit: int | None,
    long: bool,
    description: str,
) -> None:
    """Write `listing` to `output`: a progress bar on stderr (by default for `long` ones), then a summary."""
    if not output:
        msg = "--format parquet writes a file: give its path with --output FILE"
        raise UsageError(msg)
    err = Console(stderr=True)
    if progress is None:
        progress = long and err.is_terminal
    try:
        if progress:
            with progress_bar(err, transient=False) as bar:
                task = bar.add_task(description, total=limit)
                result = listing.write_parquet(
                    output, on_progress=lambda rows: bar.update(task, completed=rows)
                )
                bar.update(task, total=result.rows, completed=result.rows)
        else:
            result = listing.write_parquet(output)
    except (KeyboardInterrupt, CDFError) as error:
        if not isinstance(error, InvalidArgumentError):  # nothing was written: the usage error says why
            err.print(
                f"the export stopped: run the same command again to continue it ({output})", highlight=False
            )
        raise
    err.print(summary(result), highlight=False)


def summary(result: ParquetResult) -> str:
    """`wrote 10,000 rows in 1 row group (1.2 MB) to files.parquet`, and how many rows a resumed run kept."""
    groups = "row group" if result.row_groups == 1 else "row groups"
    size = f"{result.bytes / 1e6:.1f} MB"
    line = f"wrote {result.rows:,} rows in {result.row_groups} {groups} ({size}) to {result.path}"
    if result.resumed_rows:
        line += f" ({result.resumed_rows:,} of them by the interrupted run it resumed)"
    return line
