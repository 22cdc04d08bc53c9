"""Partitions hold the ids CDF's recorded responses put in them: `m/N` is `[(m-1)*2**53/N, m*2**53/N)`."""

import pytest

from cdf_client.testing import FakeCDF

# Recorded facts from live CDF (project "playground"), copied from the public repository
# cognitedata/cognite-sdk-scala at commit c45b365e990c10c53f93b76d6f8b52de6591e705, under
# src/test/resources/cassettes/ (bodies over 1 KB are gzip+base64 under `content.gzipped`):
#   files:  FilesTest/should-read-all-items-using-partitions.json (GET /files?partition=m/10, all 68 files)
#           FilesTest/should-read-items-with-partitions.json (GET /files?partition=m/2)
#   assets: AssetsTest/should-read-all-items-using-partitions.json (GET /assets?partition=m/10, all 6,777)
#           AssetsTest/should-read-items-with-partitions.json (GET /assets?partition=m/2, first page of each)
# Each row is (id, the m of "m/10" CDF returned it in, the m of "m/2", or None when no recorded
# response shows it). The rows are the smallest and largest recorded id of every tenth: the items
# nearest the partition boundaries, where a split of the data's own id range puts them elsewhere.
RECORDED_FILES = [
    (83183241643089, 1, 1),
    (814324404296660, 1, 1),
    (912351745834156, 2, 1),
    (1297931287281061, 2, 1),
    (1863583527235893, 3, 1),
    (2552116446452141, 3, 1),
    (2972830086522124, 4, 1),
    (3472485839570653, 4, 1),
    (3624502107724762, 5, 1),
    (4461183991517102, 5, 1),
    (4567530865016006, 6, 2),
    (5228129120481479, 6, 2),
    (5424509985686164, 7, 2),
    (6219021049797008, 7, 2),
    (6307029110435324, 8, 2),
    (6851501995486113, 8, 2),
    (7735543754455116, 9, 2),
    (8091009944047160, 9, 2),
    (8263595023253586, 10, 2),
    (8672379986634544, 10, 2),
]
RECORDED_ASSETS = [
    (182529235222, 1, 1),
    (900605954650907, 1, 1),
    (903148609162709, 2, 1),
    (1800763155750064, 2, None),
    (1801868905287684, 3, None),
    (2701919572060793, 3, None),
    (2703949056168057, 4, None),
    (3601641738368878, 4, None),
    (3604252424186508, 5, None),
    (4502884019731933, 5, None),
    (4505951615891828, 6, 2),
    (5403592571712605, 6, 2),
    (5404459349178528, 7, 2),
    (6304065826340599, 7, None),
    (6305900723610049, 8, None),
    (7203841603745572, 8, None),
    (7205875339522540, 9, None),
    (8105884511119099, 9, None),
    (8112857979720349, 10, None),
    (9004552954785978, 10, None),
]


@pytest.fixture(scope="module")
def recorded() -> FakeCDF:
    return FakeCDF(
        files=[{"id": i, "name": f"file-{i}"} for i, _, _ in RECORDED_FILES],
        assets=[{"id": i, "name": f"asset-{i}"} for i, _, _ in RECORDED_ASSETS],
    )


def _partition_of(client, path: str, n: int, *, post: bool = False) -> dict[int, int]:
    """Ask for every partition `m/N` and return which one each id came back in."""
    found: dict[int, int] = {}
    for m in range(1, n + 1):
        if post:
            response = client.post(path, json={"partition": f"{m}/{n}", "limit": 1000})
        else:
            response = client.get(path, params={"partition": f"{m}/{n}", "limit": 1000})
        assert response.status_code == 200, response.text
        page = response.json()
        assert "nextCursor" not in page
        for item in page["items"]:
            assert item["id"] not in found, "partitions overlap"
            found[item["id"]] = m
    return found


@pytest.mark.parametrize("n", [10, 2])
def test_files_land_in_the_partitions_cdf_returned_them_in(recorded, api, n) -> None:
    want = {i: m10 if n == 10 else m2 for i, m10, m2 in RECORDED_FILES}
    with api(recorded) as client:
        assert _partition_of(client, "/files", n) == want
        assert _partition_of(client, "/files/list", n, post=True) == want


@pytest.mark.parametrize("n", [10, 2])
def test_assets_land_in_the_partitions_cdf_returned_them_in(recorded, api, n) -> None:
    with api(recorded) as client:
        got = _partition_of(client, "/assets", n)
    assert sorted(got) == [i for i, _, _ in RECORDED_ASSETS]  # complete: every asset in one partition
    want = {i: m10 if n == 10 else m2 for i, m10, m2 in RECORDED_ASSETS}
    assert {i: m for i, m in got.items() if want[i] is not None} == {
        i: m for i, m in want.items() if m is not None
    }


def test_small_ids_all_fall_in_the_first_partition_as_in_cdf(api) -> None:
    # Ids far below 2**53 / 2 all belong to "1/2"; "2/2" is empty (CDF does not balance by count).
    fake = FakeCDF(files=[{"id": i, "name": f"f{i}"} for i in (1, 2, 1000, 10**12)])
    with api(fake) as client:
        assert _partition_of(client, "/files", 2) == {1: 1, 2: 1, 1000: 1, 10**12: 1}
