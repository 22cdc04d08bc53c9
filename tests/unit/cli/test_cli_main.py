"""The console script's entry point: exit codes for interrupts, errors, and a missing `cli` extra."""

import subprocess
import sys

import pytest
from cdf_client._cli import _connect, main


def _run(monkeypatch, *args):
    monkeypatch.setattr(sys, "argv", ["cdf-client", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code


def test_ctrl_c_exits_130_with_a_short_message(monkeypatch, capsys):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(_connect, "demo_fake", interrupted)

    assert _run(monkeypatch, "files", "list", "--fake") == 130
    err = capsys.readouterr().err
    assert "Interrupted." in err
    assert "Traceback" not in err


def test_success_exits_0(monkeypatch, capsys):
    assert _run(monkeypatch, "files", "list", "--fake", "--limit", "1", "--format", "jsonl") == 0
    assert capsys.readouterr().out.count("\n") == 1


def test_a_usage_error_exits_2(monkeypatch, capsys):
    assert _run(monkeypatch, "files", "list", "--no-such-option") == 2
    assert "No such option" in capsys.readouterr().err


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

    assert _run(monkeypatch, "assets", "list") == 2
    assert "CDF is not configured" in capsys.readouterr().err


def test_without_the_cli_extra_the_command_says_what_to_install():
    probe = (
        "import importlib.abc, sys\n"
        "class Refuse(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] in ('click', 'rich'):\n"
        "            raise ImportError(name, name=name.partition('.')[0])\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "from cdf_client._cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)

    assert result.returncode == 2
    assert "pip install 'cdf-client[cli]'" in result.stderr
    assert "Traceback" not in result.stderr
