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
