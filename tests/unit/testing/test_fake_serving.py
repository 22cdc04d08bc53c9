"""The three ways to run the fake: ASGI app, `serve()` on loopback, and the `serve` command."""

import asyncio
import re
import socket
import subprocess
import sys

import httpx
import pytest

from cdf_client.testing import FakeCDF
from cdf_client.testing._serve import _bind

pytestmark = pytest.mark.network


def test_serve_binds_loopback_on_a_free_port_and_answers_like_the_transport() -> None:
    fake = FakeCDF.generate(files=30)
    headers = {"Authorization": f"Bearer {fake.token}"}
    with fake.serve() as base_url, httpx.Client(base_url=base_url, headers=headers) as client:
        assert base_url.startswith("http://127.0.0.1:")
        served = client.post(f"/api/v1/projects/{fake.project}/files/list", json={"limit": 5})
    with httpx.Client(base_url=fake.base_url, transport=fake.transport(), headers=headers) as client:
        in_process = client.post(f"/api/v1/projects/{fake.project}/files/list", json={"limit": 5})
    assert served.json() == in_process.json()
    assert served.headers["x-request-id"]


def test_the_serve_command_prints_its_url_and_token_and_serves_until_stopped() -> None:
    command = [sys.executable, "-m", "cdf_client.testing", "serve", "--files", "20", "--token", "cli-token"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:
        try:
            lines = {}
            while "token" not in lines:
                line = server.stdout.readline()
                assert line, "the server exited early"
                key, _, value = line.partition(":")
                lines[key.strip()] = value.strip()
            assert lines["token"] == "cli-token"
            headers = {"Authorization": "Bearer cli-token"}
            response = httpx.get(
                f"{lines['base url']}/api/v1/projects/demo/assets", headers=headers, timeout=10
            )
            assert response.status_code == 200
        finally:
            server.terminate()
    assert server.returncode is not None


def test_the_serve_command_rejects_bad_settings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cdf_client.testing", "serve", "--fault-rate", "2"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "rate" in result.stderr


def test_connections_to_the_served_fake_get_tcp_nodelay() -> None:
    # asyncio sets TCP_NODELAY on an accepted socket only when the listening socket says IPPROTO_TCP;
    # without it every small answer waits for the client's delayed ACK (~40 ms on Linux).
    async def accept_one() -> int:
        loop = asyncio.get_running_loop()
        accepted: asyncio.Future[int] = loop.create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport) -> None:
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listening = _bind(0)
        server = await loop.create_server(Probe, sock=listening)
        async with server:
            _, writer = await asyncio.open_connection(*listening.getsockname())
            nodelay = await asyncio.wait_for(accepted, timeout=10)
            writer.close()
        return nodelay

    assert asyncio.run(accept_one()) != 0


def test_the_measure_command_prints_throughput_and_small_request_latency() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cdf_client.testing", "serve", "--files", "1500", "--measure"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "pages/s (gzip, 1000 files per page, one client)",
        "pages/s (identity, 1000 files per page, one client)",
        "GET /files/{id} latency (200 requests, one connection)",
    ]
    assert re.fullmatch(r".*: median [0-9.]+ ms, p95 [0-9.]+ ms", lines[-1])
