"""`cdf-client assets list`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cdf_client._cli._connect import CONNECTION_OPTIONS, Connection, open_client
from cdf_client._cli._emit import emit_items, listing_options
from cdf_client._cli._params import INTEGER, TIMESTAMP, given, ids_or_none
from cdf_client._cli._parser import Command, Group, Option, Param, Switch
from cdf_client_api import rules

if TYPE_CHECKING:
    import argparse

_FILTERS: tuple[Param, ...] = (
    Option("--name", "Exact asset name."),
    Option("--source", "Exact source."),
    Option("--external-id-prefix", "Prefix of the external id (case-sensitive)."),
    Switch("--root", "--not-root", "Only root assets (--root)."),
    Option(
        "--parent-id", "Direct child of this asset (repeatable).", INTEGER, dest="parent_ids", repeat=True
    ),
    Option(
        "--parent-external-id",
        "Direct child of the asset with this external id (repeatable).",
        dest="parent_external_ids",
        repeat=True,
    ),
    Option(
        "--asset-subtree-id",
        "In the subtree of this asset, the root included (repeatable).",
        INTEGER,
        dest="asset_subtree_ids",
        repeat=True,
    ),
    Option(
        "--asset-subtree-external-id",
        "In the subtree of the asset with this external id (repeatable).",
        dest="asset_subtree_external_ids",
        repeat=True,
    ),
    Switch("--include-metadata", "--no-metadata", "Include each asset's metadata [default: include]."),
    Option("--min-created-time", "Earliest creation time, inclusive.", TIMESTAMP),
    Option("--max-created-time", "Latest creation time, inclusive.", TIMESTAMP),
    Option("--min-last-updated-time", "Earliest update time, inclusive.", TIMESTAMP),
    Option("--max-last-updated-time", "Latest update time, inclusive.", TIMESTAMP),
)


def assets_list(args: argparse.Namespace) -> None:
    """List assets (GET /assets), streamed.

    Times are epoch ms or ISO 8601 (UTC by default).

    Example: cdf-client assets list --fake --root --format csv
    """
    kwargs = {
        "name": args.name,
        "source": args.source,
        "external_id_prefix": args.external_id_prefix,
        "root": args.root,
        "include_metadata": args.include_metadata,
        "parent_ids": ids_or_none(args.parent_ids),
        "parent_external_ids": ids_or_none(args.parent_external_ids),
        "asset_subtree_ids": ids_or_none(args.asset_subtree_ids),
        "asset_subtree_external_ids": ids_or_none(args.asset_subtree_external_ids),
        "min_created_time": args.min_created_time,
        "max_created_time": args.max_created_time,
        "min_last_updated_time": args.min_last_updated_time,
        "max_last_updated_time": args.max_last_updated_time,
        "limit": args.limit,
        "partitions": args.partitions,
        "page_size": args.page_size,
    }
    with open_client(Connection.from_args(args)) as client:
        listing = client.assets.list(**given(kwargs)).dicts()
        emit_items(
            listing,
            "asset",
            output_format=args.output_format,
            progress=args.progress,
            limit=args.limit,
            description="Listing assets",
            page_size=args.page_size,
            output=args.output,
        )


_OPERATION = rules.ListAssetsParameters
_LISTING = listing_options(_OPERATION.limit, _OPERATION.partition.max_partitions)

ASSETS = Group(
    "assets",
    "List assets.",
    (Command("list", assets_list, (*_FILTERS, *_LISTING, *CONNECTION_OPTIONS)),),
)
