"""`AsyncCDFClient`, the entry point (and, generated from it, `CDFClient`).

The core (the retry transport, the generated operations, the concurrency primitives) is imported when
the first client is built, not by `import cdf_client`: importing for the types and errors alone stays
close to `import httpx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from cdf_client._async._assets import AsyncAssetsAPI
from cdf_client._async._files import AsyncFilesAPI
from cdf_client._config import DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_RETRIES, read_env
from cdf_client._limits import DEFAULT_DEADLINE_S, DEFAULT_MAX_RESPONSE_BYTES

if TYPE_CHECKING:
    import ssl
    from collections.abc import Callable, Mapping
    from types import TracebackType

    import httpx

    from cdf_client._auth import ClientCredentials
    from cdf_client._budget import Budget


class AsyncCDFClient:
    """A client for one CDF project; safe to share between the tasks of one event loop.

    Example:
        async with AsyncCDFClient(project="demo", cluster="westeurope-1", token=token) as client:
            async for f in client.files.filter(uploaded=True): ...

    Give `base_url` or `cluster`; `token` (a str or a callable returning one) or `credentials`
    (`ClientCredentials`). `max_concurrency` caps requests in flight and `max_requests_per_second` the
    rate they start at (both shared by partitions and byids chunks, and lowered automatically while
    CDF answers 429; without a rate the client learns CDF's from its 429s). `budget` shares one
    `Budget` between several clients of the same identity instead. `http_client` (an `httpx.AsyncClient`) or
    `transport` (an `httpx.AsyncBaseTransport`, e.g. `FakeCDF.transport()`) inject your own; retries
    and the budget still apply. After `aclose()`, every call raises `ClientClosedError`.

    Networks: `verify` is True (certifi's CAs, or `SSL_CERT_FILE`/`SSL_CERT_DIR`), a CA bundle path,
    `"system"` (the OS trust store, `cdf-client[truststore]`), an `ssl.SSLContext`, or False.
    `proxy` (a URL or an `httpx.Proxy`) sends everything through one proxy; by default the
    `HTTP(S)_PROXY`, `ALL_PROXY` and `NO_PROXY` variables apply as in httpx. `trust_env=False`
    ignores those variables and `SSL_CERT_FILE`/`SSL_CERT_DIR`.

    Every request (a page, a byids chunk, a get) ends within `deadline` seconds, retries, backoff
    and the reading of the answer included, or raises `CDFTimeoutError`; `timeout` (seconds, or an
    `httpx.Timeout`) bounds each step (connecting, each read). An answer larger than
    `max_response_bytes` once decompressed (default 128 MiB, far above CDF's largest page) raises
    `ResponseTooLargeError` without being read further. A token's surrounding whitespace (a
    trailing newline from a file or a Kubernetes secret) is stripped.

    """

    files: AsyncFilesAPI
    assets: AsyncAssetsAPI

    def __init__(
        self,
        *,
        project: str,
        base_url: str | None = None,
        cluster: str | None = None,
        token: str | Callable[[], str] | None = None,
        credentials: ClientCredentials | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        max_requests_per_second: float | None = None,
        budget: Budget | None = None,
        app_name: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: bool | str | ssl.SSLContext = True,
        proxy: str | httpx.Proxy | None = None,
        trust_env: bool = True,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float = DEFAULT_DEADLINE_S,
    ) -> None:
        from cdf_client._async._core import AsyncCore  # noqa: PLC0415 (see the module docstring)
        from cdf_client._settings import settings  # noqa: PLC0415

        self._core = AsyncCore(
            settings(
                project=project,
                base_url=base_url,
                cluster=cluster,
                token=token,
                credentials=credentials,
                timeout=timeout,
                max_retries=max_retries,
                max_concurrency=max_concurrency,
                max_requests_per_second=max_requests_per_second,
                budget=budget,
                app_name=app_name,
                http_client=http_client,
                transport=transport,
                verify=verify,
                proxy=proxy,
                trust_env=trust_env,
                max_response_bytes=max_response_bytes,
                deadline=deadline,
            )
        )
        self.files = AsyncFilesAPI(self._core)
        self.assets = AsyncAssetsAPI(self._core)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Self:
        """Build a client from `CDF_PROJECT`, `CDF_CLUSTER`/`CDF_BASE_URL`, `CDF_TOKEN`/`CDF_CLIENT_*`.

        Example: `client = AsyncCDFClient.from_env(app_name="nightly-export")`.
        """
        return cls(**{**read_env(environ).kwargs(), **overrides})

    @property
    def project(self) -> str:
        """The CDF project this client talks to."""
        return self._core.project

    @property
    def budget(self) -> Budget:
        """The request budget this client spends (pass it as `budget=` to share it with another client)."""
        return self._core.budget

    @property
    def base_url(self) -> str:
        """The project's API root, `https://.../api/v1/projects/{project}`."""
        return self._core.root

    def __repr__(self) -> str:
        return f"{type(self).__name__}(project={self.project!r}, base_url={self.base_url!r})"

    async def aclose(self) -> None:
        """Close the connections (also done by `async with`); calls in flight and later fail.

        They raise `ClientClosedError`, whichever thread or task closes the client.
        """
        await self._core.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
