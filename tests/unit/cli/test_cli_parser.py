"""Global options may come before the command: they are handed to the command they precede."""

import pytest

from cdf_client._cli._app import APP
from cdf_client._cli._parser import _global_options_after_command


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--fake", "files", "filter", "--limit", "5"], ["files", "filter", "--fake", "--limit", "5"]),
        (["files", "--fake", "list"], ["files", "list", "--fake"]),
        (
            ["--project", "p", "--max-retries=0", "assets", "list", "--root"],
            ["assets", "list", "--project", "p", "--max-retries=0", "--root"],
        ),
        # A value that looks like a command stays the option's value.
        (["--project", "files", "files", "get", "7"], ["files", "get", "--project", "files", "7"]),
        # After the command nothing moves: `--` and positional arguments keep their places.
        (["files", "retrieve", "--", "--fake"], ["files", "retrieve", "--", "--fake"]),
        (["files", "filter", "--fake"], ["files", "filter", "--fake"]),
    ],
)
def test_global_options_before_the_command_move_to_just_after_its_name(argv, expected):
    assert _global_options_after_command(APP, argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["--fake"],  # no command: the top level shows its help
        ["--fake", "--help"],
        ["--fake", "files"],  # a group without its command
        ["--project", "files", "list"],  # `files` is the project: `list` is no command
        ["--fake", "fils", "list"],  # a typo argparse reports
        ["--version"],
    ],
)
def test_without_a_command_to_reach_the_arguments_stay_as_given(argv):
    assert _global_options_after_command(APP, argv) == argv
