"""Property tests over every public method's arguments: a typed error before any request, or a good request.

For each generated call the outcome is one of
- `InvalidArgumentError` (a `ValueError` from cdf_client) and the fake saw no request at all, or
- requests the fake accepts (never a 400 for input the client let through; `NotFoundError` for unknown
  ids is a correct answer to a correct request), and never any other exception.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from _reliability import scale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdf_client import (
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


def test_client_constructor_arguments(figures):
    """Construction never sends a request; bad settings are InvalidArgumentError, never another error."""
    tally = _Tally()
    counter = itertools.count()

    @SETTINGS
    @given(
        st.fixed_dictionaries(
            {"project": st.just("demo") | strings},
            optional={
                "base_url": strings
                | st.sampled_from(["http://127.0.0.1:1", "ftp://x", "https://", "//h"] * 3),
                "cluster": strings | st.sampled_from(["westeurope-1", "Bad Cluster", "a/b"]),
                "token": strings | st.just(lambda: "t"),
                "max_retries": st.integers(-2, 200) | st.booleans(),
                "max_concurrency": st.integers(-2, 200) | st.booleans(),
                "app_name": strings,
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
