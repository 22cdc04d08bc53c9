"""The console script's entry point: exit codes for interrupts, errors, help, and a missing `cli` extra."""

import subprocess
import sys

from cdf_client._cli import _connect, main
from cdf_client._version import __version__


def test_ctrl_c_exits_130_with_a_short_message(monkeypatch, capsys):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(_connect, "demo_fake", interrupted)

    assert main(["files", "list", "--fake"]) == 130
    err = capsys.readouterr().err
    assert "Interrupted." in err
    assert "Traceback" not in err


def test_success_exits_0(capsys):
    assert main(["files", "list", "--fake", "--limit", "1", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out.count("\n") == 1


def test_without_argv_it_reads_the_process_arguments(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["cdf-client", "--version"])

    assert main() == 0
    assert capsys.readouterr().out == f"cdf-client, version {__version__}\n"


def test_a_usage_error_exits_2_with_the_usage_and_a_hint(capsys):
    assert main(["files", "list", "--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Usage: cdf-client files list [OPTIONS]\n")
    assert "Try 'cdf-client files list --help' for help." in err
    assert "Error: No such option '--no-such-option'." in err


def test_an_extra_argument_is_a_usage_error(capsys):
    assert main(["files", "get", "--fake", "1", "2"]) == 2
    assert "Got unexpected extra argument (2)" in capsys.readouterr().err


def test_options_are_never_abbreviated(capsys):
    assert main(["files", "list", "--fake", "--lim", "1"]) == 2
    assert "No such option '--lim'" in capsys.readouterr().err


def test_help_exits_0_on_stdout(capsys):
    assert main(["files", "get", "-h"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Usage: cdf-client files get [OPTIONS] ID\n")
    assert "Example: cdf-client files get --fake 4113589062838" in out


def test_a_group_without_its_command_shows_its_help_and_exits_2(capsys):
    assert main(["files"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    for command in ("filter", "list", "get", "retrieve"):
        assert command in captured.err


def test_an_unknown_command_is_a_usage_error(capsys):
    assert main(["nosuch"]) == 2
    assert "invalid choice: 'nosuch'" in capsys.readouterr().err


def test_a_missing_configuration_exits_2(monkeypatch, capsys):
    for name in (
        "CDF_PROJECT",
        "CDF_CLUSTER",
        "CDF_BASE_URL",
        "CDF_TOKEN",
        "CDF_CLIENT_ID",
        "CDF_CLIENT_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)

    assert main(["assets", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Usage: cdf-client assets list [OPTIONS]\n")
    assert "CDF is not configured" in err


def test_without_the_cli_extra_the_command_says_what_to_install():
    probe = (
        "import importlib.abc, sys\n"
        "class Refuse(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] == 'rich':\n"
        "            raise ImportError(name, name='rich')\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "from cdf_client._cli import main\n"
        "sys.exit(main())\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)

    assert result.returncode == 2
    assert "pip install 'cdf-client[cli]'" in result.stderr
    assert "Traceback" not in result.stderr
