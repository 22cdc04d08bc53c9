"""Writing items to stdout as a table for people, or JSON Lines or CSV for pipes, one item at a time.

Every writer streams: memory stays flat however long the listing, and a reader that stops early
(`| head`) ends the listing at the next write.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol

import orjson
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cdf_client._columns import TIMESTAMP_FIELDS, ordered_fields, snake_case
from cdf_client_api.wire.typed_dicts import Asset, FilesMetadata

if TYPE_CHECKING:
    from collections.abc import Mapping

Format = Literal["table", "jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("table", "jsonl", "csv")
Kind = Literal["file", "asset"]

# Every field of the spec's wire objects, in the DataFrame's column order: CSV needs its header before
# the first item arrives, and a field added to the spec becomes a column without a change here.
FIELDS: dict[Kind, tuple[str, ...]] = {
    "file": tuple(ordered_fields(FilesMetadata.__annotations__)),
    "asset": tuple(ordered_fields(Asset.__annotations__)),
}

# A table shows what a person scans for (`--format jsonl` has every field). Each column has a width
# that is the same in every streamed chunk, so chunks line up: ids and times never shrink, the text
# columns share what the terminal has left.
_TABLE_COLUMNS: dict[Kind, tuple[tuple[str, int, bool], ...]] = {
    "file": (
        ("id", 16, False),
        ("externalId", 32, True),
        ("name", 36, True),
        ("mimeType", 24, True),
        ("directory", 30, True),
        ("uploaded", 8, False),
        ("createdTime", 20, False),
    ),
    "asset": (
        ("id", 16, False),
        ("externalId", 36, True),
        ("name", 28, True),
        ("parentId", 16, False),
        ("source", 14, True),
        ("createdTime", 20, False),
    ),
}
# When the terminal is too narrow for every column at a useful width, these go first, in this order;
# id and name always stay.
_LEAST_NEEDED: dict[Kind, tuple[str, ...]] = {
    "file": ("uploaded", "directory", "externalId", "mimeType", "createdTime"),
    "asset": ("source", "createdTime", "parentId", "externalId"),
}
# Narrower than this, a text column shows too little to be worth its place.
_MIN_TEXT_WIDTH = 12
_COLUMN_GAP = 2


def column_widths(kind: Kind, available: int) -> list[tuple[str, int]]:
    """Fit the table columns of `kind` into `available` characters, in their order.

    Text columns shrink (their cells are cut with an ellipsis) down to a useful width; when even that
    does not fit, the least needed columns are left out. Only a terminal narrower than id and name
    together overflows.
    """
    columns = list(_TABLE_COLUMNS[kind])
    for left_out in _LEAST_NEEDED[kind]:
        widths = _fit(columns, available)
        if widths is not None:
            return widths
        columns = [column for column in columns if column[0] != left_out]
    widths = _fit(columns, available, min_text_width=1)
    return widths if widths is not None else [(field, width) for field, width, _ in columns]


def _fit(
    columns: list[tuple[str, int, bool]], available: int, min_text_width: int = _MIN_TEXT_WIDTH
) -> list[tuple[str, int]] | None:
    """Widths that fit `available`: text columns share the room left, at least `min_text_width` each."""
    room = available - _COLUMN_GAP * (len(columns) - 1) - sum(w for _, w, flexible in columns if not flexible)
    wanted = sum(width for _, width, flexible in columns if flexible)
    texts = sum(flexible for _, _, flexible in columns)
    if room >= wanted:
        return [(field, width) for field, width, _ in columns]
    if room < min_text_width * texts:
        return None
    # Each text column gets the minimum, and a share of the rest in proportion to what it lacks.
    spare, lacking = room - min_text_width * texts, wanted - min_text_width * texts
    return [
        (field, min_text_width + (width - min_text_width) * spare // lacking if flexible else width)
        for field, width, flexible in columns
    ]


_TABLE_CHUNK = 50


class StdoutConsole(Console):
    """A rich console that reports a closed pipe like any other write does (rich itself exits 1)."""

    def on_broken_pipe(self) -> None:
        """Stop printing and let the command end as it does for every early-closing reader."""
        self.quiet = True
        raise BrokenPipeError


def default_format(stream: IO[str]) -> Format:
    """Pick a table when a person reads the terminal, JSON Lines when a program reads a pipe."""
    return "table" if stream.isatty() else "jsonl"


def format_time(epoch_ms: int) -> str:
    """`2024-10-29 12:19:06Z`: UTC, to the second, for a table cell."""
    moment = dt.datetime.fromtimestamp(epoch_ms / 1000, tz=dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%SZ")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cell(field: str, value: Any) -> str:
    """Show a value in a table: times as UTC dates, instance ids as space:xid, nested values as JSON."""
    if field in TIMESTAMP_FIELDS and isinstance(value, int):
        return format_time(value)
    if field == "instanceId" and isinstance(value, dict):
        return f"{value.get('space')}:{value.get('externalId')}"
    return _text(value)


class Writer(Protocol):
    """Writes wire items (camelCase dicts) as they arrive."""

    def write(self, item: Mapping[str, Any]) -> None:
        """Write one item."""

    def close(self) -> None:
        """Write whatever is still buffered."""


class JsonLinesWriter:
    """One JSON object per line, exactly as CDF sent it."""

    def __init__(self, stream: IO[bytes]) -> None:
        """Write to a binary stream (stdout's buffer)."""
        self._stream = stream

    def write(self, item: Mapping[str, Any]) -> None:
        """Write one item."""
        self._stream.write(orjson.dumps(item, option=orjson.OPT_APPEND_NEWLINE))

    def close(self) -> None:
        """Flush."""
        self._stream.flush()


class CsvWriter:
    """A header of snake_case column names, then one row per item; nested values as JSON."""

    def __init__(self, stream: IO[str], kind: Kind) -> None:
        """Write to a text stream; the columns are every field of `kind`."""
        self._stream = stream
        self._fields = FIELDS[kind]
        self._csv = csv.writer(stream, lineterminator="\n")
        self._csv.writerow([snake_case(field) for field in self._fields])

    def write(self, item: Mapping[str, Any]) -> None:
        """Write one item."""
        self._csv.writerow([_text(item.get(field)) for field in self._fields])

    def close(self) -> None:
        """Flush."""
        self._stream.flush()


class TableWriter:
    """Fixed-width columns laid out with rich's `Text`, one line per item, so a table can stream.

    A `rich.table.Table` measures every cell of every row before printing anything (about 70 us a
    cell); with widths fixed up front each row is a few truncations, and rows print as they come.
    """

    def __init__(self, console: Console, kind: Kind) -> None:
        """Print on `console`; the columns are the ones a person scans for in `kind`."""
        self._console = console
        # The console is as wide as the terminal, or COLUMNS; a file or pipe gets a wide one (see _emit).
        self._columns = column_widths(kind, console.width)
        self._lines: list[Text] = [self._line([snake_case(field) for field, _ in self._columns], "bold")]
        self.count = 0

    def _line(self, cells: list[str], style: str = "") -> Text:
        line = Text(style=style, no_wrap=True, end="")
        for index, (value, (_, width)) in enumerate(zip(cells, self._columns, strict=True)):
            if index:
                line.append(" " * _COLUMN_GAP)
            # Text, not str: CDF's values are data, never rich markup ("[draft] plan.pdf" prints as is).
            text = Text(value)
            text.truncate(width, overflow="ellipsis", pad=True)
            line.append_text(text)
        line.rstrip()
        return line

    def write(self, item: Mapping[str, Any]) -> None:
        """Lay out one item; print a chunk of lines when enough have arrived."""
        self._lines.append(self._line([cell(field, item.get(field)) for field, _ in self._columns]))
        self.count += 1
        if len(self._lines) >= _TABLE_CHUNK:
            self._flush()

    def close(self) -> None:
        """Print the last chunk (or just the header, when there were no items)."""
        self._flush()

    def _flush(self) -> None:
        if self._lines:
            self._console.print(Text("\n").join(self._lines), crop=False, soft_wrap=True)
            self._console.file.flush()
            self._lines.clear()


def make_writer(output_format: Format, kind: Kind, console: Console) -> Writer:
    """Return the writer for `output_format` on stdout."""
    if output_format == "jsonl":
        return JsonLinesWriter(sys.stdout.buffer)
    if output_format == "csv":
        return CsvWriter(sys.stdout, kind)
    return TableWriter(console, kind)


def print_record(console: Console, item: Mapping[str, Any]) -> None:
    """One item as a two-column field/value table (what `files get` shows a person)."""
    table = Table(box=box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for field in ordered_fields(item):
        table.add_row(snake_case(field), Text(cell(field, item[field])))
    console.print(table)
