"""The installed command, run as a shell runs it: `python -m cdf_client` against a fake served on loopback."""

import csv
import io
import os
import pty
import re
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from cdf_client.testing import FakeCDF

pytestmark = pytest.mark.network

SECRET_TOKEN = "cli-test-token-do-not-print"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CLIENT_ID, CLIENT_SECRET = "cli-app", "cli-secret-do-not-print"
# Enough output (about 1 MB) to fill a pipe, so an early close reaches the writer mid-listing.
N_FILES = 3000


@pytest.fixture(scope="module")
def served():
    fake = FakeCDF.generate(
        files=N_FILES,
        seed=3,
        project="cli-test",
        token=SECRET_TOKEN,
        client_credentials={CLIENT_ID: CLIENT_SECRET},
        record_requests=False,
    )
    with fake.serve() as base_url:
        yield fake, base_url


def _clean_env(**settings):
    env = {key: value for key, value in os.environ.items() if not key.startswith("CDF_")}
    return {**env, **settings}


@pytest.fixture
def env(served):
    fake, base_url = served
    return _clean_env(CDF_PROJECT=fake.project, CDF_BASE_URL=base_url, CDF_TOKEN=SECRET_TOKEN)


def cdf(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "cdf_client", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _assert_clean_failure(result, code):
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert SECRET_TOKEN not in result.stdout + result.stderr
    assert CLIENT_SECRET not in result.stdout + result.stderr


def test_configuration_from_the_environment_lists_every_file(served, env):
    fake, _ = served
    result = cdf("files", "list", "--partitions", "4", env=env)

    assert result.returncode == 0, result.stderr
    ids = [orjson.loads(line)["id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == sorted(f["id"] for f in fake.files)


def test_options_override_the_environment(served):
    fake, base_url = served
    env = _clean_env(CDF_PROJECT="elsewhere", CDF_CLUSTER="westeurope-1", CDF_TOKEN=SECRET_TOKEN)
    result = cdf("assets", "list", "--project", fake.project, "--base-url", base_url, "--root", env=env)

    assert result.returncode == 0, result.stderr
    roots = {orjson.loads(line)["id"] for line in result.stdout.splitlines()}
    assert roots == {a["id"] for a in fake.assets if "parentId" not in a}


def test_client_credentials_from_the_environment(served):
    fake, base_url = served
    env = _clean_env(
        CDF_PROJECT=fake.project,
        CDF_BASE_URL=base_url,
        CDF_CLIENT_ID=CLIENT_ID,
        CDF_CLIENT_SECRET=CLIENT_SECRET,
        CDF_TOKEN_URL=base_url + "/oauth2/token",
        CDF_SCOPES="user_impersonation",
    )
    result = cdf("files", "filter", "--mime-type", "image/png", "--format", "csv", env=env)

    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {int(row["id"]) for row in rows} == {f["id"] for f in fake.files if f["mimeType"] == "image/png"}


def test_get_and_retrieve_over_http(served, env):
    fake, _ = served
    first, second = fake.files[0], fake.files[1]

    got = cdf("files", "get", str(first["id"]), "--format", "jsonl", env=env)
    retrieved = cdf("files", "retrieve", str(second["id"]), str(first["id"]), "--format", "jsonl", env=env)

    assert got.returncode == retrieved.returncode == 0
    assert orjson.loads(got.stdout) == first
    assert [orjson.loads(line)["id"] for line in retrieved.stdout.splitlines()] == [second["id"], first["id"]]


def test_missing_configuration_says_what_to_set_and_exits_2():
    result = cdf("files", "list", env=_clean_env())

    _assert_clean_failure(result, 2)
    for name in ("CDF_PROJECT", "CDF_CLUSTER", "CDF_BASE_URL", "CDF_TOKEN", "CDF_CLIENT_ID", "--fake"):
        assert name in result.stderr
    assert result.stdout == ""


def test_only_what_is_missing_is_named(served):
    _, base_url = served
    result = cdf("files", "list", env=_clean_env(CDF_BASE_URL=base_url, CDF_TOKEN=SECRET_TOKEN))

    _assert_clean_failure(result, 2)
    assert "CDF_PROJECT" in result.stderr
    assert "CDF_TOKEN" not in result.stderr


def test_a_rejected_token_exits_1_with_status_and_request_id_and_never_prints_the_token(served):
    fake, base_url = served
    env = _clean_env(CDF_PROJECT=fake.project, CDF_BASE_URL=base_url, CDF_TOKEN="not-" + SECRET_TOKEN)
    result = cdf("files", "list", env=env)

    _assert_clean_failure(result, 1)
    assert "401" in result.stderr
    assert "AuthenticationError" in result.stderr
    assert "request id:" in result.stderr
    assert "not-" + SECRET_TOKEN not in result.stderr


def test_an_unknown_file_exits_1_naming_it(env):
    result = cdf("files", "get", "404", env=env)

    _assert_clean_failure(result, 1)
    assert "NotFoundError" in result.stderr
    assert "404" in result.stderr


def test_an_unreachable_server_exits_1_without_a_traceback():
    env = _clean_env(CDF_PROJECT="p", CDF_BASE_URL="http://127.0.0.1:9", CDF_TOKEN=SECRET_TOKEN)
    result = cdf("files", "get", "1", "--max-retries", "0", env=env)

    _assert_clean_failure(result, 1)
    assert "CDFConnectionError" in result.stderr


def _listing(env):
    """`files list` writing JSON Lines into a pipe that the test reads at its own pace."""
    return subprocess.Popen(
        [sys.executable, "-m", "cdf_client", "files", "list", "--format", "jsonl"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_reader_that_stops_early_ends_the_listing_quietly(env):
    with _listing(env) as process:
        assert process.stdout is not None
        head = [process.stdout.readline() for _ in range(5)]
        process.stdout.close()
        stderr = process.stderr.read().decode() if process.stderr else ""
        code = process.wait(timeout=60)

    assert [orjson.loads(line)["id"] > 0 for line in head] == [True] * 5
    assert code == 0
    assert stderr == ""


def test_ctrl_c_stops_cleanly_with_exit_130(env):
    with _listing(env) as process:
        assert process.stdout is not None
        # The first line proves the listing streams; the unread rest (more than a pipe holds) keeps it going.
        process.stdout.readline()
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)

    assert process.returncode == 130
    assert "Interrupted" in stderr.decode()
    assert "Traceback" not in stderr.decode()


def test_global_options_before_the_command_configure_it(served):
    fake, base_url = served
    env = _clean_env(CDF_PROJECT="elsewhere", CDF_CLUSTER="westeurope-1", CDF_TOKEN=SECRET_TOKEN)
    result = cdf("--project", fake.project, "--base-url", base_url, "assets", "list", "--root", env=env)

    assert result.returncode == 0, result.stderr
    roots = {orjson.loads(line)["id"] for line in result.stdout.splitlines()}
    assert roots == {a["id"] for a in fake.assets if "parentId" not in a}


@pytest.mark.parametrize(
    "args",
    [
        ("files", "list", "--limit", "30"),
        ("assets", "list", "--limit", "30"),
        ("files", "get", "4113589062838"),
    ],
    ids=["files", "assets", "one-file"],
)
def test_tables_fit_an_80_column_terminal(args):
    master, slave = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "cdf_client", *args, "--fake"],
        stdout=slave,
        stderr=subprocess.PIPE,
        env=_clean_env(COLUMNS="80", LINES="40", TERM="xterm"),
    ) as process:
        os.close(slave)
        _, stderr = process.communicate(timeout=120)
    terminal = _read_all(master)
    os.close(master)

    assert process.returncode == 0, stderr
    lines = [ANSI.sub("", line) for line in terminal.splitlines()]
    assert len(lines) > 5
    assert max(len(line) for line in lines) <= 80, terminal


def test_the_console_script_is_installed():
    script = Path(sys.executable).with_name("cdf-client")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)

    assert result.returncode == 0
    assert result.stdout.startswith("cdf-client, version ")


def _read_all(fd):
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the terminal's other end closed (EIO on Linux)
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode(errors="replace")


def test_progress_goes_to_stderr_when_it_is_a_terminal_and_stdout_is_not():
    master, slave = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "cdf_client", "files", "list", "--fake", "--partitions", "2"],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=_clean_env(COLUMNS="120"),
    ) as process:
        os.close(slave)
        stdout, _ = process.communicate(timeout=120)
    terminal = _read_all(master)
    os.close(master)

    assert process.returncode == 0
    assert len(stdout.splitlines()) == 10_000
    assert all(line.startswith(b'{"id":') for line in stdout.splitlines())
    assert "Listing files" in terminal
    assert " items" in terminal
