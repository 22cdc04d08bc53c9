"""AsyncCDFClient against the fake CDF: the same behaviour as the sync client, awaited."""

import asyncio

import pytest

from cdf_client import AsyncCDFClient, InvalidArgumentError, NotFoundError
from cdf_client.testing import FakeCDF

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
def fake():
    return FakeCDF.generate(files=1500, seed=5)


@pytest.fixture
async def client(fake):
    fake.clear_requests()
    async with AsyncCDFClient(
        project=fake.project, base_url=fake.base_url, token=fake.token, transport=fake.transport()
    ) as c:
        yield c


async def test_filter_iterates_every_page(fake, client):
    ids = [f.id async for f in client.files.filter(page_size=400)]
    assert ids == [f["id"] for f in fake.files]
    assert len([r for r in fake.requests if r.path.endswith("/files/list")]) == 4


async def test_partitions_with_limit_and_pages(client):
    files = await client.files.filter(partitions=3, limit=700, page_size=100).to_list()
    assert len({f.id for f in files}) == 700
    pages = [page async for page in client.files.list(page_size=600).pages()]
    assert [len(p.items) for p in pages] == [600, 600, 300]


async def test_resume_from_checkpoint(fake, client):
    listing = client.files.filter(partitions=2, page_size=128)
    seen = []
    async for file in listing:
        seen.append(file.id)
        if len(seen) == 333:
            break
    rest = await client.files.filter(
        partitions=2, page_size=128, resume_from=listing.checkpoint.to_dict()
    ).to_list()
    assert sorted(seen + [f.id for f in rest]) == sorted(f["id"] for f in fake.files)


async def test_get_retrieve_and_not_found(fake, client):
    wire = fake.files[3]
    assert (await client.files.get(wire["id"])).dump() == wire
    files = await client.files.retrieve([f["id"] for f in fake.files] * 2)
    assert len(files) == 1500
    with pytest.raises(NotFoundError) as info:
        await client.files.retrieve([1, wire["id"]])
    assert info.value.missing == [1]


async def test_assets_list_pages_through_everything(fake, client):
    assets = await client.assets.list(page_size=50).to_list()
    assert [a.id for a in assets] == [a["id"] for a in fake.assets]


async def test_bad_input_raises_at_call_time(fake, client):
    with pytest.raises(InvalidArgumentError, match="partitions"):
        client.files.filter(partitions=0)
    with pytest.raises(InvalidArgumentError, match="limit"):
        client.assets.list(limit=-1)
    assert fake.requests == []


async def test_concurrent_callers_share_one_budget(fake):
    async with AsyncCDFClient(
        project=fake.project,
        base_url=fake.base_url,
        token=fake.token,
        transport=fake.transport(),
        max_concurrency=3,
    ) as c:
        await asyncio.gather(
            *(c.files.filter(partitions=4, page_size=100).to_list() for _ in range(3)),
            c.files.retrieve([f["id"] for f in fake.files]),
        )
        assert c._core.budget.peak_in_flight <= 3
