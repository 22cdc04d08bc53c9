"""Tables, targets and docs/benchmarks.md for scripts/bench: every number printed here was measured."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib.metadata
import math
import os
import platform
import statistics
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

RSS_TARGET_MB = 100
PARQUET_RSS_TARGET_MB = 150
TABLE_SPEEDUP_TARGET = 3.0
PACKAGES = ("cdf-client", "httpx", "httpcore", "orjson", "attrs", "cognite-sdk", "uvicorn", "pydantic")
# What users write, timed inside a fresh interpreter (startup excluded). The `+ client` rows also build a
# client, which loads what the import leaves for later (asyncio, the transport, certifi's TLS context).
IMPORTS = {
    "httpx": "import httpx",
    "cdf_client": "from cdf_client import CDFClient",
    "cdf_client_api": "import cdf_client_api",
    "cognite.client": "import cognite.client",
    "httpx + client": "import httpx; httpx.Client()",
    "cdf_client + client": (
        "from cdf_client import CDFClient; CDFClient(project='p', base_url='http://x', token='t')"
    ),
}


@dataclasses.dataclass(frozen=True)
class Measurement:
    """One child process: items seen, sum of their ids, seconds and megabytes."""

    items: int
    checksum: int
    wall: float
    cpu: float
    rss_before: float
    peak_rss: float


@dataclasses.dataclass
class Case:
    """One row group of the report: a scenario, the server it needs and what each client measured."""

    scenario: int
    title: str
    server: str  # which fake: "plain", "latency" or "stream"
    op: str  # "list" or "retrieve"
    partitions: int
    runs: int
    latency_floor: float | None = None  # pages x latency: no sequential client can beat it
    clients: tuple[str, ...] | None = None  # this case's own clients (None: the --clients of the run)
    reference: str | None = None  # ratios to this client instead of the floor and cognite-sdk
    results: dict[str, list[Measurement]] = dataclasses.field(default_factory=dict)
    errors: dict[str, str] = dataclasses.field(default_factory=dict)
    skipped: dict[str, str] = dataclasses.field(default_factory=dict)

    def median(self, client: str, attr: str) -> float | None:
        """Return the median of one figure over a client's runs (None when it has none)."""
        runs = self.results.get(client)
        return statistics.median(getattr(m, attr) for m in runs) if runs else None

    def consistent(self) -> bool:
        """Every client saw the same items (count and id checksum) in every run."""
        return len({(m.items, m.checksum) for runs in self.results.values() for m in runs}) <= 1


def ratio(a: float | None, b: float | None) -> float | None:
    """Return a / b, or None when either is missing."""
    return a / b if a is not None and b else None


def fmt_ratio(value: float | None) -> str:
    """Format a ratio as `1.23x`."""
    return "-" if value is None else f"{value:.2f}x"


def fmt(value: float | None, digits: int = 2) -> str:
    """Format a figure, `-` when missing."""
    return "-" if value is None else f"{value:.{digits}f}"


def case_table(case: Case) -> list[str]:
    """Render one case as a markdown table, with ratios to the floor and to cognite-sdk."""
    metrics = (("wall", "wall", 3), ("cpu", "CPU", 3), ("peak_rss", "peak RSS", 0))
    head = ["client", "wall s", "CPU s", "peak RSS MB", "items/s"]
    memory = case.scenario in {4, 7}  # the memory scenarios also show the baseline after imports
    if memory:
        head.insert(4, "RSS before MB")
    references = (case.reference,) if case.reference else ("floor", "cognite-sdk")
    head += [
        f"{label} / {'sdk' if reference == 'cognite-sdk' else reference}"
        for reference in references
        for _, label, _ in metrics
    ]
    lines = [f"### Scenario {case.scenario}: {case.title}", ""]
    runs = "1 run" if case.runs == 1 else f"median of {case.runs} runs"
    lines.append(f"Per client: {runs}, each in a fresh process.")
    if case.latency_floor is not None:
        lines.append(f"Latency floor (pages x latency): {case.latency_floor:.3f} s.")
    lines += ["", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for client in [*case.results, *case.errors, *case.skipped]:
        if client not in case.results:
            reason = case.skipped.get(client) or "FAILED: " + case.errors[client].strip().splitlines()[-1]
            lines.append(f"| {client} | {reason} |" + " |" * (len(head) - 2))
            continue
        row = [client] + [fmt(case.median(client, attr), digits) for attr, _, digits in metrics]
        wall = case.median(client, "wall")
        row.append(f"{case.median(client, 'items') / wall:,.0f}" if wall else "-")
        if memory:
            row.insert(4, fmt(case.median(client, "rss_before"), 0))
        for reference in references:
            row += [
                fmt_ratio(ratio(case.median(client, a), case.median(reference, a))) for a, _, _ in metrics
            ]
        lines.append("| " + " | ".join(row) + " |")
    if not case.consistent():
        lines.append("\n**Clients disagree on the items returned (count or id checksum).**")
    return [*lines, ""]


def import_table(imports: dict[str, list[float]]) -> list[str]:
    """Render the import times as a markdown table, with ratios to httpx."""
    runs = len(next(iter(imports.values())))
    httpx = statistics.median(imports["httpx"])
    lines = [
        "### Scenario 5: import time in a fresh interpreter",
        "",
        (
            f"Median of {runs} fresh interpreters per statement (interpreter startup excluded), with"
            " bytecode cached as an installed wheel has it, and `click` absent (httpx imports its own"
            " CLI when click is installed, encode/httpx#3547). The `+ client` rows also build a client."
        ),
        "",
        "| statement | ms | / httpx |",
        "|---|---|---|",
    ]
    for label, seconds in imports.items():
        median = statistics.median(seconds)
        lines.append(f"| `{IMPORTS[label]}` | {median * 1000:.1f} | {median / httpx:.2f}x |")
    return [*lines, ""]


Target = tuple[bool | None, str]


def _check(
    found: list[Target],
    text: str,
    value: float | None,
    limit: float,
    *,
    at_least: bool = False,
    extra: str = "",
) -> None:
    """Record a ratio target as met, missed or not measured."""
    if value is None:
        found.append((None, f"{text}: not measured"))
        return
    met = value >= limit if at_least else value <= limit
    sign = ">=" if at_least else "<="
    found.append((met, f"{text}: {value:.2f}x (target {sign} {limit}x){extra}"))


def _pick(
    cases: list[Case], scenario: int, predicate: Callable[[Case], bool] = lambda _: True
) -> Case | None:
    return next((c for c in cases if c.scenario == scenario and predicate(c)), None)


def r(case: Case | None, a: str, b: str, attr: str) -> float | None:
    """Return the ratio of two clients' medians of one figure in a case (None when not measured)."""
    return ratio(case.median(a, attr), case.median(b, attr)) if case else None


def targets(cases: list[Case], imports: dict[str, list[float]]) -> list[Target]:
    """Check each target of issue 6: met (True), missed (False) or not measured (None), with the ratio."""
    found: list[Target] = []
    check = functools.partial(_check, found)

    def pick(scenario: int, predicate: Callable[[Case], bool] = lambda _: True) -> Case | None:
        return _pick(cases, scenario, predicate)

    s1 = pick(1)
    for client, limit in (("overlay", 1.25), ("overlay-dicts", 1.05)):
        wall = fmt_ratio(r(s1, client, "floor", "wall"))
        check(f"S1 {client} CPU time / floor", r(s1, client, "floor", "cpu"), limit, extra=f"; wall {wall}")
    check(
        "S1 overlay wall time / cognite-sdk",
        r(s1, "overlay", "cognite-sdk", "wall"),
        0.45,
        extra=f"; CPU {fmt_ratio(r(s1, 'overlay', 'cognite-sdk', 'cpu'))}",
    )
    seq, part = pick(2, lambda c: c.partitions == 1), pick(2, lambda c: c.partitions > 1)
    if seq:
        check(
            "S2 overlay sequential wall / latency floor (pages x latency)",
            ratio(seq.median("overlay", "wall"), seq.latency_floor),
            1.1,
        )
    speedup = ratio(seq.median("overlay", "wall"), part.median("overlay", "wall")) if seq and part else None
    check("S2 overlay partitioned speed-up over overlay sequential", speedup, 7, at_least=True)
    check(
        "S2 overlay partitioned wall / cognite-sdk partitioned",
        r(part, "overlay", "cognite-sdk", "wall"),
        0.35,
    )
    check("S3 overlay retrieve wall / cognite-sdk", r(pick(3), "overlay", "cognite-sdk", "wall"), 0.45)
    for case in (c for c in cases if c.scenario == 4):  # noqa: PLR2004
        for client in ("overlay", "overlay-dicts"):
            rss = case.median(client, "peak_rss")
            text = f"S4 {client} peak RSS, {case.title}"
            found.append(
                (None, f"{text}: not measured")
                if rss is None
                else (rss < RSS_TARGET_MB, f"{text}: {rss:.0f} MB (target < {RSS_TARGET_MB} MB)")
            )
    found += export_targets(cases)
    if imports:
        check(
            "S5 from cdf_client import CDFClient / import httpx",
            ratio(statistics.median(imports["cdf_client"]), statistics.median(imports["httpx"])),
            1.3,
        )
    return found


def export_targets(cases: list[Case]) -> list[Target]:
    """Scenarios 7 and 8: Parquet export memory, and to_arrow against the earlier row-wise to_pandas."""
    found: list[Target] = []
    check = functools.partial(_check, found)
    for case in (c for c in cases if c.scenario == 7):  # noqa: PLR2004
        rss = case.median("parquet", "peak_rss")
        text = f"S7 write_parquet peak RSS, {case.title}"
        found.append(
            (None, f"{text}: not measured")
            if rss is None
            else (rss < PARQUET_RSS_TARGET_MB, f"{text}: {rss:.0f} MB (target < {PARQUET_RSS_TARGET_MB} MB)")
        )
    s8 = _pick(cases, 8)
    baseline = next((c for c in (s8.results if s8 else {}) if c.startswith("to_pandas (")), None)
    if s8 and baseline:
        check(
            f"S8 {baseline} wall / to_arrow wall, listing included",
            r(s8, baseline, "to_arrow", "wall"),
            TABLE_SPEEDUP_TARGET,
            at_least=True,
            extra=f"; CPU {fmt_ratio(r(s8, baseline, 'to_arrow', 'cpu'))}",
        )
        for attr in ("wall", "cpu"):
            listing = s8.median("dicts", attr)
            beyond = [(s8.median(c, attr) or 0) - (listing or 0) for c in (baseline, "to_arrow")]
            check(
                f"S8 {baseline} / to_arrow, {attr} beyond the listing alone (dicts): the conversion",
                ratio(beyond[0], beyond[1]) if listing is not None and beyond[1] > 0 else None,
                TABLE_SPEEDUP_TARGET,
                at_least=True,
            )
    elif s8:
        found.append((None, "S8 to_arrow against the earlier to_pandas: no baseline revision measured"))
    return found


def render(cases: list[Case], imports: dict[str, list[float]], context: dict[str, Any]) -> str:
    """Render the report as markdown: one table per case, the import table, then the targets."""
    lines = ["## Results", ""]
    for case in cases:
        lines += case_table(case)
    if imports:
        lines += import_table(imports)
    lines += ["## Targets (issue 6; ratios from this run)", ""]
    for met, text in targets(cases, imports):
        mark = {True: "met", False: "MISSED", None: "n/a"}[met]
        lines.append(f"- **{mark}**: {text}")
    startup = "; ".join(f"{name}: {seconds:.1f} s" for name, seconds in context["server_startup"].items())
    lines += ["", f"Fake server startup (generate the data, then serve): {startup}.", ""]
    return "\n".join(lines)


def machine() -> list[str]:
    """Describe the machine: CPU model, cores, OS, Python and every compared package's version."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores",
        f"- OS: {platform.platform()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()}",
        f"- Packages: {', '.join(versions)}",
        f"- Commit: {commit or 'unknown'}",
    ]


def write_docs(path: Path, report: str, context: dict[str, Any]) -> None:
    """Write docs/benchmarks.md: how to rerun, the machine, then the report exactly as printed."""
    now = dt.datetime.now(tz=dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = " ".join(context["load_before"]) or "unknown"
    load_after = " ".join(context.get("load_after", [])) or "unknown"
    text = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench --write-docs`; every number below comes from that run. Rerun it with:",
        "",
        "<!-- example: not-run: minutes of benchmarks (test_bench_smoke.py runs --quick) -->",
        "```sh",
        "python -m pip install -e . --group bench",
        context["command"],
        "```",
        "",
        "What is measured: the fake CDF (`python -m cdf_client.testing serve`) runs in its own process on",
        "127.0.0.1 and each client runs in a fresh child process, so wall time, CPU time",
        "(`time.process_time()`, all threads) and peak RSS (`VmHWM`) are the client's own. Times cover",
        "the work only (imports and client construction excluded); peak RSS includes the interpreter and",
        "imports. Every figure is also shown as a ratio to the floor (a bare httpx loop that posts the",
        "cursor and decodes pages with orjson into dicts) and to the official cognite-sdk from the same run.",
        "Children run with bytecode caching on (`PYTHONDONTWRITEBYTECODE` removed), as an installed wheel",
        "has its `.pyc` files; the fake freezes its generated data out of the garbage collector, so full",
        "collections do not stall random requests. Scenario 5 times what users write,",
        "`from cdf_client import CDFClient`; its `+ client` rows also build a client, which is where",
        "cdf-client loads the generated layer (and, for `AsyncCDFClient` only, asyncio).",
        "",
        "- `floor`: bare httpx + orjson (asyncio + httpx.AsyncClient for partitions and byids chunks)",
        "- `generated`: `cdf_client_api` used directly (`sync_detailed`/`asyncio_detailed`, `from_dict`)",
        "- `overlay`: `CDFClient.files.filter(partitions=...)` / `files.retrieve(...)`, typed objects",
        "- `overlay-dicts`: the overlay's bulk path, wire dicts without per-item objects",
        "- `overlay-async`: `AsyncCDFClient`, `async for` over the same listing (objects)",
        "- `cognite-sdk`: `files.list(limit=None, partitions=...)` / `files.retrieve_multiple(ids=...)`",
        "",
        "Scenarios 7 and 8 compare the overlay's table exports with each other: `parquet` is",
        "`files.filter(...).write_parquet(path)`; `dicts`, `to_arrow`, `to_polars` and `to_pandas` are",
        "`files.filter().dicts().to_list()` (the listing alone), `.to_arrow()`, `.to_polars()` and",
        "`.to_pandas()`, with pyarrow, polars and pandas imported before the clock starts. `to_pandas (REV)`",
        "is the same call on the overlay of commit REV (`--baseline-rev`), the row-wise `to_pandas` before",
        "the tables were derived from Arrow.",
        "",
        "## Machine",
        "",
        *machine(),
        f"- Date: {now}; load average (1, 5, 15 min) before the run: {load}; after: {load_after}",
        "",
        report,
    ]
    path.write_text("\n".join(text).rstrip() + "\n")


def pages(files: int, page_size: int = 1000) -> int:
    """Return the number of pages a sequential listing of `files` takes."""
    return max(1, math.ceil(files / page_size))
