"""What a CDF item must look like, read from the generated wire TypedDicts and compiled into one check.

The fields, which of them are required and their JSON types come from
`cdf_client_api.wire.typed_dicts`, the bounds of the spec's integer schemas from
`cdf_client_api.rules` (both generated from spec/openapi.yaml; `format: int64` bounds what
`maximum` leaves open). Each shape compiles, once, into a plain function with one line per field,
as dataclasses and attrs build their methods: a tight loop that costs a few dict lookups and type
tests per item, where walking the hints for every item would cost ten times that.

Checked, for every item: each required field (present, of its JSON type, an integer within its
bounds: an `id` of `"17"`, or a `createdTime` of 2**64 that orjson reads as a float, fail), and each
optional field that holds an object or a list, when present: the fields the result objects take
apart (`metadata`, `labels`, `geoLocation`, `instanceId`, `assetIds`, `aggregates`), down to what
they read (`labels[i].externalId`, `geoLocation.geometry.type`, `aggregates.path[i].id`). Optional
strings and numbers are handed on as CDF sent them, and lists of numbers are not walked: nothing in
the client reads into them, and each field checked costs every item of every page (`scripts/bench`,
scenario 1, measures what the check costs against the bare httpx+orjson floor).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NotRequired,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from typing_extensions import is_typeddict

from cdf_client._validation import int_bounds
from cdf_client_api import rules

if TYPE_CHECKING:
    from collections.abc import Callable

_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


@dataclass(frozen=True, slots=True)
class Range:
    """The inclusive bounds of an integer schema."""

    low: int
    high: int


def _bounds(rule: type[rules.Integer]) -> Range | None:
    """Return the rule's bounds, its format's where it states none; None if a side stays open."""
    low, high = int_bounds(rule)
    format_low, format_high = _FORMATS.get(rule.format or "", (None, None))
    low, high = (format_low if low is None else low), (format_high if high is None else high)
    return None if low is None or high is None else Range(low, high)


# Every named integer schema of the spec, bounded: the TypedDicts' hints name them (`id:
# CogniteInternalId`), so evaluating the hints with these in scope keeps each field's bounds.
INT_RANGES = {
    name: bounds
    for name, rule in vars(rules).items()
    if isinstance(rule, type) and issubclass(rule, rules.Integer) and rule is not rules.Integer
    if (bounds := _bounds(rule)) is not None
}
_NAMESPACE = {name: Annotated[int, bounds] for name, bounds in INT_RANGES.items()}
# How deep into an item the check goes: as deep as the result objects read, `aggregates.path[i].id`
# (4) and `geoLocation.geometry.coordinates` (3); lists of numbers are never walked.
_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Shape:
    """A compiled item shape: `first_bad(items)` returns `(item, field)` of the first bad item, or None."""

    noun: str
    first_bad: Callable[[list[Any]], tuple[Any, str | None] | None]
    expected: dict[str, str]
    """What each field should be, in words, for error messages."""


def shape_of(typed_dict: type, noun: str) -> Shape:
    """Compile the check for items of `typed_dict` (a generated wire TypedDict), called `noun` in messages."""
    hints = get_type_hints(typed_dict, localns=_NAMESPACE, include_extras=True)
    compiler = _Compiler()
    lines = [
        "def first_bad(items):",
        "    for item in items:",
        "        if type(item) is not dict:",
        "            return item, None",
        "        get = item.get",
    ]
    expected = {}
    for key, hint in hints.items():
        required = get_origin(hint) is not NotRequired
        inner = hint if required else get_args(hint)[0]
        if not required and not (get_origin(inner) in {list, dict} or is_typeddict(inner)):
            continue  # an optional string or number: handed on as sent (see the module docstring)
        condition = compiler.condition("v", inner, 1)
        lines.append(f"        v = get({key!r})")
        test = f"not ({condition})" if required else f"v is not None and not ({condition})"
        lines += [f"        if {test}:", f"            return item, {key!r}"]
        expected[key] = _describe(inner) if required else f"absent, or {_describe(inner)}"
    lines.append("    return None")
    namespace: dict[str, Any] = {}
    source = "\n".join(lines)
    exec(compile(source, f"<cdf_client shape {typed_dict.__name__}>", "exec"), namespace)  # noqa: S102 (compiled from the generated TypedDicts, not from input)
    return Shape(noun, namespace["first_bad"], expected)


class _Compiler:
    """Turns type hints into Python conditions over a value; names the values it must reuse `v1`, `v2`..."""

    def __init__(self) -> None:
        self._names = 0

    def condition(self, value: str, hint: Any, depth: int) -> str:  # noqa: C901, PLR0911 (a branch per kind of hint)
        """Return a condition, true when `value` (a name, or an expression evaluated once) is of `hint`."""
        origin, args = get_origin(hint), get_args(hint)
        if origin is Literal:
            return f"type({value}) is {type(args[0]).__name__}"
        if hint in {int, str, bool}:
            return f"type({value}) is {hint.__name__}"
        if origin is dict or (origin is list and not (depth < _DEPTH and is_typeddict(args[0]))):
            return f"type({value}) is {origin.__name__}"
        if origin in {Union, types.UnionType}:
            # Alternatives named alike, so that identical ones (CDF's six geometries) are tested once.
            start, alternatives = self._names, dict[str, None]()
            for arg in args:
                self._names = start
                alternatives[self.condition(value, arg, depth)] = None
            return "(" + " or ".join(f"({alternative})" for alternative in alternatives) + ")"
        first, name = self._bind(value)
        if origin is Annotated:
            bounds = args[1]
            return f"type({first}) is int and {bounds.low} <= {name} <= {bounds.high}"
        if origin is list:
            element = self._fresh()
            each = self.condition(element, args[0], depth + 1)
            return f"type({first}) is list and all({each} for {element} in {name})"
        if is_typeddict(hint):
            test = f"type({first}) is dict"
            if depth < _DEPTH:
                for key, field in get_type_hints(hint, localns=_NAMESPACE, include_extras=True).items():
                    value = f"{name}.get({key!r})"
                    if get_origin(field) is NotRequired:
                        # Checked when present (an asset's `aggregates.path`, read by `Asset.aggregates`).
                        present, value = self._bind(value)
                        inner = self.condition(value, get_args(field)[0], depth + 1)
                        test += f" and ({present} is None or {inner})"
                    else:
                        test += f" and {self.condition(value, field, depth + 1)}"
            return test
        msg = f"no check for the type hint {hint!r}"
        raise TypeError(msg)

    def _bind(self, value: str) -> tuple[str, str]:
        """`(first use, later uses)` of a value: an expression is bound to a fresh name at its first use."""
        if value.isidentifier():
            return value, value
        name = self._fresh()
        return f"({name} := {value})", name

    def _fresh(self) -> str:
        self._names += 1
        return f"v{self._names}"


def _required(typed_dict: Any) -> dict[str, Any]:
    """Return the required fields of a TypedDict and their hints."""
    hints = get_type_hints(typed_dict, localns=_NAMESPACE, include_extras=True)
    return {key: hint for key, hint in hints.items() if get_origin(hint) is not NotRequired}


def _describe(hint: Any) -> str:  # noqa: PLR0911 (a branch per kind of hint)
    """Say what a value of `hint` is, in words ("an int in 1..9007199254740991", "a str")."""
    origin, args = get_origin(hint), get_args(hint)
    if origin is Annotated:
        return f"an int in {args[1].low}..{args[1].high}"
    if origin is Literal:
        return f"a {type(args[0]).__name__}"
    if origin in {Union, types.UnionType}:
        return " or ".join(sorted({_describe(arg) for arg in args}))
    if origin is list:
        return (
            f"a list of objects with {', '.join(_required(args[0]))}" if is_typeddict(args[0]) else "a list"
        )
    if is_typeddict(hint) and _required(hint):
        return f"an object with {', '.join(_required(hint))}"
    if origin is dict or is_typeddict(hint):
        return "an object"
    return {int: "an int", str: "a str", bool: "a bool"}[hint]
