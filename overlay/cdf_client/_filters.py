"""Filter values with Python types (labels, geo shapes, id unions) and their checked wire forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from cdf_client._errors import InvalidArgumentError
from cdf_client._identifiers import check_external_id, check_id
from cdf_client._models import GeoShape
from cdf_client._validation import check_list, check_unicode

Relation = Literal["INTERSECTS", "DISJOINT", "WITHIN"]
_RELATIONS = ("INTERSECTS", "DISJOINT", "WITHIN")
# MultiPoint may be stored on a file but is not accepted as a filter shape.
_FILTER_SHAPES = ("Point", "LineString", "Polygon", "MultiLineString", "MultiPolygon")
MAX_LABELS = 10
MAX_METADATA_PAIRS = 256


@dataclass(frozen=True, slots=True)
class LabelFilter:
    """Match files having any (`contains_any`) or all (`contains_all`) of the labels, by external id.

    Example: `client.files.filter(labels=LabelFilter(contains_any=["pump", "valve"]))`.
    """

    contains_any: Sequence[str] | None = None
    contains_all: Sequence[str] | None = None

    def to_wire(self, argument: str = "labels") -> dict[str, Any]:
        """Return the wire form `{"containsAny"|"containsAll": [{"externalId": ...}]}`."""
        if (self.contains_any is None) == (self.contains_all is None):
            raise InvalidArgumentError(argument, "give exactly one of contains_any and contains_all")
        key, values = (
            ("containsAny", self.contains_any)
            if self.contains_any is not None
            else ("containsAll", self.contains_all)
        )
        checked = check_list(values, f"{argument}.{key}", check_external_id, max_items=MAX_LABELS)
        return {key: [{"externalId": value} for value in checked]}


@dataclass(frozen=True, slots=True)
class GeoLocationFilter:
    """Match files whose location relates to `shape`: `INTERSECTS`, `DISJOINT` or `WITHIN` (any case).

    Example: `GeoLocationFilter("within", GeoShape("Polygon", [[[0, 0], [0, 1], [1, 1], [0, 0]]]))`.
    """

    relation: Relation | str
    shape: GeoShape | Mapping[str, Any]

    def to_wire(self, argument: str = "geo_location") -> dict[str, Any]:
        """Return the wire form `{"relation", "shape": {"type", "coordinates"}}`."""
        relation = self.relation.upper() if isinstance(self.relation, str) else self.relation
        if relation not in _RELATIONS:
            msg = f"relation must be one of {', '.join(_RELATIONS)}, got {self.relation!r}"
            raise InvalidArgumentError(argument, msg)
        if isinstance(self.shape, GeoShape):
            shape = {"type": self.shape.type, "coordinates": self.shape.coordinates}
        elif isinstance(self.shape, Mapping):
            shape = {"type": self.shape.get("type"), "coordinates": self.shape.get("coordinates")}
        else:
            msg_0 = f"{argument}.shape"
            raise InvalidArgumentError(msg_0, "must be a GeoShape or a GeoJSON geometry dict")
        if shape["type"] not in _FILTER_SHAPES:
            msg = f"type must be one of {', '.join(_FILTER_SHAPES)}, got {shape['type']!r}"
            msg_0 = f"{argument}.shape"
            raise InvalidArgumentError(msg_0, msg)
        if not isinstance(shape["coordinates"], list | tuple) or not shape["coordinates"]:
            msg_0 = f"{argument}.shape"
            raise InvalidArgumentError(msg_0, "coordinates must be a non-empty list")
        # Round-trip through JSON: tuples become lists, and non-numbers fail here rather than on the server.
        try:
            coordinates = orjson.loads(orjson.dumps(shape["coordinates"]))
        except TypeError as error:
            msg_0 = f"{argument}.shape"
            raise InvalidArgumentError(msg_0, f"coordinates are not numbers: {error}") from error
        _check_numbers(coordinates, f"{argument}.shape")
        return {"relation": relation, "shape": {"type": shape["type"], "coordinates": coordinates}}


def _check_numbers(value: object, argument: str) -> None:
    """Every coordinate a finite number: JSON has no NaN or infinity (orjson writes them as null)."""
    if isinstance(value, list):
        for item in value:
            _check_numbers(item, argument)
    elif isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"coordinates must be finite numbers (no NaN, infinity or None), got {value!r}"
        raise InvalidArgumentError(argument, msg)


def either(value: object, argument: str) -> dict[str, Any]:
    """`{"id": n}` for an int, `{"externalId": s}` for a str (the wire's IdEither)."""
    if isinstance(value, str):
        return {"externalId": check_external_id(value, argument)}
    return {"id": check_id(value, argument)}


def either_list(values: object, argument: str, *, min_items: int = 1) -> list[dict[str, Any]]:
    """Return a checked list of `either` values (ids and external ids may be mixed)."""
    checked = check_list(values, argument, lambda v, a: orjson.dumps(either(v, a)), min_items=min_items)
    return [orjson.loads(item) for item in checked]


def id_list(values: object, argument: str) -> list[int]:
    """Return a checked list of 1..100 unique ids."""
    return check_list(values, argument, check_id)


def external_id_list(values: object, argument: str) -> list[str]:
    """Return a checked list of 1..100 unique external ids."""
    return check_list(values, argument, check_external_id)


def json_array(values: list[Any]) -> str:
    """Return the compact JSON text the `x-cdf-json-array` query parameters carry."""
    return orjson.dumps(values).decode()


def metadata_filter(value: object, argument: str = "metadata") -> dict[str, str]:
    """Check metadata pairs to match: `dict[str, str]`, keys <= 128, values <= 10240 characters."""
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(argument, f"must be a dict[str, str], got {type(value).__name__}")
    if not 1 <= len(value) <= MAX_METADATA_PAIRS:
        raise InvalidArgumentError(argument, f"must hold 1..{MAX_METADATA_PAIRS} pairs, got {len(value)}")
    checked: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= 128:  # noqa: PLR2004 (the wire's key limit)
            raise InvalidArgumentError(argument, f"keys must be str of 1..128 characters, got {key!r}")
        if not isinstance(item, str) or len(item) > 10240:  # noqa: PLR2004 (the wire's value limit)
            msg = f"{argument}[{key!r}]"
            raise InvalidArgumentError(msg, "values must be str of at most 10240 characters")
        checked[check_unicode(key, argument)] = check_unicode(item, f"{argument}[{key!r}]")
    return checked
