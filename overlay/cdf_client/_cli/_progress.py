"""A progress line (items so far, items per second) on a terminal while a listing streams elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from rich.console import Console

T = TypeVar("T")

# Updating the bar costs a lock and a clock read: do it every few items, not every item.
_BATCH = 64


class ItemsPerSecond(ProgressColumn):
    """`12,345 items/s`, rich's estimate over the last few seconds."""

    def render(self, task: Task) -> Text:
        """Render the current rate."""
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} items/s", style="progress.data.speed")


def progress_bar(console: Console, *, transient: bool) -> Progress:
    """Spinner (or bar, when the total is known), count, rate and elapsed time."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} items"),
        ItemsPerSecond(),
        TimeElapsedColumn(),
        console=console,
        transient=transient,
    )


def track(items: Iterable[T], progress: Progress, description: str, total: int | None = None) -> Iterator[T]:
    """Yield `items`, advancing one task of `progress` as they pass."""
    task = progress.add_task(description, total=total)
    count = pending = 0
    try:
        for item in items:
            yield item
            pending += 1
            if pending == _BATCH:
                count += pending
                progress.advance(task, pending)
                pending = 0
    finally:
        count += pending
        # An open-ended listing shows a full bar once it is done.
        progress.update(task, completed=count, total=total if total is not None else count)
