"""docs/cli.md has an example of every command, and every example in the commands' `--help` runs.

The examples of docs/cli.md themselves run in tests/docs/test_doc_examples.py, as every page's do.
"""

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


def test_every_help_example_runs(capsys):
    examples = _help_examples(capsys)

    assert len(examples) == 5
    for example in examples:
        code = main(shlex.split(example)[1:])
        out, err = capsys.readouterr()
        assert code == 0, (example, out + err)
        assert out.strip(), example
