"""Every exception cdf_client raises.

```
CDFError                        base of everything below
├── APIError                    CDF answered, with an error status or an answer the client cannot use
│   │                           (status, code, message, request_id, missing, duplicated, extra)
│   ├── BadRequestError         400
│   ├── AuthenticationError     401 (also a token endpoint's refusal, or its answer without a token)
│   ├── PermissionDeniedError   403
│   ├── NotFoundError           404, or 400 naming `missing` identifiers (how CDF reports unknown ids),
│   │                           or a byids answer that left out identifiers asked for
│   ├── ConflictError           409 (e.g. duplicated identifiers)
│   ├── RateLimitError          429 after the retries ran out
│   ├── ServerError             5xx after the retries ran out
│   └── InvalidResponseError    a success status with a body the API does not allow: not JSON, not
│       │                       decodable, items of the wrong shape or types, items not asked for
│       └── ResponseTooLargeError  ... larger than `max_response_bytes` once decompressed
├── CDFConnectionError          the request never got an answer (also a builtin ConnectionError)
│   └── CDFTimeoutError         ... in time: a timeout, or the request's deadline (also a TimeoutError)
├── NoProgressError             a listing stopped making progress: empty pages without end
│   └── CursorLoopError         ... the server handed back a cursor it had already given
├── SchemaError                 an item does not fit the table schema of its resource (exports)
├── StaleCheckpointError        a resumed page no longer holds the items the checkpoint had reached
├── ClientClosedError           the client was closed (before or during the call)
├── MissingExtraError           an optional extra is not installed (also a builtin ImportError)
│   ├── ArrowNotInstalledError  `.to_arrow()`, `.write_parquet()` without the arrow extra
│   ├── PandasNotInstalledError `.to_pandas()` without the pandas extra
│   └── PolarsNotInstalledError `.to_polars()` without the polars extra
└── InvalidArgumentError        bad input, raised before any request (also a builtin ValueError)
    └── CheckpointMismatchError a checkpoint resumed against a different query
```

`missing` and `duplicated` hold typed identifiers (`int` id, `str` external id, `InstanceId`).
The client's token and client secret never appear in any message or repr, not even when a server
quotes them back; neither do passwords in URLs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cdf_client._identifiers import Identifier


class CDFError(Exception):
    """Base class of every error cdf_client raises."""


class APIError(CDFError):
    """CDF answered with an error status, or with an answer the client cannot use.

    `request_id` is what Cognite support asks for.
    """

    status: int
    code: int
    message: str
    request_id: str | None
    missing: list[Identifier | dict[str, Any]]
    duplicated: list[Identifier | dict[str, Any]]
    extra: dict[str, Any]

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: int | None = None,
        request_id: str | None = None,
        missing: Sequence[Identifier | dict[str, Any]] = (),
        duplicated: Sequence[Identifier | dict[str, Any]] = (),
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.code = status if code is None else code
        self.message = message
        self.request_id = request_id
        self.missing = list(missing)
        self.duplicated = list(duplicated)
        self.extra = dict(extra or {})
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [self.message, f"status {self.status}"]
        if self.missing:
            parts.append(f"missing: {_shorten(self.missing)}")
        if self.duplicated:
            parts.append(f"duplicated: {_shorten(self.duplicated)}")
        parts.append(f"request id: {self.request_id or 'unknown'}")
        return " | ".join(parts)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields: rebuild explicitly so the error survives pickling (multiprocessing, celery).
        fields = (
            self.message,
            self.status,
            self.code,
            self.request_id,
            self.missing,
            self.duplicated,
            self.extra,
        )
        return (_rebuild, (type(self), *fields))


def _rebuild(  # noqa: PLR0917 (pickle passes the envelope's fields positionally)
    cls: type[APIError],
    message: str,
    status: int,
    code: int,
    request_id: str | None,
    missing: list[Any],
    duplicated: list[Any],
    extra: dict[str, Any],
) -> APIError:
    return cls(
        message,
        status=status,
        code=code,
        request_id=request_id,
        missing=missing,
        duplicated=duplicated,
        extra=extra,
    )


def _shorten(items: list[Any], limit: int = 20) -> str:
    shown = ", ".join(repr(item) for item in items[:limit])
    return shown if len(items) <= limit else f"{shown}, ... ({len(items)} in total)"


class BadRequestError(APIError):
    """400: CDF rejected the request."""


class AuthenticationError(APIError):
    """401: the token is missing, expired or not valid for this project."""


class PermissionDeniedError(APIError):
    """403: the identity lacks a capability (e.g. `filesAcl:READ`)."""


class NotFoundError(APIError):
    """Identifiers that do not exist; `missing` names every one of them."""


class ConflictError(APIError):
    """409: e.g. the same identifier twice in one request (`duplicated`)."""


class RateLimitError(APIError):
    """429: CDF kept throttling after every retry."""


class ServerError(APIError):
    """5xx: CDF kept failing after every retry."""


class InvalidResponseError(APIError):
    """A success status whose body the API does not allow; nothing of it is handed on."""


class ResponseTooLargeError(InvalidResponseError):
    """The body passed `max_response_bytes` once decompressed: reading stopped there."""


class CDFConnectionError(CDFError, ConnectionError):
    """No response: connection refused, reset or dropped, after every retry."""


class CDFTimeoutError(CDFConnectionError, TimeoutError):
    """No response in time: a connect, read, write or pool timeout, or the request's `deadline`."""


class NoProgressError(CDFError):
    """A listing stopped making progress: page after page without items, or cursors going round."""


class CursorLoopError(NoProgressError):
    """The server returned a cursor that this listing had already followed."""


class StaleCheckpointError(CDFError):
    """Resuming refetched the page a checkpoint stopped in, and it no longer holds the items skipped.

    The data changed since the checkpoint was taken: resuming would repeat or lose items. Start over.
    """


class ClientClosedError(CDFError):
    """The client was closed: by `close()`/`aclose()` (from any thread or task) before or during the call."""

    def __init__(self, message: str = "the client is closed: build a new one to send more requests") -> None:
        super().__init__(message)


class SchemaError(CDFError):
    """An item CDF sent does not fit its resource's table schema (a value of a type the spec forbids)."""


class MissingExtraError(CDFError, ImportError):
    """An optional extra is needed but not installed; the message says what to install."""

    _feature = ""
    _module = ""
    _extra = ""

    def __init__(self) -> None:
        """Say which extra to install."""
        install = f"`pip install 'cdf-client[{self._extra}]'`"
        super().__init__(
            f"{self._feature} needs {self._module}: install it with {install}", name=self._module
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), ())


class ArrowNotInstalledError(MissingExtraError):
    """pyarrow is needed for Arrow and Parquet export but is not installed."""

    _feature, _module, _extra = "Arrow and Parquet export", "pyarrow", "arrow"


class PandasNotInstalledError(MissingExtraError):
    """pandas is needed for DataFrame export but is not installed."""

    _feature, _module, _extra = "DataFrame export", "pandas", "pandas"


class PolarsNotInstalledError(MissingExtraError):
    """polars is needed for Polars export but is not installed."""

    _feature, _module, _extra = "Polars export", "polars", "polars"


class InvalidArgumentError(CDFError, ValueError):
    """An argument is not valid; `argument` names it. Raised before any request is sent."""

    argument: str

    def __init__(self, argument: str, problem: str) -> None:
        self.argument = argument
        super().__init__(f"{argument}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        problem = str(self).removeprefix(f"{self.argument}: ")
        return (type(self), (self.argument, problem))


class CheckpointMismatchError(InvalidArgumentError):
    """`resume_from` holds a checkpoint of a different query (or another operation)."""
