"""`cdf-client assets list`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from cdf_client._cli._connect import Connection, connection_options, open_client
from cdf_client._cli._emit import emit_items, listing_options
from cdf_client._cli._params import TIMESTAMP, given, ids_or_none

if TYPE_CHECKING:
    from cdf_client._cli._output import Format


@click.group()
def assets() -> None:
    """List assets."""


@assets.command("list")
@click.option("--name", default=None, help="Exact asset name.")
@click.option("--source", default=None, help="Exact source.")
@click.option("--external-id-prefix", default=None, help="Prefix of the external id (case-sensitive).")
@click.option("--root/--not-root", default=None, help="Only root assets (--root).")
@click.option(
    "--parent-id", "parent_ids", type=int, multiple=True, help="Direct child of this asset (repeatable)."
)
@click.option(
    "--parent-external-id",
    "parent_external_ids",
    multiple=True,
    help="Direct child of the asset with this external id (repeatable).",
)
@click.option(
    "--asset-subtree-id",
    "asset_subtree_ids",
    type=int,
    multiple=True,
    help="In the subtree of this asset, the root included (repeatable).",
)
@click.option(
    "--asset-subtree-external-id",
    "asset_subtree_external_ids",
    multiple=True,
    help="In the subtree of the asset with this external id (repeatable).",
)
@click.option(
    "--include-metadata/--no-metadata", default=None, help="Include each asset's metadata [default: include]."
)
@click.option("--min-created-time", type=TIMESTAMP, default=None, help="Earliest creation time, inclusive.")
@click.option("--max-created-time", type=TIMESTAMP, default=None, help="Latest creation time, inclusive.")
@click.option(
    "--min-last-updated-time", type=TIMESTAMP, default=None, help="Earliest update time, inclusive."
)
@click.option("--max-last-updated-time", type=TIMESTAMP, default=None, help="Latest update time, inclusive.")
@listing_options
@connection_options
@click.pass_context
def assets_list(ctx: click.Context, /, output_format: Format | None, **params: Any) -> None:
    """List assets (GET /assets), streamed.

    Times are epoch ms or ISO 8601 (UTC by default).

    Example: cdf-client assets list --fake --root --format csv
    """
    kwargs = {
        "name": params["name"],
        "source": params["source"],
        "external_id_prefix": params["external_id_prefix"],
        "root": params["root"],
        "include_metadata": params["include_metadata"],
        "parent_ids": ids_or_none(params["parent_ids"]),
        "parent_external_ids": ids_or_none(params["parent_external_ids"]),
        "asset_subtree_ids": ids_or_none(params["asset_subtree_ids"]),
        "asset_subtree_external_ids": ids_or_none(params["asset_subtree_external_ids"]),
        "min_created_time": params["min_created_time"],
        "max_created_time": params["max_created_time"],
        "min_last_updated_time": params["min_last_updated_time"],
        "max_last_updated_time": params["max_last_updated_time"],
        "limit": params["limit"],
        "partitions": params["partitions"],
        "page_size": params["page_size"],
    }
    with open_client(ctx.find_object(Connection) or Connection()) as client:
        listing = client.assets.list(**given(kwargs)).dicts()
        emit_items(
            listing,
            "asset",
            output_format=output_format,
            progress=params["progress"],
            limit=params["limit"],
            description="Listing assets",
        )
