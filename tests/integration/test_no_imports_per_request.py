"""A listing runs no import machinery per request: every dependency is found once, at import."""

import sys

from cdf_client import CDFClient
from cdf_client.testing import FakeCDF


class CountingFinder:
    """A meta path finder that only counts the module searches that reach it."""

    def __init__(self):
        self.searched: list[str] = []

    def find_spec(self, name, path=None, target=None):  # noqa: ARG002 - the finder protocol
        self.searched.append(name)


def test_a_warm_listing_over_loopback_searches_for_no_module():
    fake = FakeCDF.generate(files=2_000, seed=0)
    # Over a real socket: httpcore's connection pool is where a missing sniffio cost a search per request.
    with (
        fake.serve() as base_url,
        CDFClient(project=fake.project, base_url=base_url, token=fake.token) as client,
    ):
        client.files.filter(page_size=100).to_list()  # first use may import lazily
        finder = CountingFinder()
        sys.meta_path.insert(0, finder)
        try:
            items = client.files.filter(page_size=100).to_list()
        finally:
            sys.meta_path.remove(finder)
    assert len(items) == 2_000
    assert finder.searched == []
