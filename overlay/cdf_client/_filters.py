"""Filter values with Python types (labels, geo shapes, id unions) and their checked wire forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from cdf_client._errors import InvalidArgumentError
from cdf_client._identifiers import check_external_id, check_id
from cdf_client._models import GeoShape
from cdf_client._validation import check_list, check_str, check_unicode
from cdf_client_api import rules

# For type checkers: the spec's enum (`rules.GeoLocationFilter.relation.enum`); a contract test compares.
Relation = Literal["INTERSECTS", "DISJOINT", "WITHIN"]


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
        key, values, rule = (
            ("containsAny", self.contains_any, rules.LabelContainsAnyFilter.contains_any)
            if self.contains_any is not None
            else ("containsAll", self.contains_all, rules.LabelContainsAllFilter.contains_all)
        )
        checked = check_list(values, f"{argument}.{key}", _label_external_id, rule)
        return {key: [{"externalId": value} for value in checked]}


def _label_external_id(value: object, argument: str) -> str:
    return check_external_id(value, argument, rules.Label.external_id)


@dataclass(frozen=True, slots=True)
class GeoLocationFilter:
    """Match files whose location relates to `shape`: `INTERSECTS`, `DISJOINT` or `WITHIN` (any case).

    Example: `GeoLocationFilter("within", GeoShape("Polygon", [[[0, 0], [0, 1], [1, 1], [0, 0]]]))`.
    """

    relation: Relation | str
    shape: GeoShape | Mapping[str, Any]

    def to_wire(self, argument: str = "geo_location") -> dict[str, Any]:
        """Return the wire form `{"relation", "shape": {"type", "coordinates"}}`."""
        relation_rule = rules.GeoLocationFilter.relation
        relation = self.relation.upper() if isinstance(self.relation, str) else self.relation
        if relation not in relation_rule.enum:
            msg = f"relation must be one of {', '.join(relation_rule.enum)}, got {self.relation!r}"
            raise InvalidArgumentError(argument, msg)
        if isinstance(self.shape, GeoShape):
            shape = {"type": self.shape.type, "coordinates": self.shape.coordinates}
        elif isinstance(self.shape, Mapping):
            shape = {"type": self.shape.get("type"), "coordinates": self.shape.get("coordinates")}
        else:
            msg_0 = f"{argument}.shape"
            raise InvalidArgumentError(msg_0, "must be a GeoShape or a GeoJSON geometry dict")
        # The spec's filter shapes leave out MultiPoint, which a file may still be located by.
        shapes = rules.GeoLocationFilter.shape.discriminator_values
        if shape["type"] not in shapes:
            msg = f"type must be one of {', '.join(shapes)}, got {shape['type']!r}"
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


def either_list(values: object, argument: str, *limits: type[rules.Array]) -> list[dict[str, Any]]:
    """Return a checked list of `either` values (ids and external ids may be mixed) within `limits`."""
    checked = check_list(values, argument, lambda v, a: orjson.dumps(either(v, a)), *limits)
    return [orjson.loads(item) for item in checked]


def id_list(values: object, argument: str, *limits: type[rules.Array]) -> list[int]:
    """Return a checked list of ids within `limits`."""
    return check_list(values, argument, check_id, *limits)


def external_id_list(values: object, argument: str, *limits: type[rules.Array]) -> list[str]:
    """Return a checked list of external ids within `limits`."""
    return check_list(values, argument, check_external_id, *limits)


def json_array(values: list[Any]) -> str:
    """Return the compact JSON text the `x-cdf-json-array` query parameters carry."""
    return orjson.dumps(values).decode()


def metadata_filter(value: object, argument: str = "metadata") -> dict[str, str]:
    """Check metadata pairs to match: `dict[str, str]` within the spec's counts and lengths."""
    rule = rules.FileFilterProperties.metadata
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(argument, f"must be a dict[str, str], got {type(value).__name__}")
    if not rule.min_properties <= len(value) <= rule.max_properties:
        msg = f"must hold {rule.min_properties}..{rule.max_properties} pairs, got {len(value)}"
        raise InvalidArgumentError(argument, msg)
    checked: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or len(key) > rule.max_key_length:
            msg = f"keys must be str of at most {rule.max_key_length} characters, got {key!r}"
            raise InvalidArgumentError(argument, msg)
        checked[check_unicode(key, argument)] = check_str(item, f"{argument}[{key!r}]", rule.values)
    return checked
