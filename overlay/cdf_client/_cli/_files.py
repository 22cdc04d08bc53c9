"""`cdf-client files filter|list|get|retrieve`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cdf_client import GeoLocationFilter, LabelFilter
from cdf_client._cli._connect import CONNECTION_OPTIONS, Connection, open_client
from cdf_client._cli._emit import FORMAT_OPTION, emit_items, emit_one, listing_options
from cdf_client._cli._errors import UsageError
from cdf_client._cli._params import (
    GEO_SHAPE,
    INSTANCE_ID,
    INTEGER,
    KEY_VALUE,
    TIMESTAMP,
    choice,
    given,
    identifier,
    ids_or_none,
    int_range,
    time_bounds,
)
from cdf_client._cli._parser import Argument, Command, Flag, Group, Option, Param, Switch
from cdf_client._validation import int_bounds
from cdf_client_api import rules

if TYPE_CHECKING:
    import argparse

    from cdf_client import InstanceId

_TIME_FIELDS = ("created", "last-updated", "uploaded", "source-created", "source-modified")

_TIME_OPTIONS = tuple(
    Option(
        f"--{end}-{field}-time",
        f"{'Earliest' if end == 'min' else 'Latest'} {field.replace('-', ' ')} time, inclusive "
        "(epoch ms or ISO 8601, UTC by default).",
        TIMESTAMP,
    )
    for field in _TIME_FIELDS
    for end in ("min", "max")
)

# The filters that both `files filter` and `files list` take.
_COMMON_FILTERS: tuple[Param, ...] = (
    Option("--name", "Exact file name."),
    Option("--mime-type", "Exact MIME type, e.g. application/pdf."),
    Option("--source", "Exact source."),
    Option("--external-id-prefix", "Prefix of the external id (case-sensitive)."),
    Switch("--uploaded", "--not-uploaded", "Only files whose content is (not) uploaded."),
    Option("--asset-id", "Linked to this asset (repeatable).", INTEGER, dest="asset_ids", repeat=True),
    Option(
        "--asset-external-id",
        "Linked to the asset with this external id (repeatable).",
        dest="asset_external_ids",
        repeat=True,
    ),
    Option("--data-set-id", "In this data set (repeatable).", INTEGER, dest="data_set_ids", repeat=True),
    Option(
        "--data-set-external-id",
        "In the data set with this external id (repeatable).",
        dest="data_set_external_ids",
        repeat=True,
    ),
    Option(
        "--root-asset-id",
        "Linked to an asset in the tree with this root (repeatable).",
        INTEGER,
        dest="root_asset_ids",
        repeat=True,
    ),
    Option(
        "--asset-subtree-id",
        "Linked to an asset in this subtree, the root included (repeatable).",
        INTEGER,
        dest="asset_subtree_ids",
        repeat=True,
    ),
    Option(
        "--asset-subtree-external-id",
        "Like --asset-subtree-id, by external id (repeatable).",
        dest="asset_subtree_external_ids",
        repeat=True,
    ),
    *_TIME_OPTIONS,
)

_FILTER_ONLY: tuple[Param, ...] = (
    Option("--directory-prefix", "Prefix of the directory (case-sensitive)."),
    Option("--metadata", "Metadata key=value that must match (repeatable).", KEY_VALUE, repeat=True),
    Option("--label-any", "Has at least one of these labels (repeatable).", repeat=True),
    Option("--label-all", "Has all of these labels (repeatable).", repeat=True),
    Option(
        "--geo-relation",
        "How the file's location relates to --geo-shape.",
        choice(
            *(relation.lower() for relation in rules.GeoLocationFilter.relation.enum), case_sensitive=False
        ),
    ),
    Option("--geo-shape", 'GeoJSON geometry, e.g. \'{"type":"Point","coordinates":[5,60]}\'.', GEO_SHAPE),
)


def _common_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "name": args.name,
        "mime_type": args.mime_type,
        "source": args.source,
        "external_id_prefix": args.external_id_prefix,
        "uploaded": args.uploaded,
        "asset_ids": ids_or_none(args.asset_ids),
        "asset_external_ids": ids_or_none(args.asset_external_ids),
        "data_set_ids": ids_or_none(args.data_set_ids, args.data_set_external_ids),
    }


def _paging(args: argparse.Namespace) -> dict[str, Any]:
    return {"limit": args.limit, "partitions": args.partitions, "page_size": args.page_size}


def _emit_listing(listing: Any, args: argparse.Namespace, description: str) -> None:
    emit_items(
        listing,
        "file",
        output_format=args.output_format,
        progress=args.progress,
        limit=args.limit,
        description=description,
        page_size=args.page_size,
        output=args.output,
    )


def files_filter(args: argparse.Namespace) -> None:
    """Filter files (POST /files/list): every filter CDF has, streamed.

    Example: cdf-client files filter --fake --mime-type image/png --limit 5
    """
    kwargs = _common_kwargs(args)
    kwargs.update(
        directory_prefix=args.directory_prefix,
        metadata=dict(args.metadata) or None,
        root_asset_ids=ids_or_none(args.root_asset_ids),
        asset_subtree_ids=ids_or_none(args.asset_subtree_ids, args.asset_subtree_external_ids),
        labels=_labels(args.label_any, args.label_all),
        geo_location=_geo(args.geo_relation, args.geo_shape),
        created_time=time_bounds(args.min_created_time, args.max_created_time),
        last_updated_time=time_bounds(args.min_last_updated_time, args.max_last_updated_time),
        uploaded_time=time_bounds(args.min_uploaded_time, args.max_uploaded_time),
        source_created_time=time_bounds(args.min_source_created_time, args.max_source_created_time),
        source_modified_time=time_bounds(args.min_source_modified_time, args.max_source_modified_time),
    )
    with open_client(Connection.from_args(args)) as client:
        listing = client.files.filter(**given(kwargs), **given(_paging(args))).dicts()
        _emit_listing(listing, args, "Filtering files")


def _labels(any_of: list[str], all_of: list[str]) -> LabelFilter | None:
    if any_of and all_of:
        msg = "give --label-any or --label-all, not both (CDF takes one label filter)"
        raise UsageError(msg)
    if any_of:
        return LabelFilter(contains_any=any_of)
    if all_of:
        return LabelFilter(contains_all=all_of)
    return None


def _geo(relation: str | None, shape: dict[str, Any] | None) -> GeoLocationFilter | None:
    if (relation is None) != (shape is None):
        msg = "--geo-relation and --geo-shape go together"
        raise UsageError(msg)
    if relation is None or shape is None:
        return None
    return GeoLocationFilter(relation, shape)


def files_list(args: argparse.Namespace) -> None:
    """List files (GET /files), streamed.

    Example: cdf-client files list --fake --partitions 4 --format csv
    """
    kwargs = _common_kwargs(args)
    kwargs.update(
        root_asset_ids=ids_or_none(args.root_asset_ids),
        asset_subtree_ids=ids_or_none(args.asset_subtree_ids),
        asset_subtree_external_ids=ids_or_none(args.asset_subtree_external_ids),
    )
    for field in _TIME_FIELDS:
        for end in ("min", "max"):
            name = f"{end}_{field.replace('-', '_')}_time"
            kwargs[name] = getattr(args, name)
    with open_client(Connection.from_args(args)) as client:
        listing = client.files.list(**given(kwargs), **given(_paging(args))).dicts()
        _emit_listing(listing, args, "Listing files")


def files_get(args: argparse.Namespace) -> None:
    """Get one file by its id (GET /files/{id}); exit 1 with NotFoundError if there is none.

    Example: cdf-client files get --fake 4113589062838
    """
    with open_client(Connection.from_args(args)) as client:
        emit_one(client.files.get(args.file_id), "file", output_format=args.output_format)


def files_retrieve(args: argparse.Namespace) -> None:
    """Retrieve files by id, external id or instance id (POST /files/byids), in the order given.

    A number is an id, anything else an external id. Without --ignore-unknown-ids, one unknown
    identifier fails the command (exit 1) and every missing one is named.

    Example: cdf-client files retrieve --fake 4113589062838 5760082126947
    """
    wanted: list[int | str | InstanceId] = [identifier(text) for text in args.identifiers]
    wanted.extend(args.external_ids)
    wanted.extend(args.instance_ids)
    if not wanted:
        msg = "give at least one identifier"
        raise UsageError(msg)
    with open_client(Connection.from_args(args)) as client:
        found = client.files.retrieve(wanted, ignore_unknown_ids=args.ignore_unknown_ids)
        emit_items(
            found, "file", output_format=args.output_format, progress=False, limit=None, description=""
        )


def _listing_options(
    operation: type[rules.FileFilterRequest | rules.ListFilesParameters],
) -> tuple[Param, ...]:
    return listing_options(operation.limit, operation.partition.max_partitions)


FILES = Group(
    "files",
    "Filter, list, get and retrieve file metadata.",
    (
        Command(
            "filter",
            files_filter,
            (
                *_COMMON_FILTERS,
                *_FILTER_ONLY,
                *_listing_options(rules.FileFilterRequest),
                *CONNECTION_OPTIONS,
            ),
        ),
        Command(
            "list",
            files_list,
            (*_COMMON_FILTERS, *_listing_options(rules.ListFilesParameters), *CONNECTION_OPTIONS),
        ),
        Command(
            "get",
            files_get,
            (
                Argument("file_id", "ID", int_range(*int_bounds(rules.GetFileParameters.id))),
                FORMAT_OPTION,
                *CONNECTION_OPTIONS,
            ),
        ),
        Command(
            "retrieve",
            files_retrieve,
            (
                Argument("identifiers", "ID|EXTERNAL_ID", many=True),
                Option(
                    "--external-id",
                    "An external id, even one made of digits (repeatable).",
                    dest="external_ids",
                    repeat=True,
                ),
                Option(
                    "--instance-id",
                    "An instance id space:external_id.",
                    INSTANCE_ID,
                    dest="instance_ids",
                    repeat=True,
                ),
                Flag("--ignore-unknown-ids", "Skip identifiers that do not exist instead of failing."),
                FORMAT_OPTION,
                *CONNECTION_OPTIONS,
            ),
        ),
    ),
)
