"""Every example in docs/cli.md and in the commands' `--help` runs, with the exit code the docs claim."""

import re
import shlex
from pathlib import Path

import pytest

from cdf_client._cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
_EXIT = re.compile(r"#\s*exit (\d+)")


def _doc_examples():
    """The `$ cdf-client ...` lines that need no CDF project (with `--fake`, or `demo`)."""
    examples = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("$ cdf-client "):
            continue
        command, _, comment = line.removeprefix("$ ").partition("#")
        command = command.partition(" | ")[0].strip()
        if "--fake" in command or command == "cdf-client demo":
            match = _EXIT.search("#" + comment)
            examples.append(pytest.param(command, int(match.group(1)) if match else 0, id=command[11:60]))
    return examples


def _help_examples(capsys):
    examples = []
    for path in (
        ["files", "filter"],
        ["files", "list"],
        ["files", "get"],
        ["files", "retrieve"],
        ["assets", "list"],
    ):
        assert main([*path, "--help"]) == 0
        text = capsys.readouterr().out
        examples.extend(
            line.strip().removeprefix("Example: ") for line in text.splitlines() if "Example: " in line
        )
    return examples


def test_the_doc_has_an_example_for_every_command():
    commands = " ".join(param.values[0] for param in _doc_examples())

    for command in ("demo", "files filter", "files list", "files get", "files retrieve", "assets list"):
        assert f"cdf-client {command}" in commands


@pytest.mark.parametrize(("command", "exit_code"), _doc_examples())
def test_doc_example_runs(command, exit_code, capsys):
    args = shlex.split(command)[1:]
    if args[0] == "demo":
        args += ["--files", "500"]  # the same walk-through on a smaller plant, to keep the suite quick
    code = main(args)
    out, err = capsys.readouterr()

    assert code == exit_code, out + err
    if exit_code == 0:
        assert out.strip()


def test_every_help_example_runs(capsys):
    examples = _help_examples(capsys)

    assert len(examples) == 5
    for example in examples:
        code = main(shlex.split(example)[1:])
        out, err = capsys.readouterr()
        assert code == 0, (example, out + err)
        assert out.strip(), example
