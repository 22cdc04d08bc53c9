"""Cursors, partitions and limits as CDF pages: id order, opaque cursors, disjoint and complete partitions."""

import httpx
import pytest

from cdf_client.testing import FakeCDF


def list_all(client: httpx.Client, body: dict) -> tuple[list[int], int]:
    """Follow nextCursor to the end with POST /files/list; returns ids and the number of pages."""
    ids, pages, cursor = [], 0, None
    while True:
        response = client.post("/files/list", json={**body, "cursor": cursor})
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page.get("nextCursor")
        if cursor is None:
            return ids, pages


@pytest.mark.parametrize("limit", [1, 7, 999, 1000])
def test_cursors_walk_every_file_once_in_id_order(plant: FakeCDF, http, limit) -> None:
    if limit == 1:
        body = {"limit": 1, "filter": {"mimeType": "image/vnd.dwg"}}  # a small subset keeps this quick
        want = [f["id"] for f in plant.files if f.get("mimeType") == "image/vnd.dwg"]
    else:
        body, want = {"limit": limit}, [f["id"] for f in plant.files]
    ids, pages = list_all(http, body)
    assert ids == want
    assert pages == max(1, -(-len(want) // limit))  # no empty trailing page when the rest fits exactly


def test_the_last_page_has_no_next_cursor_key_and_an_empty_listing_is_one_page(http) -> None:
    assert http.post("/files/list", json={"filter": {"name": "nothing"}}).json() == {"items": []}


def test_cursors_are_opaque_deterministic_and_bound_to_their_query(http) -> None:
    first = http.post("/files/list", json={"limit": 2}).json()["nextCursor"]
    assert first == http.post("/files/list", json={"limit": 2}).json()["nextCursor"]
    assert len(first) == 43
    # The limit may change between pages (clients shrink the last one); the filter may not.
    assert http.post("/files/list", json={"limit": 5, "cursor": first}).status_code == 200
    other = http.post("/files/list", json={"cursor": first, "filter": {"uploaded": True}})
    assert other.status_code == 400
    assert (
        "different query" in other.json()["error"]["message"]
        or "another query" in other.json()["error"]["message"]
    )
    garbage = http.post("/files/list", json={"cursor": "not-a-cursor"})
    assert garbage.status_code == 400


@pytest.mark.parametrize("n", [1, 2, 3, 10])
def test_partitions_are_disjoint_and_their_union_is_the_whole(plant: FakeCDF, http, n) -> None:
    parts = [list_all(http, {"limit": 1000, "partition": f"{m}/{n}"})[0] for m in range(1, n + 1)]
    union = [i for part in parts for i in part]
    assert len(union) == len(set(union))
    assert sorted(union) == [f["id"] for f in plant.files]
    assert all(part == sorted(part) for part in parts)
    if n > 1:
        assert all(part for part in parts)  # generated ids spread over the id space: no empty partition


def test_partitions_combine_with_filters_and_the_get_form(plant: FakeCDF, http) -> None:
    want = [f["id"] for f in plant.files if f.get("mimeType") == "text/csv"]
    union = []
    for m in (1, 2, 3):
        union += [i["id"] for i in http.get("/files", params={"mimeType": "text/csv", "partition": f"{m}/3",
                                                               "limit": 1000}).json()["items"]]  # fmt: skip
    assert sorted(union) == want


@pytest.mark.parametrize("partition", ["0/3", "4/3", "1/11", "a/b", "1-3", "11/10", ""])
def test_malformed_or_out_of_range_partitions_are_400(http, partition) -> None:
    assert http.post("/files/list", json={"partition": partition}).status_code == 400
    assert http.get("/files", params={"partition": partition}).status_code == 400


def test_limit_defaults_to_100(http) -> None:
    assert len(http.post("/files/list", json={}).json()["items"]) == 100
    assert len(http.get("/files").json()["items"]) == 100
    assert len(http.get("/assets").json()["items"]) == 100


@pytest.mark.parametrize(
    ("limit", "post", "get"), [(0, 400, 400), (-1, 400, 400), (1000, 200, 200), (1001, 400, 200)]
)
def test_limit_edges_post_rejects_above_1000_and_get_clamps(http, limit, post, get) -> None:
    assert http.post("/files/list", json={"limit": limit}).status_code == post
    response = http.get("/files", params={"limit": limit})
    assert response.status_code == get
    if get == 200:
        assert len(response.json()["items"]) == 1000


@pytest.mark.parametrize("limit", ["abc", "1.5", "true"])
def test_non_integer_limits_are_400(http, limit) -> None:
    assert http.get("/assets", params={"limit": limit}).status_code == 400
    assert http.post("/files/list", json={"limit": limit}).status_code == 400


def test_post_limit_above_1000_can_be_clamped_instead(api) -> None:
    fake = FakeCDF.generate(files=1500, clamp_post_limit=True)
    with api(fake) as client:
        assert len(client.post("/files/list", json={"limit": 5000}).json()["items"]) == 1000


def test_assets_page_through_the_hierarchy_in_id_order(plant: FakeCDF, http) -> None:
    ids, cursor = [], None
    while True:
        params = {"limit": 50} if cursor is None else {"limit": 50, "cursor": cursor}
        page = http.get("/assets", params=params).json()
        ids += [a["id"] for a in page["items"]]
        if (cursor := page.get("nextCursor")) is None:
            break
    assert ids == [a["id"] for a in plant.assets]
