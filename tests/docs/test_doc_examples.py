"""Every Python and shell example in README.md and docs/ runs, page by page, as a reader would run it.

A page's examples run in order and share one namespace (Python) and one working directory (a fresh
temporary one), so an example may use what an earlier one on the page defined. Python blocks may
use top-level `await`. Shell blocks run in bash with this environment's `python` and `cdf-client`
first on PATH: a `console` block runs its `$ ` lines (a trailing `# exit N` says which exit code
the command must end with), a `bash`/`sh` block runs as one script with `set -e`. A plain
`cdf-client ...` line (no pipe or redirection) runs through the console script's entry point,
`cdf_client._cli.main`, in this process: the same code, without an interpreter start-up each.

An HTML comment on the line before a block marks it:

- `<!-- example: needs-cdf -->`: it talks to a CDF project. It runs against the embedded demo
  project (`cdf-client --fake`'s plant) served on 127.0.0.1, with `CDF_PROJECT`, `CDF_BASE_URL` and
  `CDF_TOKEN` set to it; `export CDF_...=` lines of a shell block are left to that environment.
- `<!-- example: not-run: <why> -->`: it changes the machine (installs packages, publishes, runs
  the whole CI or a benchmark of minutes), or shows a setting this test cannot give it (a proxy and a
  corporate CA, a missing extra) and another test runs it with one; it is not run here. The reason is
  required, and every `pip install` in it must name extras and dependency groups that pyproject.toml has.

Examples may configure logging (docs/client.md turns on DEBUG): each page's changes are undone after it.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PYTHON = {"python", "py"}
SHELL = {"console", "bash", "sh", "shell"}
_FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)\s*$")
_MARK = re.compile(r"^\s*<!--\s*example:\s*(?P<mark>[\w-]+)(?::\s*(?P<why>.*?))?\s*-->\s*$")
_EXIT = re.compile(r"#\s*exit (\d+)")
_EXPORT_CDF = re.compile(r"^\s*export\s+CDF_\w+=")
SHELL_TIMEOUT_S = 300
BASH = shutil.which("bash") or "/bin/bash"


@dataclass(frozen=True)
class Example:
    """One fenced block: where it is, its language, its code and its mark (`run`, `needs-cdf`, `not-run`)."""

    page: Path
    line: int
    lang: str
    code: str
    mark: str = "run"
    why: str = ""

    def __str__(self) -> str:
        page = self.page.relative_to(ROOT) if self.page.is_relative_to(ROOT) else self.page.name
        return f"{page}:{self.line}"


def examples(page: Path) -> list[Example]:
    """The Python and shell blocks of a markdown page, with their marks."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found, index = [], 0
    while index < len(lines):
        fence = _FENCE.match(lines[index])
        if not fence:
            index += 1
            continue
        end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == "```")
        lang = fence.group("lang")
        if lang in PYTHON | SHELL:
            mark = _MARK.match(lines[index - 1]) if index else None
            code = textwrap.dedent("\n".join(lines[index + 1 : end]))
            found.append(
                Example(
                    page,
                    index + 1,
                    lang,
                    code,
                    mark.group("mark") if mark else "run",
                    (mark.group("why") or "") if mark else "",
                )
            )
        index = end + 1
    return found


def commands(example: Example) -> list[tuple[str, int]]:
    """The shell commands of a block and the exit code each must end with."""
    if example.lang != "console":
        return [("set -e\n" + example.code, 0)]
    found, pending = [], ""
    for line in example.code.splitlines():
        if not pending and not line.startswith("$ "):
            continue  # output shown in the docs
        text = line.removeprefix("$ ") if not pending else line
        if text.endswith("\\"):
            pending += text[:-1]
            continue
        command, pending = pending + text, ""
        match = _EXIT.search(command)
        found.append((command, int(match.group(1)) if match else 0))
    return found


def run_python(example: Example, namespace: dict[str, object]) -> None:
    """Execute a Python block in the page's namespace; top-level `await` runs on a fresh event loop."""
    code = compile(example.code, str(example), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    result = eval(code, namespace)  # noqa: S307 (the repository's own documentation)
    if asyncio.iscoroutine(result):
        asyncio.run(result)


def run_shell(example: Example, cwd: Path, env: dict[str, str]) -> None:
    """Run a shell block's commands in bash; each must end with the exit code the docs give."""
    for command, expected in commands(example):
        script = command
        if example.mark == "needs-cdf":
            script = "\n".join(line for line in command.splitlines() if not _EXPORT_CDF.match(line))
        if _IN_PROCESS.match(script):
            code = _cdf_client(script)
            assert code == expected, f"{example}: `{command}` exited {code}, the docs say {expected}"
            continue
        done = subprocess.run(
            [BASH, "-c", script],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=SHELL_TIMEOUT_S,
            check=False,
        )
        assert done.returncode == expected, (
            f"{example}: `{command}` exited {done.returncode}, the docs say {expected}\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )


_IN_PROCESS = re.compile(r"^cdf-client [^|&;<>$`\n]*$")


def _cdf_client(command: str) -> int:
    """Run a plain `cdf-client ...` line through the entry point in this process (no interpreter start-up)."""
    from cdf_client._cli import main  # noqa: PLC0415 (the console script `cdf-client` calls it)

    return main(shlex.split(command, comments=True)[1:])


def _environment(cdf: dict[str, str] | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CDF_")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return {**env, **(cdf or {})}


@contextlib.contextmanager
def _environ(env: dict[str, str]) -> Iterator[None]:
    """Run with exactly `env` as the process environment (Python examples and `cdf-client` read it)."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _logging_restored() -> Iterator[None]:
    """Undo what examples do to logging: the root's handlers and level, the `cdf_client` logger's level."""
    root, ours = logging.getLogger(), logging.getLogger("cdf_client")
    handlers, levels = list(root.handlers), (root.level, ours.level)
    try:
        yield
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
        root.setLevel(levels[0])
        ours.setLevel(levels[1])


def run_page(page: Path, cwd: Path, cdf: dict[str, str]) -> int:
    """Run every example of `page` in order; return how many ran."""
    with _logging_restored():
        return _run_examples(page, cwd, cdf)


def _run_examples(page: Path, cwd: Path, cdf: dict[str, str]) -> int:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    ran = 0
    for example in examples(page):
        if example.mark == "not-run":
            continue
        env = _environment(cdf if example.mark == "needs-cdf" else None)
        if example.lang in PYTHON:
            with _environ(env):
                try:
                    run_python(example, namespace)
                except Exception as error:
                    error.add_note(f"in the example at {example}")
                    raise
        else:
            with _environ(env):
                run_shell(example, cwd, env)
        ran += 1
    return ran


@pytest.fixture(scope="module")
def served_demo():
    """The CLI's embedded demo plant, served on 127.0.0.1: what `needs-cdf` examples talk to."""
    from cdf_client._cli._connect import demo_fake  # noqa: PLC0415 (the CLI's demo project)

    fake = demo_fake()
    with fake.serve() as base_url:
        yield {"CDF_PROJECT": fake.project, "CDF_BASE_URL": base_url, "CDF_TOKEN": fake.token}


@pytest.mark.network
@pytest.mark.parametrize("page", PAGES, ids=[str(page.relative_to(ROOT)) for page in PAGES])
def test_every_example_of_the_page_runs(page, served_demo, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    run_page(page, tmp_path, served_demo)
    capsys.readouterr()


def test_the_pages_have_examples_and_marks_are_known():
    every = [example for page in PAGES for example in examples(page)]

    assert len(every) > 40
    assert {example.mark for example in every} <= {"run", "needs-cdf", "not-run"}
    assert all(example.why for example in every if example.mark == "not-run")
    # Most examples run: only what changes the machine is left out.
    assert sum(example.mark == "not-run" for example in every) < len(every) / 3


_PIP_INSTALL = re.compile(r"pip install (?P<args>[^|&#\n]*)")


def test_install_commands_that_do_not_run_name_real_extras_and_groups():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    extras = set(pyproject["project"]["optional-dependencies"])
    groups = set(pyproject["dependency-groups"])
    checked = 0
    for example in (e for page in PAGES for e in examples(page) if e.mark == "not-run"):
        for install in _PIP_INSTALL.finditer(example.code):
            args = install.group("args")
            for named in re.findall(r"(?:cdf-client|\.)\[([\w,-]+)\]", args):
                assert set(named.split(",")) <= extras, f"{example}: {args}"
            assert set(re.findall(r"--group (\w+)", args)) <= groups, f"{example}: {args}"
            checked += 1
    assert checked >= 5


def test_a_broken_example_fails_its_page(tmp_path):
    page = tmp_path / "broken.md"
    broken = "from cdf_client import CDFClient\nassert CDFClient.__name__ == 'Client'"
    page.write_text(f"# A page\n\n```python\n{broken}\n```\n")

    with pytest.raises(AssertionError) as caught:
        run_page(page, tmp_path, {})
    assert "broken.md:3" in str(caught.value.__notes__)


def test_a_shell_example_with_the_wrong_exit_code_fails_its_page(tmp_path):
    page = tmp_path / "broken.md"
    page.write_text("```console\n$ cdf-client files get --fake 404\n```\n")

    with pytest.raises(AssertionError, match="exited 1, the docs say 0"):
        run_page(page, tmp_path, {})
