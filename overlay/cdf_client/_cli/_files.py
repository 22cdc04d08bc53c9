"""`cdf-client files filter|list|get|retrieve`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import click
import orjson

from cdf_client import GeoLocationFilter, LabelFilter
from cdf_client._cli._connect import Connection, connection_options, open_client
from cdf_client._cli._emit import emit_items, emit_one, format_option, listing_options
from cdf_client._cli._params import (
    INSTANCE_ID,
    KEY_VALUE,
    TIMESTAMP,
    given,
    identifier,
    ids_or_none,
    time_bounds,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from cdf_client import InstanceId
    from cdf_client._cli._output import Format

F = TypeVar("F", bound="Callable[..., Any]")

_TIME_FIELDS = ("created", "last-updated", "uploaded", "source-created", "source-modified")


@click.group()
def files() -> None:
    """Filter, list, get and retrieve file metadata."""


def _time_options(command: F) -> F:
    for field in reversed(_TIME_FIELDS):
        for end in ("max", "min"):
            command = click.option(
                f"--{end}-{field}-time",
                type=TIMESTAMP,
                default=None,
                help=f"{'Earliest' if end == 'min' else 'Latest'} {field.replace('-', ' ')} time, inclusive "
                "(epoch ms or ISO 8601, UTC by default).",
            )(command)
    return command


def _common_filters(command: F) -> F:
    """Add the filters that both `files filter` and `files list` take."""
    options = [
        click.option("--name", default=None, help="Exact file name."),
        click.option("--mime-type", default=None, help="Exact MIME type, e.g. application/pdf."),
        click.option("--source", default=None, help="Exact source."),
        click.option(
            "--external-id-prefix", default=None, help="Prefix of the external id (case-sensitive)."
        ),
        click.option(
            "--uploaded/--not-uploaded", default=None, help="Only files whose content is (not) uploaded."
        ),
        click.option(
            "--asset-id", "asset_ids", type=int, multiple=True, help="Linked to this asset (repeatable)."
        ),
        click.option(
            "--asset-external-id",
            "asset_external_ids",
            multiple=True,
            help="Linked to the asset with this external id (repeatable).",
        ),
        click.option(
            "--data-set-id", "data_set_ids", type=int, multiple=True, help="In this data set (repeatable)."
        ),
        click.option(
            "--data-set-external-id",
            "data_set_external_ids",
            multiple=True,
            help="In the data set with this external id (repeatable).",
        ),
        click.option(
            "--root-asset-id",
            "root_asset_ids",
            type=int,
            multiple=True,
            help="Linked to an asset in the tree with this root (repeatable).",
        ),
        click.option(
            "--asset-subtree-id",
            "asset_subtree_ids",
            type=int,
            multiple=True,
            help="Linked to an asset in this subtree, the root included (repeatable).",
        ),
        click.option(
            "--asset-subtree-external-id",
            "asset_subtree_external_ids",
            multiple=True,
            help="Like --asset-subtree-id, by external id (repeatable).",
        ),
        _time_options,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _common_kwargs(params: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": params["name"],
        "mime_type": params["mime_type"],
        "source": params["source"],
        "external_id_prefix": params["external_id_prefix"],
        "uploaded": params["uploaded"],
        "asset_ids": ids_or_none(params["asset_ids"]),
        "asset_external_ids": ids_or_none(params["asset_external_ids"]),
        "data_set_ids": ids_or_none(params["data_set_ids"], params["data_set_external_ids"]),
    }


def _paging(params: dict[str, Any]) -> dict[str, Any]:
    return {"limit": params["limit"], "partitions": params["partitions"], "page_size": params["page_size"]}


def _emit_listing(
    listing: Any, params: dict[str, Any], description: str, output_format: Format | None
) -> None:
    emit_items(
        listing,
        "file",
        output_format=output_format,
        progress=params["progress"],
        limit=params["limit"],
        description=description,
    )


@files.command("filter")
@_common_filters
@click.option("--directory-prefix", default=None, help="Prefix of the directory (case-sensitive).")
@click.option(
    "--metadata",
    "metadata",
    type=KEY_VALUE,
    multiple=True,
    help="Metadata key=value that must match (repeatable).",
)
@click.option("--label-any", multiple=True, help="Has at least one of these labels (repeatable).")
@click.option("--label-all", multiple=True, help="Has all of these labels (repeatable).")
@click.option(
    "--geo-relation",
    type=click.Choice(["intersects", "disjoint", "within"], case_sensitive=False),
    default=None,
    help="How the file's location relates to --geo-shape.",
)
@click.option(
    "--geo-shape", default=None, help='GeoJSON geometry, e.g. \'{"type":"Point","coordinates":[5,60]}\'.'
)
@listing_options
@connection_options
@click.pass_context
def files_filter(ctx: click.Context, /, output_format: Format | None, **params: Any) -> None:
    """Filter files (POST /files/list): every filter CDF has, streamed.

    Example: cdf-client files filter --fake --mime-type image/png --limit 5
    """
    kwargs = _common_kwargs(params)
    kwargs.update(
        directory_prefix=params["directory_prefix"],
        metadata=dict(params["metadata"]) or None,
        root_asset_ids=ids_or_none(params["root_asset_ids"]),
        asset_subtree_ids=ids_or_none(params["asset_subtree_ids"], params["asset_subtree_external_ids"]),
        labels=_labels(params["label_any"], params["label_all"]),
        geo_location=_geo(params["geo_relation"], params["geo_shape"]),
        created_time=time_bounds(params["min_created_time"], params["max_created_time"]),
        last_updated_time=time_bounds(params["min_last_updated_time"], params["max_last_updated_time"]),
        uploaded_time=time_bounds(params["min_uploaded_time"], params["max_uploaded_time"]),
        source_created_time=time_bounds(params["min_source_created_time"], params["max_source_created_time"]),
        source_modified_time=time_bounds(
            params["min_source_modified_time"], params["max_source_modified_time"]
        ),
    )
    with open_client(ctx.find_object(Connection) or Connection()) as client:
        listing = client.files.filter(**given(kwargs), **given(_paging(params))).dicts()
        _emit_listing(listing, params, "Filtering files", output_format)


def _labels(any_of: tuple[str, ...], all_of: tuple[str, ...]) -> LabelFilter | None:
    if any_of and all_of:
        msg = "give --label-any or --label-all, not both (CDF takes one label filter)"
        raise click.UsageError(msg)
    if any_of:
        return LabelFilter(contains_any=list(any_of))
    if all_of:
        return LabelFilter(contains_all=list(all_of))
    return None


def _geo(relation: str | None, shape: str | None) -> GeoLocationFilter | None:
    if (relation is None) != (shape is None):
        msg = "--geo-relation and --geo-shape go together"
        raise click.UsageError(msg)
    if relation is None or shape is None:
        return None
    try:
        geometry = orjson.loads(shape)
    except orjson.JSONDecodeError as exc:
        msg = f"--geo-shape is not JSON: {exc}"
        raise click.BadParameter(msg) from None
    if not isinstance(geometry, dict):
        msg = "--geo-shape must be a GeoJSON geometry object"
        raise click.BadParameter(msg)
    return GeoLocationFilter(relation, geometry)


@files.command("list")
@_common_filters
@listing_options
@connection_options
@click.pass_context
def files_list(ctx: click.Context, /, output_format: Format | None, **params: Any) -> None:
    """List files (GET /files), streamed.

    Example: cdf-client files list --fake --partitions 4 --format csv
    """
    kwargs = _common_kwargs(params)
    kwargs.update(
        root_asset_ids=ids_or_none(params["root_asset_ids"]),
        asset_subtree_ids=ids_or_none(params["asset_subtree_ids"]),
        asset_subtree_external_ids=ids_or_none(params["asset_subtree_external_ids"]),
    )
    for field in _TIME_FIELDS:
        for end in ("min", "max"):
            name = f"{end}_{field.replace('-', '_')}_time"
            kwargs[name] = params[name]
    with open_client(ctx.find_object(Connection) or Connection()) as client:
        listing = client.files.list(**given(kwargs), **given(_paging(params))).dicts()
        _emit_listing(listing, params, "Listing files", output_format)


@files.command("get")
@click.argument("file_id", metavar="ID", type=click.IntRange(min=1))
@format_option
@connection_options
@click.pass_context
def files_get(ctx: click.Context, /, file_id: int, output_format: Format | None) -> None:
    """Get one file by its id (GET /files/{id}); exit 1 with NotFoundError if there is none.

    Example: cdf-client files get --fake 4113589062838
    """
    with open_client(ctx.find_object(Connection) or Connection()) as client:
        emit_one(client.files.get(file_id), "file", output_format=output_format)


@files.command("retrieve")
@click.argument("identifiers", metavar="[ID|EXTERNAL_ID]...", nargs=-1)
@click.option(
    "--external-id",
    "external_ids",
    multiple=True,
    help="An external id, even one made of digits (repeatable).",
)
@click.option(
    "--instance-id", "instance_ids", type=INSTANCE_ID, multiple=True, help="An instance id space:external_id."
)
@click.option(
    "--ignore-unknown-ids", is_flag=True, help="Skip identifiers that do not exist instead of failing."
)
@format_option
@connection_options
@click.pass_context
def files_retrieve(
    ctx: click.Context,
    /,
    identifiers: tuple[str, ...],
    external_ids: tuple[str, ...],
    instance_ids: tuple[InstanceId, ...],
    *,
    ignore_unknown_ids: bool,
    output_format: Format | None,
) -> None:
    """Retrieve files by id, external id or instance id (POST /files/byids), in the order given.

    A number is an id, anything else an external id. Without --ignore-unknown-ids, one unknown
    identifier fails the command (exit 1) and every missing one is named.

    Example: cdf-client files retrieve --fake 4113589062838 5760082126947
    """
    wanted: list[int | str | InstanceId] = [identifier(text) for text in identifiers]
    wanted.extend(external_ids)
    wanted.extend(instance_ids)
    if not wanted:
        msg = "give at least one identifier"
        raise click.UsageError(msg)
    with open_client(ctx.find_object(Connection) or Connection()) as client:
        found = client.files.retrieve(wanted, ignore_unknown_ids=ignore_unknown_ids)
        emit_items(found, "file", output_format=output_format, progress=False, limit=None, description="")
