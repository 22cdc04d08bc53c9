"""`_secrets`: what is stripped, what is refused, and what `redact` blanks."""

from __future__ import annotations

import gc
import logging

import pytest

from cdf_client import InvalidArgumentError
from cdf_client._secrets import Secrets, clean_secret, clean_token, install_log_filter, redact


@pytest.mark.parametrize("given", ["tok.en-1\n", "  tok.en-1", "\ttok.en-1\r\n"])
def test_surrounding_whitespace_is_stripped_from_a_token(given):
    assert clean_token(given, "token") == "tok.en-1"


@pytest.mark.parametrize("given", ["", " \n", "to ken", "to\nken", "tok\x00en", "tøken", 5, None])
def test_what_cannot_be_a_bearer_token_is_refused_without_being_quoted(given):
    with pytest.raises(InvalidArgumentError) as info:
        clean_token(given, "token")
    if isinstance(given, str) and given.strip():
        assert given.strip() not in str(info.value)


def test_a_client_secret_is_stripped_and_may_hold_any_printable_character():
    assert clean_secret(" s3cr~t.ü_\n", "client_secret") == "s3cr~t.ü_"
    with pytest.raises(InvalidArgumentError):
        clean_secret("sec\x07ret", "client_secret")


def test_redact_blanks_registered_secrets_and_url_users_while_their_holder_lives():
    holder = Secrets("CANARY-long-secret")
    holder.add_token("CANARY-fetched-token")
    text = "a CANARY-long-secret, CANARY-fetched-token, https://u:pw@h.example/x and http://tok@h/y"
    assert redact(text) == "a ***, ***, https://***@h.example/x and http://***@h/y"
    short = Secrets("t")  # shorter than MIN_SECRET_LENGTH: "t" would blank every t of a message
    assert redact("test") == "test"
    del holder, short
    gc.collect()
    assert redact("CANARY-long-secret") == "CANARY-long-secret"


def test_the_log_filter_rewrites_only_records_that_hold_a_secret(caplog):
    holder = Secrets("CANARY-long-secret")
    install_log_filter()
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpcore.http11").debug("headers %r", [(b"x-echo", b"Bearer CANARY-long-secret")])
    logging.getLogger("httpx").info("plain %s", "line")
    assert [r.getMessage() for r in caplog.records] == ["headers [(b'x-echo', b'Bearer ***')]", "plain line"]
    del holder
