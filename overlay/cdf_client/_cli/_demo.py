"""`cdf-client demo`: the five operations against the embedded fake plant, in a few seconds."""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from cdf_client import CDFClient, InstanceId, NotFoundError
from cdf_client._cli._connect import DEMO_FILES, DEMO_PROJECT, DEMO_SEED
from cdf_client._cli._emit import wire
from cdf_client._cli._errors import describe_api_error
from cdf_client._cli._output import StdoutConsole, cell, print_record
from cdf_client._cli._params import int_range
from cdf_client._cli._parser import Command, Option
from cdf_client._cli._progress import progress_bar, track
from cdf_client._columns import snake_case

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Mapping

    from rich.console import Console

_PARTITIONS = 4
_SUBTREE = "plant-north.area-1"
_MISSING_ID = 404
_PIPE_WIDTH = 120


def demo(args: argparse.Namespace) -> None:
    """Walk through the five operations against an embedded fake CDF (nothing to configure).

    Example: cdf-client demo
    """
    from cdf_client.testing import FakeCDF  # noqa: PLC0415 (the fake needs the testing extra)

    console = StdoutConsole(highlight=False)
    if not console.is_terminal:
        # Captured or piped: wide enough that ids and tables read on one line each.
        console.width = _PIPE_WIDTH
    started = time.perf_counter()
    fake = FakeCDF.generate(files=args.n_files, seed=DEMO_SEED, project=DEMO_PROJECT, record_requests=False)
    console.print(
        f"[bold]cdf-client demo[/]: an embedded fake CDF project [cyan]{fake.project}[/] with "
        f"{len(fake.files):,} files and {len(fake.assets):,} assets of a seeded plant (seed {DEMO_SEED})."
    )
    with CDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as client:
        pdfs = _filter_by_mime_type(console, client)
        _partitioned_listing(console, client)
        _subtree(console, client)
        _get(console, client, pdfs[0]["id"])
        _retrieve(console, client, pdfs)
    console.print(
        f"\nDone in {time.perf_counter() - started:.1f} s. Try it yourself: "
        "[bold]cdf-client files filter --fake --mime-type image/png --limit 5[/]"
    )


def _heading(console: Console, step: int, title: str, call: str) -> None:
    console.print(f"\n[bold]{step}/5 {title}[/]  [dim]{call}[/]")


def _filter_by_mime_type(console: Console, client: CDFClient) -> list[Mapping[str, Any]]:
    _heading(console, 1, "Filter files by MIME type", 'client.files.filter(mime_type="application/pdf")')
    pdfs = [wire(item) for item in client.files.filter(mime_type="application/pdf")]
    console.print(f"{len(pdfs):,} PDF files. The first three:")
    _table(console, pdfs[:3], ("id", "externalId", "name", "mimeType"))
    return pdfs


def _partitioned_listing(console: Console, client: CDFClient) -> None:
    _heading(
        console, 2, "List every file in parallel partitions", f"client.files.list(partitions={_PARTITIONS})"
    )
    started = time.perf_counter()
    with progress_bar(console, transient=False) as bar:
        mime_types = Counter(
            wire(item)["mimeType"]
            for item in track(client.files.list(partitions=_PARTITIONS), bar, "GET /files")
        )
    elapsed = time.perf_counter() - started
    total = sum(mime_types.values())
    console.print(
        f"{total:,} files over {_PARTITIONS} partitions in {elapsed:.2f} s: "
        f"{total / elapsed:,.0f} items/s. Most common types: "
        + ", ".join(f"{mime} ({count:,})" for mime, count in mime_types.most_common(3))
    )


def _subtree(console: Console, client: CDFClient) -> None:
    _heading(
        console,
        3,
        "List the assets of a subtree",
        f'client.assets.list(asset_subtree_external_ids=["{_SUBTREE}"])',
    )
    assets = [wire(item) for item in client.assets.list(asset_subtree_external_ids=[_SUBTREE])]
    console.print(f"{len(assets):,} assets under {_SUBTREE}, the root included:")
    console.print(_tree(assets))


def _tree(assets: list[Mapping[str, Any]], shown: int = 2) -> Tree:
    """Draw the hierarchy, a few children per node, so the shape fits on a screen."""
    children: dict[int | None, list[Mapping[str, Any]]] = {}
    ids = {asset["id"] for asset in assets}
    for asset in assets:
        parent = asset.get("parentId")
        children.setdefault(parent if parent in ids else None, []).append(asset)
    (root,) = children[None]
    tree = Tree(Text.assemble(root["name"], (f" ({root['externalId']})", "dim")))

    def grow(node: Tree, asset_id: int) -> None:
        kids = sorted(children.get(asset_id, []), key=lambda asset: asset["name"])
        for kid in kids[:shown]:
            label = Text.assemble(
                kid["name"], (f" {kid['description']}" if kid.get("description") else "", "dim")
            )
            grow(node.add(label), kid["id"])
        if len(kids) > shown:
            node.add(f"[dim]... {len(kids) - shown} more[/]")

    grow(tree, root["id"])
    return tree


def _get(console: Console, client: CDFClient, file_id: int) -> None:
    _heading(console, 4, "Get one file by id", f"client.files.get({file_id})")
    print_record(console, wire(client.files.get(file_id)))


def _retrieve(console: Console, client: CDFClient, files: list[Mapping[str, Any]]) -> None:
    """Ask for three files by id, external id and instance id, and for an id that does not exist."""
    by_external_id = next(item["externalId"] for item in files[1:] if "externalId" in item)
    instance = next(item["instanceId"] for item in files if "instanceId" in item)
    wanted: list[int | str | InstanceId] = [
        files[0]["id"],
        by_external_id,
        InstanceId(instance["space"], instance["externalId"]),
        _MISSING_ID,
    ]
    _heading(console, 5, "Retrieve many by mixed identifiers", f"client.files.retrieve({wanted!r})")
    try:
        client.files.retrieve(wanted)
    except NotFoundError as error:
        console.print("[red]NotFoundError[/] (one typed error naming every missing identifier):")
        console.print(f"  {describe_api_error(error)}", markup=False)
    found = [wire(item) for item in client.files.retrieve(wanted, ignore_unknown_ids=True)]
    console.print(f"With ignore_unknown_ids=True: the {len(found)} that exist, in request order:")
    _table(console, found, ("id", "externalId", "instanceId", "name"))


def _table(console: Console, items: Iterable[Mapping[str, Any]], fields: tuple[str, ...]) -> None:
    table = Table(box=None, pad_edge=False, header_style="bold")
    for field in fields:
        table.add_column(snake_case(field), no_wrap=True, overflow="ellipsis")
    for item in items:
        table.add_row(*(Text(cell(field, item.get(field))) for field in fields))
    console.print(table)


DEMO = Command(
    "demo",
    demo,
    (
        Option(
            "--files",
            "Files in the demo plant.",
            int_range(100, 1_000_000),
            dest="n_files",
            default=DEMO_FILES,
        ),
    ),
)
