"""Property tests over every public method's arguments: a typed error before any request, or a good request.

For each generated call the outcome is one of
- `InvalidArgumentError` (a `ValueError` from cdf_client) and the fake saw no request at all, or
- requests the fake accepts (never a 400 for input the client let through; `NotFoundError` for unknown
  ids is a correct answer to a correct request), and never any other exception.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import math

import httpx
import pytest
from _reliability import run, scale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdf_client import (
    AsyncCDFClient,
    CDFClient,
    GeoLocationFilter,
    GeoShape,
    InstanceId,
    InvalidArgumentError,
    LabelFilter,
    NotFoundError,
    TimeRange,
)
from cdf_client.testing import FakeCDF
from cdf_client_api import rules

EXAMPLES = scale(300, 3_000)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Inputs straddle the spec's limits, read where the client reads them.
MAX_ID = rules.CogniteInternalId.maximum
LIST_MAX = rules.AssetIds.max_items
PAGE_MAX = rules.FileFilterRequest.limit.maximum
PARTITIONS_MAX = rules.PartitionLimited10.max_partitions
CHUNK = rules.FileDataIdsWithIgnoreUnknownIds.items.max_items

# Text that stresses encodings and parsers: control characters, separators of URLs, non-BMP, surrogates.
_CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from([*"/?#%&=+ \t\n\r\x00\x7f\u200b\u202e\ufeff\U0001f600é中", "\ud800", "\udfff"]),
)
text = st.text(_CHARS, max_size=20) | st.text(_CHARS, min_size=250, max_size=600)
not_a_str = st.one_of(st.integers(), st.floats(), st.none(), st.booleans(), st.binary(max_size=4))
strings = text | not_a_str
ids = st.one_of(
    st.integers(1, MAX_ID),
    st.integers(-3, 0),
    st.integers(MAX_ID, MAX_ID + 3),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=3),
)
id_lists = st.one_of(
    st.lists(ids, max_size=3),
    st.lists(st.integers(1, MAX_ID), min_size=LIST_MAX - 1, max_size=LIST_MAX + 3),
    ids,
)
str_lists = st.one_of(
    st.lists(strings, max_size=3), st.lists(text, min_size=LIST_MAX - 1, max_size=LIST_MAX + 3), strings
)
either_lists = st.one_of(st.lists(ids | strings, max_size=3), ids)
# hypothesis wants naive bounds; `timezones` decides whether the drawn values are aware.
aware = st.datetimes(
    min_value=dt.datetime(1969, 12, 31),  # noqa: DTZ001
    max_value=dt.datetime(2200, 1, 1),  # noqa: DTZ001
    timezones=st.just(dt.UTC),
)
naive = st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1))  # noqa: DTZ001
stamps = st.one_of(st.integers(-5, 2**62), aware, naive, st.floats(), st.text(max_size=5))
bounds = st.one_of(
    st.builds(TimeRange, min=st.none() | stamps, max=st.none() | stamps),
    st.tuples(st.none() | stamps, st.none() | stamps),
    st.tuples(stamps),
    stamps,
)
limits = st.one_of(st.none(), st.integers(-2, 3), st.integers(10**6, 10**7), st.booleans(), st.floats())
page_sizes = st.one_of(
    st.integers(-1, 3), st.integers(PAGE_MAX - 2, PAGE_MAX + 2), st.booleans(), st.text(max_size=2)
)
partitions = st.one_of(
    st.none(), st.integers(-1, PARTITIONS_MAX + 2), st.booleans(), st.floats(), st.text(max_size=2)
)
bools = st.one_of(st.booleans(), st.integers(0, 1), st.none(), st.text(max_size=3))
instance_ids = st.builds(InstanceId, strings, strings) | st.builds(
    InstanceId,
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    st.from_regex(r"[a-z]\w{0,10}", fullmatch=True),
)
metadata = st.one_of(
    st.dictionaries(strings, strings, max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.text(max_size=5), min_size=255, max_size=258),
    strings,
)
labels = st.one_of(
    st.builds(LabelFilter, contains_any=st.none() | str_lists, contains_all=st.none() | str_lists), strings
)
coordinates = st.lists(
    st.lists(st.floats(-180, 180) | st.text(max_size=2), min_size=2, max_size=2), max_size=4
)
geo = st.one_of(
    st.builds(
        GeoLocationFilter,
        st.sampled_from(["intersects", "WITHIN", "disjoint", "near"]) | strings,
        st.builds(GeoShape, st.sampled_from(["Point", "Polygon", "MultiPoint", "Circle"]), coordinates)
        | st.fixed_dictionaries({"type": strings, "coordinates": coordinates}),
    ),
    strings,
)
paging = {"limit": limits, "page_size": page_sizes, "partitions": partitions}
seconds = st.one_of(st.none(), st.floats(), st.integers(-2, 10**6), st.booleans(), st.text(max_size=3))


@pytest.fixture(scope="module")
def world():
    fake = FakeCDF.generate(files=300, seed=4)
    with CDFClient(
        project=fake.project,
        base_url=fake.base_url,
        token=fake.token,
        transport=fake.transport(),
        max_retries=0,
    ) as client:
        yield fake, client


def _judge(fake, action, *, not_found_ok=False):
    """Run `action`; return "refused" or "sent", failing on anything but the two acceptable outcomes."""
    before = len(fake.requests)
    try:
        action()
    except InvalidArgumentError:
        assert fake.requests[before:] == [], "a refused input must not send a request"
        return "refused"
    except NotFoundError:
        if not not_found_ok:
            raise
    sent = fake.requests[before:]
    rejected = [r for r in sent if r.status == 400 and not not_found_ok]
    assert not rejected, f"the client let through a request the fake rejects: {rejected[0]!r}"
    assert all(r.status in {200, 400} for r in sent), sent
    return "sent"


def _arguments(strategies):
    """Half one argument alone (so its own problems surface), half any combination of them."""
    alone = st.sampled_from(sorted(strategies)).flatmap(
        lambda name: strategies[name].map(lambda v: {name: v})
    )
    return st.one_of(alone, st.fixed_dictionaries({}, optional=strategies))


def _first_page(listing):
    return next(iter(listing.dicts().pages()), None)


class _Tally:
    def __init__(self):
        self.outcomes = {"refused": 0, "sent": 0}

    def add(self, outcome):
        self.outcomes[outcome] += 1

    def record(self, figures):
        figures.update(
            inputs_tried=sum(self.outcomes.values()), **{f"inputs_{k}": v for k, v in self.outcomes.items()}
        )
        # Both outcomes were exercised: the strategies are neither all-valid nor all-garbage.
        assert self.outcomes["refused"] > 0


FILTER_ARGS = {
    "name": strings,
    "directory_prefix": strings,
    "mime_type": strings,
    "metadata": metadata,
    "asset_ids": id_lists,
    "asset_external_ids": str_lists,
    "root_asset_ids": either_lists,
    "data_set_ids": either_lists,
    "asset_subtree_ids": either_lists,
    "source": strings,
    "created_time": bounds,
    "last_updated_time": bounds,
    "uploaded_time": bounds,
    "source_created_time": bounds,
    "source_modified_time": bounds,
    "external_id_prefix": strings,
    "uploaded": bools,
    "labels": labels,
    "geo_location": geo,
    **paging,
}


def test_files_filter_arguments(world, figures):
    fake, client = world
    tally = _Tally()

    @SETTINGS
    @given(_arguments(FILTER_ARGS))
    def check(kwargs):
        tally.add(_judge(fake, lambda: _first_page(client.files.filter(**kwargs))))

    check()
    tally.record(figures)


LIST_ARGS = {
    "name": strings,
    "mime_type": strings,
    "source": strings,
    "asset_ids": id_lists,
    "asset_external_ids": str_lists,
    "data_set_ids": either_lists,
    "root_asset_ids": id_lists,
    "asset_subtree_ids": id_lists,
    "asset_subtree_external_ids": str_lists,
    **{f"{end}_{field}_time": stamps for end in ("min", "max") for field in ("created", "last_updated")},
    **{f"{end}_{field}_time": stamps for end in ("min", "max") for field in ("uploaded", "source_created")},
    "min_source_modified_time": stamps,
    "max_source_modified_time": stamps,
    "external_id_prefix": strings,
    "uploaded": bools,
    **paging,
}


def test_files_list_arguments(world, figures):
    fake, client = world
    tally = _Tally()

    @SETTINGS
    @given(_arguments(LIST_ARGS))
    def check(kwargs):
        tally.add(_judge(fake, lambda: _first_page(client.files.list(**kwargs))))

    check()
    tally.record(figures)


ASSET_ARGS = {
    "include_metadata": bools,
    "name": strings,
    "parent_ids": id_lists,
    "parent_external_ids": str_lists,
    "root_ids": id_lists,
    "asset_subtree_ids": id_lists,
    "asset_subtree_external_ids": str_lists,
    "source": strings,
    "root": bools,
    **{f"{end}_{field}_time": stamps for end in ("min", "max") for field in ("created", "last_updated")},
    "external_id_prefix": strings,
    **paging,
}


def test_assets_list_arguments(world, figures):
    fake, client = world
    tally = _Tally()

    @SETTINGS
    @given(_arguments(ASSET_ARGS))
    def check(kwargs):
        tally.add(_judge(fake, lambda: _first_page(client.assets.list(**kwargs))))

    check()
    tally.record(figures)


def test_files_get_arguments(world, figures):
    fake, client = world
    tally = _Tally()
    known = st.sampled_from([f["id"] for f in fake.files[:20]])

    @SETTINGS
    @given(ids | known | strings | st.builds(InstanceId, text, text))
    def check(value):
        tally.add(_judge(fake, lambda: client.files.get(value), not_found_ok=True))

    check()
    tally.record(figures)


def test_files_retrieve_arguments(world, figures):
    fake, client = world
    tally = _Tally()
    known = st.sampled_from(
        [f["id"] for f in fake.files] + [f["externalId"] for f in fake.files if "externalId" in f]
    )
    identifier = st.one_of(known, ids, strings, instance_ids)
    identifiers = st.one_of(
        st.lists(identifier, max_size=5),
        st.lists(known, min_size=1, max_size=30).map(lambda xs: xs * 40),  # > 1000 with duplicates
        st.lists(st.integers(1, MAX_ID), min_size=CHUNK + 1, max_size=CHUNK + 3),
        identifier,
        st.builds(iter, st.lists(known, max_size=3)),
    )

    @SETTINGS
    @given(identifiers, st.one_of(st.booleans(), bools))
    def check(values, ignore):
        tally.add(
            _judge(fake, lambda: client.files.retrieve(values, ignore_unknown_ids=ignore), not_found_ok=True)
        )

    check()
    tally.record(figures)


URLS = [
    "http://127.0.0.1:1", "ftp://x", "https://", "//h", "https://h/x?y=1", "https://h#f", "https://h/?",
    "https://u:p@h", "https://tok@h",
]  # fmt: skip


def test_client_constructor_arguments(figures):
    """Construction never sends a request; bad settings are InvalidArgumentError, never another error."""
    tally = _Tally()
    counter = itertools.count()

    @SETTINGS
    @given(
        st.fixed_dictionaries(
            {"project": st.just("demo") | strings},
            optional={
                "base_url": strings | st.sampled_from(URLS * 3),
                "cluster": strings | st.sampled_from(["westeurope-1", "Bad Cluster", "a/b"]),
                "token": strings | st.just(lambda: "t"),
                "max_retries": st.integers(-2, 200) | st.booleans(),
                "max_concurrency": st.integers(-2, 200) | st.booleans(),
                "app_name": strings,
                "timeout": seconds | st.builds(httpx.Timeout, seconds, read=seconds),
                "deadline": seconds,
                "max_response_bytes": st.integers(-2, 2**33) | st.booleans() | st.floats(),
            },
        )
    )
    def check(kwargs):
        next(counter)
        try:
            CDFClient(**kwargs).close()
        except InvalidArgumentError:
            tally.add("refused")
        else:
            tally.add("sent")

    check()
    tally.record(figures)


# A table of the inputs issue 11 found slipping through, and their neighbours: each is refused by the
# constructor (sync and async alike), and no request is sent.

BAD_CONSTRUCTOR = {
    "timeout=-1": {"timeout": -1},
    "timeout=0": {"timeout": 0},
    "timeout=nan": {"timeout": math.nan},
    "timeout=inf": {"timeout": math.inf},
    "timeout='x'": {"timeout": "x"},
    "timeout=True": {"timeout": True},
    "timeout=Timeout(-1)": {"timeout": httpx.Timeout(-1)},
    "timeout=Timeout(read=0)": {"timeout": httpx.Timeout(5, read=0)},
    "timeout=Timeout(nan)": {"timeout": httpx.Timeout(math.nan)},
    "deadline=0": {"deadline": 0},
    "deadline=-1": {"deadline": -1},
    "deadline=nan": {"deadline": math.nan},
    "deadline=None": {"deadline": None},
    "deadline='60'": {"deadline": "60"},
    "max_response_bytes=0": {"max_response_bytes": 0},
    "max_response_bytes=100": {"max_response_bytes": 100},
    "max_response_bytes=2**40": {"max_response_bytes": 2**40},
    "max_response_bytes=1.5e6": {"max_response_bytes": 1.5e6},
    "max_response_bytes=True": {"max_response_bytes": True},
    "app_name non-ASCII": {"app_name": "naïve-exporter"},
    "app_name newline": {"app_name": "exporter\n"},
    "base_url with a query": {"base_url": "https://h.example/api?x=1"},
    "base_url with a fragment": {"base_url": "https://h.example/#frag"},
    "base_url with an empty query": {"base_url": "https://h.example/?"},
    "base_url with a password": {"base_url": "https://user:pw@h.example"},
    "project with NUL": {"project": "de\x00mo"},
    "project with a newline": {"project": "demo\n"},
    "project with a lone surrogate": {"project": "de\ud800mo"},
    "empty token": {"token": ""},
    "whitespace token": {"token": " \n"},
    "token with a space": {"token": "abc def"},
    "token with NUL": {"token": "abc\x00def"},
    "non-ASCII token": {"token": "tøken"},
    "token not a str": {"token": 5},
}


def _construct(kind, options):
    if kind == "sync":
        CDFClient(**options).close()
    else:
        asyncio.run(AsyncCDFClient(**options).aclose())


@pytest.mark.parametrize("case", sorted(BAD_CONSTRUCTOR))
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_constructor_arguments_that_slipped_through_are_refused(kind, case, figures):
    fake = FakeCDF.generate(files=5, seed=1)
    options = {
        "project": fake.project,
        "base_url": fake.base_url,
        "token": fake.token,
        "transport": fake.transport(),
    }
    options |= BAD_CONSTRUCTOR[case]
    with pytest.raises(InvalidArgumentError) as info:
        _construct(kind, options)
    assert info.value.argument.split(".")[0] in BAD_CONSTRUCTOR[case]
    assert fake.requests == []
    figures.update(inputs_tried=1)


def test_a_token_with_surrounding_whitespace_is_stripped_and_timeouts_in_range_are_taken():
    fake = FakeCDF.generate(files=5, seed=1)
    for token in (f"{fake.token}\n", f"  {fake.token}\r\n", f"\t{fake.token}"):
        with CDFClient(
            project=fake.project,
            base_url=fake.base_url,
            token=token,
            transport=fake.transport(),
            timeout=httpx.Timeout(5, read=None),
            deadline=30,
            max_response_bytes=2**20,
        ) as client:
            assert len(client.files.list().to_list()) == 5
    assert {r.headers["authorization"] for r in fake.requests} == {f"Bearer {fake.token}"}


BAD_CALLS = {
    "geo NaN": lambda c: c.files.filter(
        geo_location=GeoLocationFilter("within", GeoShape("Point", [math.nan, 1.0]))
    ),
    "geo inf": lambda c: c.files.filter(
        geo_location=GeoLocationFilter(
            "intersects", GeoShape("Polygon", [[[0, 0], [math.inf, 1], [1, 1], [0, 0]]])
        )
    ),
    "geo None": lambda c: c.files.filter(
        geo_location=GeoLocationFilter("within", GeoShape("Point", [None, 1.0]))
    ),
    "geo bool": lambda c: c.files.filter(
        geo_location=GeoLocationFilter("within", GeoShape("Point", [True, 1.0]))
    ),
    "files.list min>max created": lambda c: c.files.list(min_created_time=2_000, max_created_time=1_000),
    "files.list min>max uploaded": lambda c: c.files.list(
        min_uploaded_time=dt.datetime(2024, 1, 2, tzinfo=dt.UTC),
        max_uploaded_time=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    ),
    "files.list min>max source modified": lambda c: c.files.list(
        min_source_modified_time=5, max_source_modified_time=4
    ),
    "assets.list min>max created": lambda c: c.assets.list(min_created_time=2, max_created_time=1),
    "assets.list min>max last updated": lambda c: c.assets.list(
        min_last_updated_time=9, max_last_updated_time=8
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CALLS))
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_method_arguments_that_slipped_through_are_refused_before_any_request(kind, case, figures):
    fake = FakeCDF.generate(files=5, seed=1)
    options = {
        "project": fake.project,
        "base_url": fake.base_url,
        "token": fake.token,
        "transport": fake.transport(),
    }

    with pytest.raises(InvalidArgumentError):
        run(kind, lambda c: BAD_CALLS[case](c).to_list(), **options)
    assert fake.requests == []
    figures.update(inputs_tried=1)
