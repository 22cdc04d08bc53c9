"""Shared by every command: output options, and streaming results to stdout in the chosen format."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, cast

from rich.console import Console

from cdf_client._cli._errors import UsageError
from cdf_client._cli._export import export_parquet
from cdf_client._cli._output import (
    FORMATS,
    Format,
    Kind,
    StdoutConsole,
    default_format,
    make_writer,
    print_record,
)
from cdf_client._cli._params import choice, int_range, text
from cdf_client._cli._parser import Option, Param, Switch
from cdf_client._cli._progress import progress_bar, track
from cdf_client._validation import int_bounds

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from cdf_client_api import rules

_PIPE_WIDTH = 400

FORMAT_OPTION = Option(
    "--format",
    "Output format [default: table on a terminal, jsonl otherwise].",
    choice(*FORMATS),
    dest="output_format",
)

# Listings may also go to a Parquet file: a format for files, not for stdout.
PARQUET = "parquet"
LISTING_FORMAT_OPTION = Option(
    "--format",
    "Output format; parquet writes --output FILE [default: table on a terminal, jsonl otherwise].",
    choice(*FORMATS, PARQUET),
    dest="output_format",
)


def listing_options(wire_limit: type[rules.Integer], max_partitions: int) -> tuple[Param, ...]:
    """Return the options of a listing command, bounded by its operation's `limit` and `partition`."""
    low, high = int_bounds(wire_limit)
    return (
        Option("--limit", "Stop after this many items [default: every match].", int_range(1)),
        Option(
            "--partitions",
            f"Fetch in N parallel cursor chains (1-{max_partitions}); the order is then unspecified.",
            int_range(1, max_partitions),
        ),
        # Always set (the largest page by default), so the progress bar knows how long a page is.
        Option("--page-size", "Items per request.", int_range(low, high), default=high),
        LISTING_FORMAT_OPTION,
        Option(
            "--output",
            "The Parquet file of --format parquet; rerun the same command to resume an interrupted export.",
            text("FILE"),
        ),
        Switch(
            "--progress",
            "--no-progress",
            "Progress on stderr [default: long listings, when stderr is a terminal and stdout is not].",
        ),
    )


def long_listing(limit: int | None, page_size: int | None) -> bool:
    """Whether a listing may take more than one page: one that fits in a page is over before a bar helps."""
    return limit is None or page_size is None or limit > page_size


def wire(item: Any) -> Mapping[str, Any]:
    """Return the item as CDF sent it: result objects give their wire dict, dicts already are one."""
    dump = getattr(item, "dump", None)
    return dump() if callable(dump) else item  # type: ignore[no-any-return]


def _stdout() -> Console:
    console = StdoutConsole(soft_wrap=True)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # A file or pipe has no width of its own: let tables take the room they need, unless
        # COLUMNS says how wide the reader is.
        console.width = _PIPE_WIDTH
    return console


def emit_items(
    items: Iterable[Any],
    kind: Kind,
    *,
    output_format: Format | str | None,
    progress: bool | None,
    limit: int | None,
    description: str,
    page_size: int | None = None,
    output: str | None = None,
) -> None:
    """Stream `items` to stdout (or a listing to `--output`); the listing is closed however it ends."""
    if output_format == PARQUET:
        long = long_listing(limit, page_size)
        export_parquet(items, output, progress=progress, limit=limit, long=long, description=description)
        return
    if output is not None:
        msg = "--output goes with --format parquet (other formats stream to stdout: redirect it)"
        raise UsageError(msg)
    out = _stdout()
    writer = make_writer(cast("Format", output_format) or default_format(sys.stdout), kind, out)
    err = Console(stderr=True)
    if progress is None:
        progress = long_listing(limit, page_size) and err.is_terminal and not out.is_terminal
    iterator = iter(items)
    try:
        if progress:
            with progress_bar(err, transient=True) as bar:
                for item in track(iterator, bar, description):
                    writer.write(wire(item))
        else:
            for item in iterator:
                writer.write(wire(item))
        writer.close()
    finally:
        close = getattr(iterator, "close", None)
        if callable(close):
            close()


def emit_one(item: Any, kind: Kind, *, output_format: Format | None) -> None:
    """One item: a field/value table for people, otherwise the same as a one-item listing."""
    output_format = output_format or default_format(sys.stdout)
    if output_format == "table":
        print_record(_stdout(), wire(item))
        return
    emit_items([item], kind, output_format=output_format, progress=False, limit=1, description="")
