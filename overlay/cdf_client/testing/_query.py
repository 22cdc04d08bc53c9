"""Query strings of `GET /files` and `GET /assets`: typed parsing, JSON-array parameters, 400s."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import orjson
import pydantic

from cdf_client.testing._http import bad_request
from cdf_client.testing._paging import check_limit, parse_partition, query_digest
from cdf_client.testing._validation import check_adapter, check_unique, outside_int64, validate
from cdf_client_api import rules
from cdf_client_api.wire import models

_INT = re.compile(r"^-?[0-9]+$")
_IDS = pydantic.TypeAdapter(models.AssetIds)
_EXTERNAL_IDS = pydantic.TypeAdapter(models.AssetExternalIds)
_ASSET_NAME = pydantic.TypeAdapter(models.AssetName)
_SOURCE = pydantic.TypeAdapter(models.AssetSource)
_PREFIX = pydantic.TypeAdapter(models.CogniteExternalIdPrefix)
_DATA_SETS = pydantic.TypeAdapter(models.DataSetIdEithers)
_MAX_DATA_SETS = rules.FileFilterProperties.data_set_ids.max_items

_COMMON = {"limit", "cursor", "partition"}
_FILE_TIMES = ("CreatedTime", "LastUpdatedTime", "UploadedTime", "SourceCreatedTime", "SourceModifiedTime")
_ASSET_TIMES = ("CreatedTime", "LastUpdatedTime")
FILE_PARAMS = _COMMON | {
    "name", "mimeType", "source", "assetIds", "assetExternalIds", "dataSetIds", "rootAssetIds",
    "assetSubtreeIds", "assetSubtreeExternalIds", "externalIdPrefix", "uploaded",
    *(f"{end}{field}" for field in _FILE_TIMES for end in ("min", "max")),
}  # fmt: skip
ASSET_PARAMS = _COMMON | {
    "includeMetadata", "name", "parentIds", "parentExternalIds", "rootIds", "assetSubtreeIds",
    "assetSubtreeExternalIds", "source", "root", "externalIdPrefix",
    *(f"{end}{field}" for field in _ASSET_TIMES for end in ("min", "max")),
}  # fmt: skip
_REPEATABLE = {"assetIds"}  # OpenAPI's default form/explode style: assetIds=1&assetIds=2


@dataclasses.dataclass(frozen=True)
class ListQuery:
    """What a listing request asks for, whether it came as a query string or a POST body."""

    filter: dict[str, Any]
    limit: int
    cursor: str | None
    partition: tuple[int, int] | None
    digest: bytes
    include_metadata: bool = True


class _Params:
    """Typed access to one query string; every accessor answers 400 for a malformed value."""

    def __init__(self, query: list[tuple[str, str]], allowed: set[str]) -> None:
        self.values: dict[str, list[str]] = {}
        for name, value in query:
            if name not in allowed:
                msg = f"Unrecognized query parameter: {name}"
                raise bad_request(msg)
            if name in self.values and name not in _REPEATABLE:
                msg = f"Query parameter {name} is given more than once"
                raise bad_request(msg)
            self.values.setdefault(name, []).append(value)

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def text(self, name: str) -> str:
        return self.values[name][0]

    def integer(self, name: str, value: str | None = None) -> int:
        raw = self.text(name) if value is None else value
        if not _INT.match(raw):
            msg = f"{name}: expected an integer, got {raw!r}"
            raise bad_request(msg)
        if outside_int64(int(raw)) is not None:
            msg = f"{name}: {raw} is outside the int64 range"
            raise bad_request(msg)
        return int(raw)

    def boolean(self, name: str) -> bool:
        raw = self.text(name).lower()
        if raw not in {"true", "false"}:
            msg = f"{name}: expected true or false, got {self.text(name)!r}"
            raise bad_request(msg)
        return raw == "true"

    def timestamp(self, name: str, rule: type[rules.Integer]) -> int:
        value = self.integer(name)
        if rule.minimum is not None and value < rule.minimum:
            msg = f"{name}: must be an epoch timestamp in milliseconds of at least {rule.minimum}"
            raise bad_request(msg)
        return value

    def json_array(self, name: str) -> list[Any]:
        """Parse a JSON-array string such as `[1, 2]` or `["a","b"]` (compact or spaced)."""
        try:
            value = orjson.loads(self.text(name))
        except orjson.JSONDecodeError as exc:
            msg = f"{name}: failed to parse JSON array: {exc}"
            raise bad_request(msg) from exc
        if not isinstance(value, list):
            msg = f"{name}: expected a JSON array, got {self.text(name)!r}"
            raise bad_request(msg)
        return value

    def ids(self, name: str) -> list[int]:
        value = self.json_array(name)
        check_adapter(_IDS, value, name)
        check_unique(value, name)
        return value

    def external_ids(self, name: str) -> list[str]:
        value = self.json_array(name)
        check_adapter(_EXTERNAL_IDS, value, name)
        check_unique(value, name)
        return value

    def checked(self, name: str, adapter: pydantic.TypeAdapter[Any]) -> str:
        value = self.text(name)
        check_adapter(adapter, value, name)
        return value

    def common(
        self,
        flt: dict[str, Any],
        operation: type[rules.ListFilesParameters | rules.ListAssetsParameters],
        *,
        include_metadata: bool = True,
    ) -> ListQuery:
        """Limit (clamped above its maximum, as GET documents), cursor and partition, around a filter."""
        limit_rule = operation.limit
        limit = (
            check_limit(self.integer("limit"), limit_rule, clamp=True)
            if "limit" in self
            else limit_rule.default
        )
        max_partitions = operation.partition.max_partitions
        partition = parse_partition(self.text("partition"), max_partitions) if "partition" in self else None
        # The cursor is bound to everything but itself and the limit (clients shrink the last page).
        digest = query_digest(sorted((k, v) for k, v in self.values.items() if k not in {"cursor", "limit"}))
        cursor = self.text("cursor") if "cursor" in self else None
        return ListQuery(flt, limit, cursor, partition, digest, include_metadata)


def files_query(query: list[tuple[str, str]]) -> ListQuery:
    """`GET /files` parameters as the equivalent `POST /files/list` filter, validated by the same model."""
    params = _Params(query, FILE_PARAMS)
    flt: dict[str, Any] = {}
    for name in ("name", "mimeType", "source", "externalIdPrefix"):
        if name in params:
            flt[name] = params.text(name)
    if "uploaded" in params:
        flt["uploaded"] = params.boolean("uploaded")
    _asset_and_data_set_filters(params, flt)
    _time_ranges(params, flt, _FILE_TIMES, rules.ListFilesParameters)
    checked = validate(models.FileFilterProperties, flt)
    # `assetSubtreeIds` and `assetSubtreeExternalIds` each have their own limit (checked as they are
    # read); together they may exceed the one limit of the POST filter's list, so they join after.
    if subtree := _subtree(params):
        checked["assetSubtreeIds"] = subtree
    return params.common(checked, rules.ListFilesParameters)


def _asset_and_data_set_filters(params: _Params, flt: dict[str, Any]) -> None:
    """Map the id-list parameters of `GET /files` to the `POST /files/list` filter's shapes."""
    if "assetIds" in params:
        flt["assetIds"] = [params.integer("assetIds", raw) for raw in params.values["assetIds"]]
        check_unique(flt["assetIds"], "assetIds")
    if "assetExternalIds" in params:
        flt["assetExternalIds"] = params.external_ids("assetExternalIds")
    if "dataSetIds" in params:
        data_sets = params.json_array("dataSetIds")
        check_adapter(_DATA_SETS, data_sets, "dataSetIds")
        if len(data_sets) > _MAX_DATA_SETS:
            msg = f"dataSetIds: at most {_MAX_DATA_SETS} items"
            raise bad_request(msg)
        check_unique(data_sets, "dataSetIds")
        flt["dataSetIds"] = data_sets
    if "rootAssetIds" in params:
        flt["rootAssetIds"] = [{"id": i} for i in params.ids("rootAssetIds")]


def assets_query(query: list[tuple[str, str]]) -> ListQuery:
    """`GET /assets` parameters as a filter dict for `_filters.asset_check`."""
    params = _Params(query, ASSET_PARAMS)
    flt: dict[str, Any] = {}
    if "name" in params:
        flt["name"] = params.checked("name", _ASSET_NAME)
    if "source" in params:
        flt["source"] = params.checked("source", _SOURCE)
    if "externalIdPrefix" in params:
        flt["externalIdPrefix"] = params.checked("externalIdPrefix", _PREFIX)
    for name in ("parentIds", "rootIds"):
        if name in params:
            flt[name] = params.ids(name)
    if "parentExternalIds" in params:
        flt["parentExternalIds"] = params.external_ids("parentExternalIds")
    if subtree := _subtree(params):
        flt["assetSubtreeIds"] = subtree
    if "root" in params:
        # `root=false` is the documented default, so it cannot mean "only non-roots": no filter.
        flt["root"] = params.boolean("root")
    _time_ranges(params, flt, _ASSET_TIMES, rules.ListAssetsParameters)
    operation = rules.ListAssetsParameters
    include_metadata = (
        params.boolean("includeMetadata")
        if "includeMetadata" in params
        else operation.include_metadata.default
    )
    return params.common(flt, operation, include_metadata=include_metadata)


def _subtree(params: _Params) -> list[dict[str, Any]]:
    """Merge `assetSubtreeIds` and `assetSubtreeExternalIds` as `{id}|{externalId}` references."""
    refs: list[dict[str, Any]] = []
    if "assetSubtreeIds" in params:
        refs += [{"id": i} for i in params.ids("assetSubtreeIds")]
    if "assetSubtreeExternalIds" in params:
        refs += [{"externalId": x} for x in params.external_ids("assetSubtreeExternalIds")]
    return refs


def _time_ranges(
    params: _Params,
    flt: dict[str, Any],
    fields: tuple[str, ...],
    operation: type[rules.ListFilesParameters | rules.ListAssetsParameters],
) -> None:
    """`minXTime`/`maxXTime` pairs as the inclusive `{min, max}` ranges the POST filter uses."""
    for field in fields:
        bounds = {
            end: params.timestamp(f"{end}{field}", getattr(operation, _snake(f"{end}{field}")))
            for end in ("min", "max")
            if f"{end}{field}" in params
        }
        if bounds:
            flt[field[0].lower() + field[1:]] = bounds


def _snake(name: str) -> str:
    """`minCreatedTime` -> `min_created_time`, the parameter's attribute in `rules`."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
