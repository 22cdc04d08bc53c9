"""Secret hygiene: secrets checked when they are given, and redacted from every text the client writes.

A token or client secret read from a file or a Kubernetes secret usually ends with a newline: it is
stripped (surrounding whitespace is never part of a secret). Anything else that cannot travel in an
`Authorization` header is refused, without quoting it. Every secret a client holds (its token, its
client secret, the tokens it fetched) is registered here, and `redact` takes each of them, and the
user and password of any URL, out of a text: error messages (also what a server quotes back), reprs, and the
log lines of cdf_client, httpx and httpcore (through a logging filter on their loggers).
"""

from __future__ import annotations

import logging
import re
import threading
import weakref
from collections import deque

import httpx

from cdf_client._errors import InvalidArgumentError

REDACTED = "***"
# Shorter strings are not redacted: a test's token "t" would blank out every "t" of a message, and
# real tokens and secrets are far longer (JWTs run to a kilobyte, client secrets to 40 characters).
MIN_SECRET_LENGTH = 8
# A client keeps the latest few tokens it fetched: older ones have expired.
_TOKENS_KEPT = 4
# The user and password of a URL (`https://user:pw@host`): both go, a user name can be a token too.
_URL_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^\s/?#@]+@")
_LOGGERS = (
    "cdf_client",
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def _stripped(value: object, argument: str) -> str:
    """Return `value` without surrounding whitespace; refuse anything but a non-empty str."""
    if not isinstance(value, str):
        msg = f"must be a str, got {type(value).__name__}"
        raise InvalidArgumentError(argument, msg)
    stripped = value.strip()
    if not stripped:
        raise InvalidArgumentError(argument, "must not be empty")
    return stripped


def clean_token(value: object, argument: str) -> str:
    """Return a bearer token without surrounding whitespace; refuse one that is empty or not visible ASCII."""
    token = _stripped(value, argument)
    if not (token.isascii() and token.isprintable()) or " " in token:
        # Not quoted: the value is a secret, however malformed.
        msg = "must be visible ASCII characters without spaces, as a bearer token is (value not shown)"
        raise InvalidArgumentError(argument, msg)
    return token


def clean_secret(value: object, argument: str) -> str:
    """Return a client secret without surrounding whitespace; refuse one that is empty or holds controls."""
    secret = _stripped(value, argument)
    if not secret.isprintable():
        raise InvalidArgumentError(argument, "must not contain control characters (value not shown)")
    return secret


def check_url(value: str, argument: str) -> httpx.URL:
    """Parse a URL; refuse one with a user or password in it (`https://user:pw@host`): it could only leak.

    The client authenticates with its bearer token, so httpx would never send them anyway.
    """
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL as error:
        raise InvalidArgumentError(argument, f"is not a valid URL: {redact(str(error))}") from None
    if url.userinfo:
        msg = f"must not carry a user name or password ({redact(value)}): the client sends its token"
        raise InvalidArgumentError(argument, msg)
    return url


class Secrets:
    """The secrets one client holds; `redact` removes them from text while the client is alive."""

    def __init__(self, *fixed: str) -> None:
        self._fixed = tuple(secret for secret in fixed if len(secret) >= MIN_SECRET_LENGTH)
        self._tokens: deque[str] = deque(maxlen=_TOKENS_KEPT)
        _REGISTRY.add(self)

    def add_token(self, token: str) -> None:
        """Remember a token the client fetched (from a callable or a token endpoint)."""
        if len(token) >= MIN_SECRET_LENGTH and token not in self._tokens:
            self._tokens.append(token)

    def values(self) -> tuple[str, ...]:
        """Every secret held now."""
        return (*self._fixed, *self._tokens)


_REGISTRY: weakref.WeakSet[Secrets] = weakref.WeakSet()


def redact(text: str) -> str:
    """Return `text` with every registered secret, and the user and password of any URL, as `***`."""
    for secrets in list(_REGISTRY):
        for secret in secrets.values():
            if secret in text:
                text = text.replace(secret, REDACTED)
    return _URL_USERINFO.sub(rf"\g<scheme>{REDACTED}@", text)


class _RedactingFilter(logging.Filter):
    """Rewrites a log record whose message holds a secret; records without one pass untouched."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTER = _RedactingFilter()
_INSTALL_LOCK = threading.Lock()


def install_log_filter() -> None:
    """Redact the log records of cdf_client, httpx and httpcore (idempotent; costs nothing unless logged)."""
    with _INSTALL_LOCK:
        for name in _LOGGERS:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
