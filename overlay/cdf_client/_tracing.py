"""OpenTelemetry spans for every call and every attempt, when the application uses OpenTelemetry.

`pip install 'cdf-client[otel]'` brings the API; spans are made once `opentelemetry.trace` has been
imported, which configuring a TracerProvider (or running under `opentelemetry-instrument`) does.
Without it nothing is imported and a call pays one dictionary lookup.

A call (one page, one byids chunk, `files.get`) is an INTERNAL span named after the operation
(`files.filter`), with its attempts under it as CLIENT spans (`files.filter attempt`), token requests
included. Attributes, all safe to export (no header, no query string, no credentials):

- call: `cdf.operation`, `cdf.project`, `http.response.status_code`, `cdf.request_id`, `cdf.retries`,
  `cdf.items`, `error.type`;
- attempt: `cdf.operation`, `cdf.attempt` (1 = the first try), `http.request.method`, `server.address`,
  `server.port`, `url.path`, `http.response.status_code`, `cdf.request_id`, `error.type`.
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING, Any, Self

from cdf_client._logging import describe_error, operation
from cdf_client._version import __version__

if TYPE_CHECKING:
    from types import ModuleType, TracebackType

    import httpx

_RETRIES = "cdf_client.retries"
_CLIENT_ERROR = 400


@functools.cache
def _tracer_of(trace: ModuleType) -> Any:
    return trace.get_tracer("cdf_client", __version__)


class Span:
    """A span that records nothing: every call's and attempt's span without OpenTelemetry."""

    __slots__ = ()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def answered(self, request: httpx.Request, response: httpx.Response | None) -> None:
        """Record a call's outcome: its final status, request id and retries."""

    def items(self, count: int) -> None:
        """Record how many items the call returned."""

    def attempted(self, response: httpx.Response | None, error: BaseException | None) -> None:
        """Record an attempt's outcome: a response, or the retryable error it ended with."""


_NOTHING = Span()


class _Recording(Span):
    __slots__ = ("_manager", "_span", "_trace")

    def __init__(self, trace: ModuleType, name: str, kind: Any, attributes: dict[str, Any]) -> None:
        self._trace = trace
        self._manager = _tracer_of(trace).start_as_current_span(name, kind=kind, attributes=attributes)
        self._span: Any = None

    def __enter__(self) -> Self:
        self._span = self._manager.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._manager.__exit__(exc_type, exc, tb)

    def _status(self, response: httpx.Response) -> None:
        self._span.set_attribute("http.response.status_code", response.status_code)
        request_id = response.headers.get("x-request-id")
        if request_id is not None:
            self._span.set_attribute("cdf.request_id", request_id)
        if response.status_code >= _CLIENT_ERROR:
            self._span.set_attribute("error.type", str(response.status_code))
            self._span.set_status(self._trace.StatusCode.ERROR)

    def answered(self, request: httpx.Request, response: httpx.Response | None) -> None:
        self._span.set_attribute("cdf.retries", request.extensions.get(_RETRIES, 0))
        if response is not None:
            self._status(response)

    def items(self, count: int) -> None:
        self._span.set_attribute("cdf.items", count)

    def attempted(self, response: httpx.Response | None, error: BaseException | None) -> None:
        if response is not None:
            self._status(response)
        elif error is not None:
            self._span.set_attribute("error.type", type(error).__qualname__)
            self._span.set_status(self._trace.StatusCode.ERROR, describe_error(error))


def call_span(name: str, project: str) -> Span:
    """Return the span of one call (enter it around the call)."""
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return _NOTHING
    attributes = {"cdf.operation": name, "cdf.project": project}
    return _Recording(trace, name, trace.SpanKind.INTERNAL, attributes)


def attempt_span(request: httpx.Request, attempt: int) -> Span:
    """Return the span of one attempt of `request` (`attempt` 0: the first try); the call span reads it."""
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return _NOTHING
    request.extensions[_RETRIES] = attempt
    name = operation(request)
    url = request.url
    attributes = {
        "cdf.operation": name,
        "cdf.attempt": attempt + 1,
        "http.request.method": request.method,
        "server.address": url.host,
        "server.port": url.port or (443 if url.scheme == "https" else 80),
        "url.path": url.path,
    }
    return _Recording(trace, f"{name} attempt", trace.SpanKind.CLIENT, attributes)
