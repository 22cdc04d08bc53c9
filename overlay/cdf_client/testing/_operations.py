"""The operations the fake answers, named as CDF's docs name them, for hostile modes and throttling."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from cdf_client.testing._oauth import TOKEN_PATH
from cdf_client.testing._server import API_PREFIX, route_method

if TYPE_CHECKING:
    from collections.abc import Collection

    from cdf_client.testing._http import Request

Operation = Literal[
    "POST /files/list",
    "GET /files",
    "GET /assets",
    "POST /files/byids",
    "GET /files/{id}",
    "POST /oauth2/token",
]
OPERATIONS: tuple[Operation, ...] = get_args(Operation)
TOKEN: Operation = "POST /oauth2/token"  # noqa: S105 - an operation's name, not a secret
API: tuple[Operation, ...] = tuple(op for op in OPERATIONS if op != TOKEN)
LISTS: tuple[Operation, ...] = ("POST /files/list", "GET /files", "GET /assets")
_BY_PATH: dict[str, Operation] = {op.partition(" /")[2]: op for op in API if op != "GET /files/{id}"}


def operation(request: Request) -> Operation | None:
    """Name the operation a request calls; None for paths and methods the fake has no operation for."""
    path = request.path
    if path == TOKEN_PATH:
        return TOKEN if request.method == "POST" else None
    if not path.startswith(API_PREFIX):
        return None
    rest = path.removeprefix(API_PREFIX).partition("/")[2]
    if route_method(rest) != request.method:
        return None
    return _BY_PATH.get(rest, "GET /files/{id}")


def operation_set(
    value: Collection[str] | None,
    *,
    allowed: tuple[Operation, ...],
    default: tuple[Operation, ...],
    owner: str,
) -> tuple[Operation, ...]:
    """Check a user's choice of operations against those allowed (None: the default), in a stable order."""
    if value is None:
        return default
    if isinstance(value, str):
        msg = f"{owner}.operations must be a collection of operations, not the string {value!r}"
        raise TypeError(msg)
    chosen = frozenset(value)
    unknown = sorted(chosen - set(allowed))
    if unknown or not chosen:
        msg = f"{owner}.operations must be a non-empty subset of {list(allowed)}, got {sorted(chosen)}"
        raise ValueError(msg)
    return tuple(op for op in allowed if op in chosen)
