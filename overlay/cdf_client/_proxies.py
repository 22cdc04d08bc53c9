"""Which proxy each request goes through: an explicit `proxy=`, or the environment exactly as httpx reads it.

httpx reads `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY` and `NO_PROXY` (upper or lower case) only when it
builds its own transport; a client that brings its transports (ours: the retry layer, the pools that
close from any thread) gets none. So the client builds the same map httpx would, from httpx's own
reader (`httpx._utils.get_environment_proxies`, the one function httpx uses, so `NO_PROXY` patterns,
`*` and IP addresses behave identically; httpx is pinned below 1.0), and mounts one pool per proxy
under httpx's own URL-pattern routing (`httpx.AsyncClient(mounts=...)`).
"""

from __future__ import annotations

from typing import Any

import httpx
from httpx._utils import get_environment_proxies

from cdf_client._errors import InvalidArgumentError

ProxyMap = dict[str, httpx.Proxy | None]
"""URL pattern (`"https://"`, `"all://*.corp.example"`) -> the proxy for it, or None to go direct."""


def check_proxy(proxy: Any) -> httpx.Proxy | None:
    """Validate a `proxy=` argument (a URL str, an `httpx.URL` or an `httpx.Proxy`) before any request."""
    if proxy is None or isinstance(proxy, httpx.Proxy):
        return proxy
    if not isinstance(proxy, str | httpx.URL):
        msg = "proxy"
        raise InvalidArgumentError(msg, f"must be a URL str or an httpx.Proxy, got {type(proxy).__name__}")
    return _proxy("proxy", str(proxy))


def _proxy(argument: str, url: str) -> httpx.Proxy:
    try:
        return httpx.Proxy(url)
    except (ValueError, httpx.InvalidURL) as error:
        # httpx's message shows the URL with its password masked.
        raise InvalidArgumentError(argument, f"is not a proxy URL httpx accepts: {error}") from None


def proxy_map(proxy: httpx.Proxy | None, *, trust_env: bool) -> ProxyMap:
    """Return the proxy of each URL pattern: `proxy` for all, else the environment's when `trust_env`.

    As in httpx, an explicit proxy applies to every URL (`NO_PROXY` is for the environment's proxies).
    """
    if proxy is not None:
        return {"all://": proxy}
    if not trust_env:
        return {}
    return {
        pattern: None if url is None else _proxy("proxy (from the environment)", url)
        for pattern, url in get_environment_proxies().items()
    }
