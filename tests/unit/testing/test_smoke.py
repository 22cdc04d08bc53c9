"""The fake answers each of the five operations in process, sync and async."""

import anyio
import httpx

from cdf_client.testing import FakeCDF


def test_filter_files_pages_through_every_file_in_id_order(plant: FakeCDF, http: httpx.Client) -> None:
    ids: list[int] = []
    cursor = None
    while True:
        body = http.post("/files/list", json={"limit": 1000, "cursor": cursor}).json()
        ids += [item["id"] for item in body["items"]]
        cursor = body.get("nextCursor")
        if cursor is None:
            break
    assert ids == [f["id"] for f in plant.files]


def test_list_files_list_assets_get_and_retrieve_answer(plant: FakeCDF, http: httpx.Client) -> None:
    first = plant.files[0]
    assert http.get("/files", params={"limit": 1}).json()["items"] == [first]
    assert http.get("/assets", params={"limit": 1}).json()["items"] == [plant.assets[0]]
    assert http.get(f"/files/{first['id']}").json() == first
    assert http.post("/files/byids", json={"items": [{"id": first["id"]}]}).json() == {"items": [first]}


def test_async_clients_use_the_same_transport(plant: FakeCDF) -> None:
    async def main() -> list[int]:
        async with httpx.AsyncClient(
            base_url=f"{plant.base_url}/api/v1/projects/{plant.project}",
            transport=plant.transport(),
            headers={"Authorization": f"Bearer {plant.token}"},
        ) as client:
            response = await client.post("/files/list", json={"limit": 3})
            return [item["id"] for item in response.json()["items"]]

    assert anyio.run(main) == [f["id"] for f in plant.files[:3]]


def test_requests_without_a_valid_token_get_the_401_envelope(plant: FakeCDF, api) -> None:
    with api(plant, headers={"Authorization": "Bearer wrong"}) as client:
        response = client.get("/files")
    assert response.status_code == 401
    assert response.json() == {"error": {"code": 401, "message": "Unauthorized"}}
    assert response.headers["x-request-id"]


def test_public_names_are_exactly_all_and_belong_to_the_package() -> None:
    from cdf_client import testing  # noqa: PLC0415

    public = {name for name in dir(testing) if not name.startswith("_")}
    assert (
        public
        == set(testing.__all__)
        == {
            "FakeCDF",
            "FakeTransport",
            "Faults",
            "Hostile",
            "RecordedRequest",
            "Throttle",
            "ThrottleStats",
        }
    )
    assert all(getattr(testing, name).__module__ == "cdf_client.testing" for name in testing.__all__)


def test_importing_the_client_does_not_import_the_testing_extra() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, cdf_client; import cdf_client.testing; "
        "assert 'uvicorn' not in sys.modules, 'testing imports uvicorn eagerly'; "
        "sys.modules.pop('cdf_client.testing'); "
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    light = "import sys, cdf_client; assert 'pydantic' not in sys.modules and 'uvicorn' not in sys.modules"
    subprocess.run([sys.executable, "-c", light], check=True, timeout=60)


def test_fake_client_and_async_client_talk_to_the_fake_in_process(plant: FakeCDF) -> None:
    want = [f["id"] for f in plant.files if f.get("mimeType") == "text/csv"]
    with plant.client() as client:
        assert [f.id for f in client.files.filter(mime_type="text/csv")] == want

    async def main() -> list[int]:
        async with plant.async_client() as client:
            return [f.id for f in await client.files.retrieve(want[:3])]

    assert anyio.run(main) == want[:3]
