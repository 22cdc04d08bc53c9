"""The server core: one pure function from a `Request` to a `Response`, wrapped three ways elsewhere."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import orjson

from cdf_client.testing import _query
from cdf_client.testing._filters import asset_check, file_check
from cdf_client.testing._http import (
    APIError,
    GzipCache,
    Request,
    Response,
    add_request_id,
    decode_body,
    gzip_if_accepted,
)
from cdf_client.testing._oauth import TOKEN_PATH, Auth
from cdf_client.testing._paging import check_limit, page, parse_partition, query_digest
from cdf_client.testing._retrieve import get, retrieve
from cdf_client.testing._validation import check_unique, validate
from cdf_client_api import rules
from cdf_client_api.wire import models

if TYPE_CHECKING:
    from cdf_client.testing._store import Store

API_PREFIX = "/api/v1/projects/"
# Filter lists the spec marks `uniqueItems`, which pydantic's list models do not enforce.
_UNIQUE_FILTER_LISTS = ("assetIds", "assetExternalIds", "rootAssetIds", "assetSubtreeIds", "dataSetIds")
_ROUTES = {"files/list": "POST", "files/byids": "POST", "files": "GET", "assets": "GET"}


def route_method(rest: str) -> str | None:
    """Return the method a path below the project answers (`files/list`: POST); None: no such endpoint."""
    return _ROUTES.get(rest, "GET" if rest.startswith("files/") and rest.count("/") == 1 else None)


class Server:
    """Routes, authenticates and answers requests for one project, with CDF's wire behaviour."""

    def __init__(self, store: Store, *, project: str, auth: Auth, clamp_post_limit: bool = False) -> None:
        self.store = store
        self.project = project
        self.auth = auth
        self.clamp_post_limit = clamp_post_limit
        self._gzip = GzipCache()

    def handle(self, request: Request) -> tuple[Response, Any]:
        """Answer one request; also return its decoded JSON body (for recording), or None."""
        body: list[Any] = [None]
        try:
            response = self._route(request, body)
        except APIError as exc:
            response = exc.response()
        return gzip_if_accepted(request, add_request_id(response), self._gzip), body[0]

    def _route(self, request: Request, body: list[Any]) -> Response:
        path = request.path
        if path == TOKEN_PATH:
            return self.auth.token_endpoint(request)
        if not path.startswith("/api/v1/"):
            raise APIError(404, f"No such endpoint: {request.method} {path}")
        if not self.auth.accepts(request.headers.get("authorization")):
            raise APIError(401, "Unauthorized")
        if path == "/api/v1/token/inspect":
            # cognite-sdk asks this on errors to suggest projects; a minimal truthful answer.
            projects = [{"projectUrlName": self.project, "groups": []}]
            return Response(
                200, b'{"subject":"fake","projects":' + orjson.dumps(projects) + b',"capabilities":[]}'
            )
        return self._route_project(request, body)

    def _route_project(self, request: Request, body: list[Any]) -> Response:
        path = request.path
        project, _, rest = path.removeprefix(API_PREFIX).partition("/")
        if not path.startswith(API_PREFIX) or not rest:
            raise APIError(404, f"No such endpoint: {request.method} {path}")
        if project != self.project:
            raise APIError(403, "Resource not found. This may also be due to insufficient access rights.")
        method = route_method(rest)
        if method is None:
            raise APIError(404, f"No such endpoint: {request.method} {path}")
        if request.method != method:
            # RFC 9110: a 405 names the methods the resource does support.
            raise APIError(
                405, f"Method {request.method} is not allowed on {path}", headers=(("allow", method),)
            )
        if method == "POST":
            body[0] = decode_body(request)
            return self._files_list(body[0]) if rest == "files/list" else retrieve(self.store, body[0])
        if rest == "files":
            return self._list_files(_query.files_query(request.query))
        if rest == "assets":
            return self._list_assets(_query.assets_query(request.query))
        return get(self.store, rest.removeprefix("files/"))

    def _files_list(self, body: Any) -> Response:
        if not isinstance(body, dict):
            raise APIError(400, "Request body must be a JSON object")
        checked = _lenient_geo(body)
        limit_rule = rules.FileFilterRequest.limit
        if (
            self.clamp_post_limit
            and isinstance(checked.get("limit"), int)
            and checked["limit"] > limit_rule.maximum
        ):
            checked["limit"] = limit_rule.maximum
        request = validate(models.FileFilterRequest, checked)
        flt = request.get("filter", {})
        if "geoLocation" in flt:
            flt["geoLocation"]["shape"] = body["filter"]["geoLocation"]["shape"]
        for key in _UNIQUE_FILTER_LISTS:
            if key in flt:
                check_unique(flt[key], f"filter.{key}")
        partition = request.get("partition")
        digest = query_digest({"filter": flt, "partition": partition})
        query = _query.ListQuery(
            flt,
            check_limit(request.get("limit", limit_rule.default), limit_rule, clamp=False),
            request.get("cursor"),
            parse_partition(partition, rules.FileFilterRequest.partition.max_partitions),
            digest,
        )
        return self._list_files(query)

    def _list_files(self, query: _query.ListQuery) -> Response:
        files = self.store.files
        return page(
            files,
            json=files.json,
            limit=query.limit,
            cursor=query.cursor,
            partition=query.partition,
            digest=query.digest,
            match=file_check(self.store, query.filter),
        )

    def _list_assets(self, query: _query.ListQuery) -> Response:
        assets = self.store.assets
        return page(
            assets,
            json=assets.json if query.include_metadata else self.store.assets_json_without_metadata,
            limit=query.limit,
            cursor=query.cursor,
            partition=query.partition,
            digest=query.digest,
            match=asset_check(self.store, query.filter),
        )


def _lenient_geo(body: dict[str, Any]) -> dict[str, Any]:
    """Return the body to validate: relation upper-cased, single-ring polygons allowed (as CDF does).

    cognite-sdk's own integration test sends `"intersects"`; the published schema's `minItems: 2`
    for polygon rings would reject every polygon without a hole, which CDF does not do, in a
    `Polygon` or in each polygon of a `MultiPolygon`.
    """
    geo = body.get("filter", {}).get("geoLocation") if isinstance(body.get("filter"), dict) else None
    if not isinstance(geo, dict):
        return dict(body)
    checked = copy.deepcopy(body)
    geo = checked["filter"]["geoLocation"]
    if isinstance(geo.get("relation"), str):
        geo["relation"] = geo["relation"].upper()
    shape = geo.get("shape")
    # A tuple, not a set: an unvalidated "type" may be unhashable (a JSON object).
    if isinstance(shape, dict) and shape.get("type") in ("Polygon", "MultiPolygon"):
        coordinates = shape.get("coordinates")
        polygons = [coordinates] if shape["type"] == "Polygon" else coordinates
        for rings in polygons if isinstance(polygons, list) else ():
            if isinstance(rings, list) and len(rings) == 1:
                rings.append(rings[0])  # validated only; the filter uses the shape as sent
    return checked
