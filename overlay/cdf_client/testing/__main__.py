"""`python -m cdf_client.testing serve ...`: run the fake CDF on 127.0.0.1 for manual use and benchmarks."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from typing import TYPE_CHECKING

from cdf_client.testing._fake import FakeCDF
from cdf_client.testing._faults import Faults

if TYPE_CHECKING:
    from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cdf_client.testing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve a generated plant on 127.0.0.1 until Ctrl-C")
    serve.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--files", type=int, default=10_000, help="number of generated files (default 10,000)")
    serve.add_argument("--assets", type=int, default=None, help="number of assets (default: files/20)")
    serve.add_argument("--seed", type=int, default=0, help="seed of the generated plant and of the faults")
    serve.add_argument("--project", default="demo")
    serve.add_argument("--token", default="test-token", help="the bearer token to accept")
    serve.add_argument("--client", action="append", default=[], metavar="ID:SECRET",
                       help="OAuth2 client credentials accepted at /oauth2/token (repeatable)")  # fmt: skip
    serve.add_argument("--latency-ms", type=float, default=0.0, help="latency added to every API request")
    serve.add_argument(
        "--fault-rate", type=float, default=0.0, help="share of requests answered with an error"
    )
    serve.add_argument("--fault-statuses", default="429,502,503,504", help="comma-separated error statuses")
    serve.add_argument(
        "--non-json-rate", type=float, default=0.0, help="share of errors with a non-JSON body"
    )
    serve.add_argument("--retry-after", type=float, default=None, help="send Retry-After (s) on errors")
    serve.add_argument("--auto-retryable-rate", type=float, default=0.0, help="share marked auto-retryable")
    serve.add_argument("--stall-rate", type=float, default=0.0, help="share of requests that stall")
    serve.add_argument("--drop-rate", type=float, default=0.0, help="share of connections dropped mid-body")
    serve.add_argument("--max-concurrency", type=int, default=None, help="429 beyond this many in flight")
    serve.add_argument("--record", action="store_true", help="keep every request in memory (off: long runs)")
    serve.add_argument("--log-level", default="warning", help="uvicorn log level")
    serve.add_argument("--measure", action="store_true",
                       help="serve in a child process, measure pages/s and latency, exit")  # fmt: skip
    return parser


def _fake(args: argparse.Namespace) -> FakeCDF:
    faults = Faults(
        seed=args.seed,
        rate=args.fault_rate,
        statuses=tuple(int(s) for s in args.fault_statuses.split(",") if s.strip()),
        non_json_rate=args.non_json_rate,
        retry_after=args.retry_after,
        auto_retryable_rate=args.auto_retryable_rate,
        latency_ms=args.latency_ms,
        stall_rate=args.stall_rate,
        drop_rate=args.drop_rate,
        max_concurrency=args.max_concurrency,
    )
    clients = dict(client.split(":", 1) for client in args.client)
    return FakeCDF.generate(
        files=args.files,
        assets=args.assets,
        seed=args.seed,
        project=args.project,
        token=args.token,
        client_credentials=clients,
        faults=faults,
        record_requests=args.record,
    )


def _say(line: str) -> None:
    # Flushed at once: scripts read these lines from a pipe or a file while the server runs.
    print(line, flush=True)  # noqa: T201 - a command's output


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run it; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.measure:
        from cdf_client.testing._measure import measure  # noqa: PLC0415 - only for --measure

        measure(args.files, args.seed)
        return 0
    started = time.perf_counter()
    try:
        fake = _fake(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)  # noqa: T201 - a command reports on stderr
        return 2
    _say(f"files: {args.files:,} generated in {time.perf_counter() - started:.1f} s")
    from cdf_client.testing._serve import run_forever  # noqa: PLC0415 - uvicorn only when serving

    # The plant lives until exit: without this, full collections re-scan its millions of objects
    # and stall random requests by ~0.5 s (measured with scripts/bench, scenario 3).
    gc.collect()
    gc.freeze()

    def announce(base_url: str) -> None:
        # The bench script and humans read these lines; keep the "key: value" shape stable.
        _say(f"base url: {base_url}")
        _say(f"project: {fake.project}")
        _say(f"token: {fake.token}")
        if args.client:
            _say(f"token url: {base_url}/oauth2/token")
        _say("press Ctrl-C to stop")

    run_forever(fake.app, port=args.port, log_level=args.log_level, on_ready=announce)
    return 0


if __name__ == "__main__":
    sys.exit(main())
