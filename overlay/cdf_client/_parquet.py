"""Streaming, resumable Parquet export of a listing (`listing.write_parquet(path)`, the `arrow` extra).

A Parquet file cannot be appended to once its footer is written, and a file whose writer was killed
has no footer at all. So an export writes the Parquet file and, beside it, a durable copy of each
row group, in a working directory next to the target:

    files.parquet.partial/
        files.parquet.tmp     the Parquet file being written, one row group at a time
        part-000000.arrow     each row group's rows again, as an Arrow IPC file (lz4): complete once
        part-000001.arrow     renamed into place (written as *.tmp, fsynced, renamed)
        checkpoint.json       the committed parts and the listing's checkpoint after their last row

Pages become Arrow record batches as they arrive; once `row_group_size` rows are buffered (whole
pages, so a group may hold up to a page more) they are written as the next row group and as the
next part, and only then is the checkpoint replaced (atomically: write, fsync, rename). The
listing's checkpoint is advanced for exactly the pages in committed parts, so the stored checkpoint
always points just after the last row kept. When the listing ends, the Parquet file is closed and
renamed to `path`, and the working directory is removed.

Resuming (calling `write_parquet` again for the same query) deletes whatever the checkpoint does
not list (the unfinished Parquet file; a part renamed into place by a run killed before its
checkpoint), writes the committed parts into a new Parquet file, one row group each, and continues
the listing from the checkpoint: nothing is lost or repeated. The parts are Arrow IPC rather than
Parquet because they are written once per row group and read only on resume: IPC costs a fraction
of Parquet's encoding, and reading it back needs no Parquet reader.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self, get_args

import orjson

from cdf_client._checkpoint import Checkpoint, check_matches
from cdf_client._errors import ArrowNotInstalledError, CheckpointMismatchError, InvalidArgumentError
from cdf_client._exports import Compression, ParquetResult
from cdf_client._validation import check_int_range

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyarrow as pa

    from cdf_client._checkpoint import Progress
    from cdf_client._listing import ListingSpec
    from cdf_client._partitions import RawPage

_MAX_ROW_GROUP_SIZE = 10_000_000
_VERSION = 1
_CHECKPOINT = "checkpoint.json"
_SUFFIX = ".partial"
_PART_COMPRESSION: Literal["lz4"] = "lz4"


@dataclass(frozen=True, slots=True)
class _Part:
    name: str
    rows: int


@dataclass(frozen=True, slots=True)
class _PendingPage:
    index: int
    cursor: str | None
    next_cursor: str | None
    offset: int
    count: int


class ParquetExport:
    """One run of `write_parquet`: buffers pages into row groups, commits each with a checkpoint."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        spec: ListingSpec[Any, Any],
        *,
        row_group_size: int,
        compression: Compression,
        resume: bool,
        on_progress: Callable[[int], object] | None,
    ) -> None:
        """Prepare an export of the listing run by `spec`, resuming an interrupted one if any."""
        self.path = Path(path)
        self._row_group_size = check_int_range(row_group_size, "row_group_size", 1, _MAX_ROW_GROUP_SIZE)
        if compression not in get_args(Compression):
            msg = "compression"
            raise InvalidArgumentError(msg, f"must be one of {get_args(Compression)}, got {compression!r}")
        self._compression = compression
        self._on_progress = on_progress
        # pyarrow loads with the first export, not with `import cdf_client`.
        try:
            import pyarrow as pa  # noqa: PLC0415
            import pyarrow.parquet as pq  # noqa: PLC0415
        except ImportError as error:
            raise ArrowNotInstalledError from error
        from cdf_client._arrow import builder_for  # noqa: PLC0415

        # The system allocator hands a written row group's memory back; pyarrow's default pool (mimalloc)
        # keeps more of it per thread, which raised the peak of a long export by about 25 MB.
        self._pool = pa.system_memory_pool()
        self._builder = builder_for(spec.start.operation, self._pool)
        self._schema_print = _print(self._builder.schema)
        if self.path.is_dir():
            msg = "path"
            raise InvalidArgumentError(msg, f"{self.path} is a directory; give the path of a file")
        if not self.path.parent.is_dir():
            msg = "path"
            raise InvalidArgumentError(msg, f"the directory {self.path.parent} does not exist")
        self._dir = self.path.with_name(self.path.name + _SUFFIX)
        self._parts: list[_Part] = []
        self._batches: list[pa.RecordBatch] = []
        self._pending: list[_PendingPage] = []
        self._buffered = 0
        # The run this export drives: `spec` itself, or continued from an interrupted export's checkpoint.
        self.spec = spec
        if self._dir.exists() and not resume:
            shutil.rmtree(self._dir)
        if (self._dir / _CHECKPOINT).exists():
            self.spec = replace(spec, start=self._load(spec.start))
        else:
            self._dir.mkdir(exist_ok=True)
            self._clear_uncommitted()
        self._resumed_rows = self._committed_rows()
        self._output = self._dir / (self.path.name + ".tmp")
        self._writer: pq.ParquetWriter | None = pq.ParquetWriter(
            self._output, self._builder.schema, compression=self._compression, memory_pool=self._pool
        )
        for part in self._parts:
            self._writer.write_table(_read_part(self._dir / part.name), row_group_size=max(1, part.rows))

    def __enter__(self) -> Self:
        """Use as a context manager: the Parquet writer is closed however the export ends."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the writer of an export that did not finish (its checkpoint stays for a resume)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def add(self, progress: Progress, page: RawPage) -> None:
        """Convert one page; write a row group once enough rows are buffered."""
        self._batches.append(self._builder.batch(page.items))
        count = len(page.items)
        self._pending.append(_PendingPage(page.index, page.cursor, page.next_cursor, page.offset, count))
        self._buffered += count
        if self._buffered >= self._row_group_size:
            self._commit(progress)
        if self._on_progress is not None:
            self._on_progress(self._committed_rows() + self._buffered)

    def finish(self, progress: Progress) -> ParquetResult:
        """Write the last row group, close the file, rename it to `path`, remove the working directory."""
        self._commit(progress)
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()
        _fsync(self._output)
        self._output.replace(self.path)
        shutil.rmtree(self._dir)
        return ParquetResult(
            self.path,
            self._committed_rows(),
            len(self._parts),
            self.path.stat().st_size,
            self._resumed_rows,
        )

    def _commit(self, progress: Progress) -> None:
        if not self._batches:
            return
        import pyarrow as pa  # noqa: PLC0415 (pyarrow is the arrow extra, loaded by now)

        part = _Part(f"part-{len(self._parts):06d}.arrow", self._buffered)
        if part.rows:
            table = self._builder.table(self._batches)
            if self._writer is not None:
                self._writer.write_table(table, row_group_size=part.rows)
            temporary = self._dir / (part.name + ".tmp")
            options = pa.ipc.IpcWriteOptions(compression=_PART_COMPRESSION, use_threads=False)
            with (
                pa.OSFile(str(temporary), "wb") as sink,
                pa.ipc.new_file(sink, table.schema, options=options) as ipc,
            ):
                ipc.write_table(table)
            _fsync(temporary)
            temporary.replace(self._dir / part.name)
            self._parts.append(part)
        for page in self._pending:
            progress.hand_out(page.index, page.cursor, page.next_cursor, page.offset, page.count)
        self._save(progress.checkpoint())
        self._batches, self._pending, self._buffered = [], [], 0

    def _committed_rows(self) -> int:
        return sum(part.rows for part in self._parts)

    def _save(self, checkpoint: Checkpoint) -> None:
        state = {
            "version": _VERSION,
            "schema": self._schema_print,
            "parts": [{"name": part.name, "rows": part.rows} for part in self._parts],
            "listing": checkpoint.to_dict(),
        }
        temporary = self._dir / (_CHECKPOINT + ".tmp")
        temporary.write_bytes(orjson.dumps(state))
        _fsync(temporary)
        temporary.replace(self._dir / _CHECKPOINT)

    def _load(self, start: Checkpoint) -> Checkpoint:
        where = f"{self._dir} holds an interrupted export"
        try:
            state = orjson.loads((self._dir / _CHECKPOINT).read_bytes())
            version, schema_print = state["version"], state["schema"]
            parts = [_Part(str(part["name"]), int(part["rows"])) for part in state["parts"]]
            stored = Checkpoint.from_dict(state["listing"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            msg = "path"
            raise InvalidArgumentError(msg, f"{where} whose checkpoint cannot be read ({error!r})") from error
        if version != _VERSION or schema_print != self._schema_print:
            msg = "path"
            problem = f"{where} written with another table schema: delete it or pass resume=False"
            raise CheckpointMismatchError(msg, problem)
        try:
            check_matches(stored, start.operation, start.fingerprint, len(start.partitions))
        except CheckpointMismatchError as error:
            msg = "path"
            problem = f"{where} of a different query: delete it or pass resume=False"
            raise CheckpointMismatchError(msg, problem) from error
        missing = [part.name for part in parts if not (self._dir / part.name).is_file()]
        if missing:
            msg = "path"
            problem = f"{where} whose parts {missing} are gone: delete it to start over"
            raise InvalidArgumentError(msg, problem)
        self._parts = parts
        self._clear_uncommitted()
        return stored

    def _clear_uncommitted(self) -> None:
        """Delete what a killed run left behind that the checkpoint does not list."""
        committed = {part.name for part in self._parts} | {_CHECKPOINT}
        for entry in self._dir.iterdir():
            if entry.name not in committed:
                entry.unlink()


def _read_part(path: Path) -> pa.Table:
    import pyarrow as pa  # noqa: PLC0415 (pyarrow is the arrow extra, loaded by now)

    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all()


def _print(schema: pa.Schema) -> str:
    text = schema.to_string(show_field_metadata=True, show_schema_metadata=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # some filesystems cannot sync a read-only descriptor
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
