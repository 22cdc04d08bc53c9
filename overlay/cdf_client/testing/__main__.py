"""`python -m cdf_client.testing serve ...`: run the fake CDF on 127.0.0.1 for manual use and benchmarks."""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import time
from typing import TYPE_CHECKING, cast

from cdf_client.testing._extra import MissingExtraError
from cdf_client.testing._fake import FakeCDF
from cdf_client.testing._faults import Faults
from cdf_client.testing._hostile import DAMAGES, MODES, Hostile
from cdf_client.testing._throttle import Throttle

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cdf_client.testing._hostile import Damage
    from cdf_client.testing._operations import Operation


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
    hostile = serve.add_argument_group("hostile modes (docs/testing.md)")
    hostile.add_argument("--hostile", choices=MODES, default=None, metavar="MODE",
                         help=f"turn answers hostile: {', '.join(MODES)}")  # fmt: skip
    hostile.add_argument("--hostile-operations", default=None, metavar="OPS",
                         help='comma-separated, e.g. "POST /files/list,GET /files"')  # fmt: skip
    hostile.add_argument("--hostile-rate", type=float, default=1.0, help="share of requests (default: all)")
    hostile.add_argument("--hostile-times", type=int, default=None, help="at most this many requests")
    hostile.add_argument("--chunk-bytes", type=int, default=1, help="drip: bytes per chunk")
    hostile.add_argument("--interval-s", type=float, default=1.0, help="drip: seconds between chunks")
    hostile.add_argument("--duration-s", type=float, default=30.0, help="stall length; drip/endless time cap")
    hostile.add_argument("--size-bytes", type=int, default=None, help="oversized/bomb/endless size")
    hostile.add_argument("--damage", default=",".join(DAMAGES), help="wrong_types: comma-separated damages")
    hostile.add_argument("--echo-status", type=int, default=400, help="echo_secrets: the error status")
    throttle = serve.add_argument_group("throttle: CDF's request budget per token")
    documented = Throttle()  # the spec's x-cdf-request-budget
    throttle.add_argument(
        "--throttle",
        action="store_true",
        help=(
            f"enable (CDF's documented budget: {documented.rate:g} requests/s, "
            f"{documented.max_concurrency} in flight)"
        ),
    )
    throttle.add_argument(
        "--throttle-rate", type=float, default=None, help="requests per second (0: no limit)"
    )
    throttle.add_argument("--throttle-burst", type=int, default=None, help="bucket size (default: the rate)")
    throttle.add_argument("--throttle-concurrency", type=int, default=None, help="in flight (0: no limit)")
    throttle.add_argument("--throttle-free-refusals", action="store_true",
                          help="refused requests do not use up budget (CDF charges them)")  # fmt: skip
    throttle.add_argument("--throttle-retry-after", action="store_true", help="send Retry-After on 429")
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
        hostile=_hostile(args),
        throttle=_throttle(args),
        record_requests=args.record,
    )


def _hostile(args: argparse.Namespace) -> Hostile | None:
    if args.hostile is None:
        return None
    operations = args.hostile_operations
    return Hostile(
        args.hostile,
        # Checked by Hostile itself: a wrong name is a ValueError that names the valid ones.
        operations=None if operations is None else cast("list[Operation]", operations.split(",")),
        rate=args.hostile_rate,
        seed=args.seed,
        times=args.hostile_times,
        chunk_bytes=args.chunk_bytes,
        interval_s=args.interval_s,
        duration_s=args.duration_s,
        size_bytes=args.size_bytes,
        damage=cast("tuple[Damage, ...]", tuple(args.damage.split(","))),
        status=args.echo_status,
    )


def _throttle(args: argparse.Namespace) -> Throttle | None:
    options = (args.throttle_rate, args.throttle_burst, args.throttle_concurrency)
    if not args.throttle and all(option is None for option in options):
        return None
    defaults = Throttle()
    rate, concurrency = args.throttle_rate, args.throttle_concurrency
    return Throttle(
        rate=defaults.rate if rate is None else (rate or None),
        burst=args.throttle_burst,
        max_concurrency=defaults.max_concurrency if concurrency is None else (concurrency or None),
        charge_refused=not args.throttle_free_refusals,
        retry_after=args.throttle_retry_after,
    )


def _say(line: str) -> None:
    # Flushed at once: scripts read these lines from a pipe or a file while the server runs.
    print(line, flush=True)  # noqa: T201 - a command's output


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run it; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        # Before the plant is generated: without uvicorn, say so at once, not after a minute's work.
        from cdf_client.testing._serve import run_forever  # noqa: PLC0415 - uvicorn only when serving
    except MissingExtraError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201 - a command reports on stderr
        return 2
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

    # uvicorn shuts down gracefully on SIGTERM, then raises the signal again: exit through Python's
    # unwinding then, not the default handler, so the summary below gets printed.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    if fake.throttle is not None:
        # SIGUSR1: print the counts so far and start afresh (full buckets, zero counts), so that a
        # benchmark can measure run after run against one server (scripts/bench, scenario 6).
        signal.signal(signal.SIGUSR1, lambda _signum, _frame: _throttle_summary(fake, reset=True))
    try:
        run_forever(fake.app, port=args.port, log_level=args.log_level, on_ready=announce)
    finally:
        if fake.throttle is not None:
            _throttle_summary(fake, reset=False)
    return 0


def _throttle_summary(fake: FakeCDF, *, reset: bool) -> None:
    stats = fake.throttle_stats
    _say(
        f"throttle: {stats.accepted} accepted, {stats.refused} refused "
        f"({stats.refused_for_rate} for rate, {stats.refused_for_concurrency} for concurrency)"
    )
    if reset:
        fake.throttle = fake.throttle


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    sys.exit(main())
