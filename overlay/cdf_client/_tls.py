"""Which certificates a client trusts: `verify=` and, with `trust_env`, `SSL_CERT_FILE`/`SSL_CERT_DIR`.

One `ssl.SSLContext` is built per client and shared by all its pools (direct and through each proxy).
The rules are httpx's (`httpx.create_ssl_context`): `True` trusts `SSL_CERT_FILE`, else `SSL_CERT_DIR`,
else certifi's bundle; `False` trusts anything; an `ssl.SSLContext` is used as given. On top:
a str is a CA bundle file or directory (httpx 0.28 still accepts it, with a deprecation warning), and
`"system"` is the operating system's trust store through the optional `truststore` package.
A file that is missing or not PEM fails at construction, naming the argument or variable, instead of
at the first request.
"""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from cdf_client._errors import InvalidArgumentError

SYSTEM = "system"
"""`verify="system"`: the operating system's trust store (`pip install 'cdf-client[truststore]'`)."""

_ENV_BUNDLES = ("SSL_CERT_FILE", "SSL_CERT_DIR")


@dataclass(frozen=True, slots=True)
class Trust:
    """A client's TLS trust: the context its pools use, and where its certificates come from (for logs)."""

    context: ssl.SSLContext
    source: str


def check_verify(verify: Any) -> None:
    """Reject a `verify=` of the wrong type before anything is built."""
    if not isinstance(verify, bool | str | ssl.SSLContext):
        msg = "verify"
        raise InvalidArgumentError(
            msg,
            f"must be a bool, a CA bundle path, 'system' or an ssl.SSLContext, got {type(verify).__name__}",
        )


def trust(verify: bool | str | ssl.SSLContext, *, trust_env: bool) -> Trust:  # noqa: FBT001 (verify= is a bool among others)
    """Build the SSL context of `verify` (see the module docstring); raise `InvalidArgumentError`."""
    if isinstance(verify, ssl.SSLContext):
        return Trust(verify, "the ssl.SSLContext given as verify=")
    if verify == SYSTEM:
        return Trust(_system_context(), "the operating system's trust store (truststore)")
    if isinstance(verify, str):
        return Trust(_bundle("verify", verify), f"the CA bundle {verify}")
    if not verify:
        return Trust(httpx.create_ssl_context(verify=False), "nothing: certificates are NOT verified")
    for name in _ENV_BUNDLES if trust_env else ():
        if value := os.environ.get(name):
            return Trust(_bundle(name, value), f"{name}={value}")
    return Trust(httpx.create_ssl_context(verify=True, trust_env=False), "certifi's CA bundle")


def _bundle(argument: str, path: str) -> ssl.SSLContext:
    where = Path(path)
    try:
        if where.is_dir():
            return ssl.create_default_context(capath=where)
        return ssl.create_default_context(cafile=where)
    except FileNotFoundError:
        problem = f"names no CA bundle file or directory: {path}"
    except (ssl.SSLError, OSError) as error:
        problem = f"is not a readable PEM CA bundle ({path}): {error}"
    raise InvalidArgumentError(argument, problem)


def _system_context() -> ssl.SSLContext:
    try:
        import truststore  # noqa: PLC0415 (an optional extra)
    except ImportError:
        msg = "verify"
        raise InvalidArgumentError(
            msg, "'system' needs the truststore package: pip install 'cdf-client[truststore]'"
        ) from None
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
