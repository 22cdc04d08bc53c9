"""`POST /files/byids` and `GET /files/{id}`, with CDF's recorded error order and messages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cdf_client.testing._http import APIError, Response, bad_request
from cdf_client.testing._validation import validate
from cdf_client_api import rules
from cdf_client_api.wire import models

if TYPE_CHECKING:
    from cdf_client.testing._store import Store

_ID = rules.GetFileParameters.id
# No more digits than the largest id has: a longer path segment is refused without parsing it.
_DIGITS = re.compile(rf"^[0-9]{{1,{len(str(_ID.maximum))}}}$")
_KINDS = ("id", "externalId", "instanceId")


def _key(identifier: dict[str, Any]) -> tuple[str, Any]:
    kind = next(iter(identifier))
    value = identifier[kind]
    return (kind, (value["space"], value["externalId"]) if kind == "instanceId" else value)


def _label(identifier: dict[str, Any]) -> str:
    kind, value = _key(identifier)
    return f"{value[0]}:{value[1]}" if kind == "instanceId" else str(value)


def _message(prefixes: dict[str, str], identifiers: list[dict[str, Any]]) -> str:
    """CDF's wording per identifier kind, e.g. "File ids not found: 1, 2" (recorded)."""
    parts = []
    for kind in _KINDS:
        labels = [_label(i) for i in identifiers if kind in i]
        if labels:
            parts.append(f"{prefixes[kind]}: {', '.join(labels)}")
    return "; ".join(parts)


_DUPLICATE = {
    "id": "Duplicate ids",
    "externalId": "Duplicate external ids",
    "instanceId": "Duplicate instance ids",
}
# "File" for ids but "Files" for external ids is what CDF really says; kept verbatim.
_MISSING = {
    "id": "File ids not found",
    "externalId": "Files ids not found",
    "instanceId": "Files instance ids not found",
}


def retrieve(store: Store, body: Any) -> Response:
    """Answer byids: schema, then 409 for duplicates, then 400 for unknown ids, then items in order."""
    request = validate(models.FileDataIdsWithIgnoreUnknownIds, body)
    for i, item in enumerate(body["items"]):
        # The generated select models make every key optional; CDF wants exactly one, set.
        if len(item) != 1 or next(iter(item.values())) is None:
            msg = f"items.{i}: expected exactly one of id, externalId or instanceId"
            raise bad_request(msg)
    identifiers: list[dict[str, Any]] = request["items"]

    seen: set[tuple[str, Any]] = set()
    duplicated: list[dict[str, Any]] = []
    file_ids: list[int | None] = []
    for identifier in identifiers:
        key = _key(identifier)
        file_id = _resolve(store, key)
        # Two references to one file (an id and its external id) also count as duplicates.
        refs = {key} if file_id is None else {key, ("id", file_id)}
        if not seen.isdisjoint(refs) and identifier not in duplicated:
            duplicated.append(identifier)
        seen |= refs
        file_ids.append(file_id)
    if duplicated:
        raise APIError(409, _message(_DUPLICATE, duplicated), duplicated=duplicated)

    missing = [
        identifier for identifier, file_id in zip(identifiers, file_ids, strict=True) if file_id is None
    ]
    if missing and not request.get("ignoreUnknownIds", False):
        raise APIError(400, _message(_MISSING, missing), missing=missing)
    json = store.files.json
    found = [json[store.files.position[file_id]] for file_id in file_ids if file_id is not None]
    return Response(200, b'{"items":[' + b",".join(found) + b"]}")


def _resolve(store: Store, key: tuple[str, Any]) -> int | None:
    kind, value = key
    if kind == "id":
        return value if value in store.files.position else None
    if kind == "externalId":
        return store.file_id_by_external_id.get(value)
    return store.file_id_by_instance_id.get(value)


def get(store: Store, raw_id: str) -> Response:
    """Answer the bare file object; an unknown id is a 400 with `missing`, like byids (CDF lists only 400)."""
    if not _DIGITS.match(raw_id) or not _ID.minimum <= int(raw_id) <= _ID.maximum:
        msg = f"Invalid file id {raw_id!r}: expected an integer between {_ID.minimum} and {_ID.maximum}"
        raise bad_request(msg)
    file_id = int(raw_id)
    position = store.files.position.get(file_id)
    if position is None:
        raise APIError(400, f"File ids not found: {file_id}", missing=[{"id": file_id}])
    return Response(200, store.files.json[position])
