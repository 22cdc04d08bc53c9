"""Which CDF project a command talks to: options, then the environment, or the embedded fake."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cdf_client import CDFClient
from cdf_client._cli._errors import UsageError
from cdf_client._cli._params import int_range, text
from cdf_client._cli._parser import Count, Flag, GlobalParam, Option
from cdf_client._cli._verbose import log_to_stderr

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Mapping

    from cdf_client.testing import FakeCDF

# The embedded demo project: big enough for partitions to matter, small enough to build in well
# under a second.
DEMO_FILES = 10_000
DEMO_SEED = 0
DEMO_PROJECT = "demo"

_SETUP_HINT = "Or try any command without a project: add --fake to run it against the embedded demo project."


class MissingConfigError(UsageError):
    """No project, cluster or credentials: says exactly which variables or options to set."""

    def __init__(self, missing: list[str]) -> None:
        """Name every missing setting."""
        lines = "\n".join(f"  - {item}" for item in missing)
        super().__init__(f"CDF is not configured. Set:\n{lines}\n{_SETUP_HINT}")


@dataclass
class Connection:
    """The connection options of one command."""

    fake: bool = False
    project: str | None = None
    cluster: str | None = None
    base_url: str | None = None
    max_retries: int | None = None
    proxy: str | None = None
    verbose: int = 0

    def overrides(self) -> dict[str, Any]:
        """Client arguments given as options."""
        given = {"max_retries": self.max_retries, "proxy": self.proxy}
        return {name: value for name, value in given.items() if value is not None}

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Connection:
        """Return the connection options as parsed."""
        return cls(
            fake=args.fake,
            project=args.project,
            cluster=args.cluster,
            base_url=args.base_url,
            max_retries=args.max_retries,
            proxy=args.proxy,
            verbose=args.verbose,
        )


# Secrets come from the environment only: options end up in shell history and `ps`.
CONNECTION_OPTIONS: tuple[GlobalParam, ...] = (
    Flag("--fake", "Run against the embedded demo project instead of CDF (no configuration needed)."),
    Option("--project", "CDF project [CDF_PROJECT].", text("NAME")),
    Option("--cluster", "CDF cluster, e.g. westeurope-1 [CDF_CLUSTER].", text("NAME")),
    Option("--base-url", "API base URL instead of a cluster [CDF_BASE_URL].", text("URL")),
    Option(
        "--max-retries",
        "Retries of a throttled or failed request before giving up [default: the client's].",
        int_range(0),
    ),
    Option(
        "--proxy",
        "Send every request through this proxy, e.g. http://proxy.example.com:3128 "
        "[default: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, as httpx reads them].",
        text("URL"),
    ),
    Count("-v", "--verbose", "Log what the client does on stderr: -v setup and retries, -vv every request."),
)


def missing_settings(env: Mapping[str, str]) -> list[str]:
    """Return what is still to set before a client can be built from `env` (empty when nothing is)."""
    missing = []
    if not env.get("CDF_PROJECT"):
        missing.append("CDF_PROJECT (or --project): the CDF project name")
    if not env.get("CDF_CLUSTER") and not env.get("CDF_BASE_URL"):
        missing.append(
            "CDF_CLUSTER (or --cluster), e.g. westeurope-1; or CDF_BASE_URL (or --base-url) for another host"
        )
    if env.get("CDF_TOKEN"):
        return missing
    if not env.get("CDF_CLIENT_ID") and not env.get("CDF_CLIENT_SECRET"):
        missing.append(
            "CDF_TOKEN: an access token; or CDF_CLIENT_ID, CDF_CLIENT_SECRET and CDF_TOKEN_URL "
            "(optionally CDF_SCOPES) for client credentials"
        )
        return missing
    missing.extend(
        f"{name}: needed with client credentials"
        for name in ("CDF_CLIENT_ID", "CDF_CLIENT_SECRET")
        if not env.get(name)
    )
    if not env.get("CDF_TOKEN_URL") and not env.get("CDF_TENANT_ID"):
        missing.append(
            "CDF_TOKEN_URL: the identity provider's token endpoint (or CDF_TENANT_ID for Entra ID)"
        )
    return missing


def settings_env(connection: Connection, environ: Mapping[str, str]) -> dict[str, str]:
    """Return the environment with the command-line options laid over it."""
    env = dict(environ)
    if connection.project:
        env["CDF_PROJECT"] = connection.project
    if connection.cluster:
        env["CDF_CLUSTER"] = connection.cluster
        env.pop("CDF_BASE_URL", None)
    if connection.base_url:
        env["CDF_BASE_URL"] = connection.base_url
        env.pop("CDF_CLUSTER", None)
    return env


def demo_fake() -> FakeCDF:
    """Build the embedded demo project: a seeded plant with its asset hierarchy and files."""
    from cdf_client.testing import FakeCDF  # noqa: PLC0415 (the fake needs the testing extra)

    return FakeCDF.generate(files=DEMO_FILES, seed=DEMO_SEED, project=DEMO_PROJECT)


@contextlib.contextmanager
def open_client(connection: Connection, environ: Mapping[str, str] | None = None) -> Iterator[CDFClient]:
    """Open a client for the configured project (or the embedded fake), closed on exit."""
    with log_to_stderr(connection.verbose):
        yield from _open(connection, environ)


def _open(connection: Connection, environ: Mapping[str, str] | None) -> Iterator[CDFClient]:
    if connection.fake:
        fake = demo_fake()
        with CDFClient(
            project=fake.project,
            base_url=fake.base_url,
            token=fake.token,
            transport=fake.transport(),
            **connection.overrides(),
        ) as client:
            yield client
        return
    env = settings_env(connection, os.environ if environ is None else environ)
    missing = missing_settings(env)
    if missing:
        raise MissingConfigError(missing)
    with CDFClient.from_env(env, **connection.overrides()) as client:
        yield client
