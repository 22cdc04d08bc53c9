"""Request validation with the pydantic models generated from spec/openapi.yaml, as CDF's 400s."""

from __future__ import annotations

import difflib
from typing import Any

import orjson
import pydantic

from cdf_client.testing._http import bad_request
from cdf_client_api.wire import models


def wire_keys(model: type[pydantic.BaseModel]) -> set[str]:
    """Return the camelCase keys of a generated model (rebuilt first: forward references hide aliases)."""
    model.model_rebuild()
    return {field.alias or name for name, field in model.model_fields.items() if name != "root"}


def _known_keys() -> list[str]:
    """Every camelCase key the spec knows, to suggest the intended one for a typo ("did you mean ...?")."""
    keys: set[str] = set()
    for model in vars(models).values():
        if (
            isinstance(model, type)
            and issubclass(model, pydantic.BaseModel)
            and model is not pydantic.BaseModel
        ):
            keys |= wire_keys(model)
    return sorted(keys)


_KNOWN_KEYS = _known_keys()
_MAX_REPORTED = 3


def _maximum(model: type[pydantic.RootModel[Any]]) -> int:
    """Return the spec's `maximum` of a generated scalar model (its `le` constraint)."""
    return next(int(meta.le) for meta in model.model_fields["root"].metadata if hasattr(meta, "le"))


# Ids are 1..2**53-1: CDF's partitions split the whole id space [0, MAX_ID + 1).
MAX_ID = _maximum(models.CogniteInternalId)
# OpenAPI's `format: int64`, the widest integer in the contract (pydantic's models do not carry
# formats): a larger JSON integer is invalid wherever it appears.
_INT64 = range(-(2**63), 2**63)


def outside_int64(value: Any, path: str = "") -> str | None:
    """Return the wire path of the first integer in a decoded JSON value that int64 cannot hold."""
    if isinstance(value, int) and not isinstance(value, bool):
        return None if value in _INT64 else path or "body"
    children = (
        value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    )
    for key, child in children:
        found = outside_int64(child, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def parse_strict(model: type[pydantic.BaseModel], value: Any) -> pydantic.BaseModel:
    """Validate decoded JSON as its JSON types say: `"5"` is no integer, `"true"` no boolean.

    Strict JSON-mode validation (not Python mode: there an enum field wants enum members); the value
    is serialized again for it, which costs little next to validation.
    """
    return model.model_validate_json(orjson.dumps(value), strict=True)


def describe(exc: pydantic.ValidationError, where: str = "") -> str:
    """Describe a validation error in CDF's style, naming each offending field by its wire path."""
    parts: list[str] = []
    for error in exc.errors(include_url=False):
        # Union branches (`function-after[...]`, model names) are noise in the wire path.
        loc = [str(p) for p in error["loc"] if isinstance(p, int) or (not p[:1].isupper() and "[" not in p)]
        path = ".".join(filter(None, [where, *loc]))
        if error["type"] == "extra_forbidden":
            hint = difflib.get_close_matches(str(error["loc"][-1]), _KNOWN_KEYS, n=1)
            message = f"Unrecognized property: {path}" + (f" - did you mean {hint[0]}?" if hint else "")
        else:
            message = f"{path or 'body'}: {error['msg']}"
        if message not in parts:
            parts.append(message)
        if len(parts) == _MAX_REPORTED:
            break
    return "; ".join(parts)


def validate(model: type[pydantic.BaseModel], value: Any, where: str = "") -> dict[str, Any]:
    """Validate a decoded request value; the wire-shaped result leaves unset keys out (400 if invalid)."""
    bad = outside_int64(value)
    if bad is not None:
        msg = f"{'.'.join(filter(None, [where, bad]))}: integer outside the int64 range"
        raise bad_request(msg)
    try:
        parsed = parse_strict(model, value)
    except pydantic.ValidationError as exc:
        raise bad_request(describe(exc, where)) from exc
    dumped: dict[str, Any] = parsed.model_dump(mode="json", by_alias=True, exclude_none=True)
    return dumped


def check_adapter(adapter: pydantic.TypeAdapter[Any], value: Any, where: str) -> None:
    """Validate one value (a query parameter's parsed content) against a spec type; 400 if invalid."""
    try:
        adapter.validate_python(value, strict=True)
    except pydantic.ValidationError as exc:
        raise bad_request(describe(exc, where)) from exc


def check_unique(values: list[Any], where: str) -> None:
    """Enforce the spec's `uniqueItems`: CDF rejects repeated values in id lists."""
    seen: list[Any] = []
    for value in values:
        if value in seen:
            msg = f"{where}: duplicate value {value!r} (items must be unique)"
            raise bad_request(msg)
        seen.append(value)
