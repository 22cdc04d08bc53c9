"""Resuming never silently repeats or loses items: checkpoints are range-checked, refetched pages too.

The issue's example: a listing stopped at item 250 of a 300-item page resumed against a server that
now pages by 100; the refetched page is shorter than the checkpoint's position, and the client used
to deliver 1,150 items for 1,000. A server on 127.0.0.1 that pages as told reproduces it exactly.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from _reliability import KINDS, RecordingServer, failure, reply, run

from cdf_client import Checkpoint, InvalidArgumentError, PartitionState, StaleCheckpointError
from cdf_client.testing import FakeCDF

TOTAL = 1_000


class Pager:
    """GET /files over ids 1..1000 (partition m/N: ids = m mod N), at most `page` items per answer."""

    def __init__(self) -> None:
        self.page = 300
        self.server = RecordingServer(self.respond)

    def respond(self, handler):
        query = {key: values[0] for key, values in parse_qs(urlsplit(handler.path).query).items()}
        index, count = map(int, query.get("partition", "1/1").split("/"))
        ids = [i for i in range(1, TOTAL + 1) if i % count == index % count]
        start = int(query.get("cursor", "0"))
        end = start + min(int(query["limit"]), self.page)
        body = {"items": [{"id": i, "name": f"f{i}", "createdTime": 0, "lastUpdatedTime": 0, "uploaded": True}
                          for i in ids[start:end]]}  # fmt: skip
        if end < len(ids):
            body["nextCursor"] = str(end)
        reply(handler, 200, json.dumps(body).encode(), headers={"x-request-id": "pager"})


def _stopped_at(client, stop, partitions):
    """Take `stop` items of a listing; return them and its checkpoint (what a crashed consumer left)."""
    listing = client.files.list(page_size=300, partitions=partitions)
    taken = []
    for item in listing:
        taken.append(item.id)
        if len(taken) == stop:
            break
    return taken, listing.checkpoint.to_json()


@pytest.mark.parametrize("partitions", [None, 2])
def test_a_refetched_page_shorter_than_the_checkpoint_is_a_stale_checkpoint_not_1150_for_1000(
    partitions, figures
):
    pager = Pager()
    with pager.server.running():
        base = {"project": "demo", "base_url": f"http://127.0.0.1:{pager.server.port}", "token": "t"}
        taken, checkpoint = run("sync", lambda c: _stopped_at(c, 250, partitions), **base)
        assert len(taken) == 250
        skips = [state["skip"] for state in json.loads(checkpoint)["partitions"]]
        assert max(skips) > 100  # stopped in the middle of a page, past where a 100-item page ends
        pager.page = 100  # the server now pages by 100: the refetched page ends before the position
        for kind in ("sync", "async"):
            listing = lambda c: c.files.list(page_size=300, partitions=partitions, resume_from=checkpoint)  # noqa: E731
            error, _ = failure(kind, lambda c, listing=listing: listing(c).to_list(), **base)
            assert type(error) is StaleCheckpointError
            assert "fetched again it holds 100" in str(error)
    figures.update(requests=len(pager.server.requests))


def _checkpoint_of_a_listing_stopped_midpage():
    fake = FakeCDF.generate(files=500, seed=3)
    with fake.client() as client:
        listing = client.files.filter(page_size=100, partitions=2)
        for n, _ in enumerate(listing):
            if n == 130:
                break
        return fake, listing.checkpoint.to_dict()


def _edit(data, path, value):
    data = json.loads(json.dumps(data))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


BAD_PROGRESS = {
    "negative-skip": (("partitions", 0, "skip"), -1),
    "skip-of-a-whole-page": (("partitions", 0, "skip"), 1000),
    "skip-larger-than-any-page": (("partitions", 1, "skip"), 5000),
    "skip-as-string": (("partitions", 0, "skip"), "3"),
    "skip-as-float": (("partitions", 0, "skip"), 2.5),
    "skip-as-bool": (("partitions", 0, "skip"), True),
    "negative-yielded": (("yielded",), -5),
    "yielded-as-string": (("yielded",), "130"),
    "done-as-string": (("partitions", 0, "done"), "false"),
    "done-with-a-cursor": (("partitions", 0, "done"), True),
    "empty-cursor": (("partitions", 0, "cursor"), ""),
    "cursor-as-number": (("partitions", 0, "cursor"), 17),
    "no-partitions": (("partitions",), []),
}


@pytest.mark.parametrize("case", sorted(BAD_PROGRESS))
@pytest.mark.parametrize("kind", KINDS)
def test_a_checkpoint_with_progress_out_of_range_is_refused_before_any_request(kind, case, figures):
    fake, checkpoint = _checkpoint_of_a_listing_stopped_midpage()
    assert any(state["skip"] for state in checkpoint["partitions"])
    if case == "done-with-a-cursor":
        checkpoint = _edit(checkpoint, ("partitions", 0, "cursor"), "abc")
    bad = _edit(checkpoint, *BAD_PROGRESS[case])
    fake.clear_requests()
    options = {
        "project": fake.project,
        "base_url": fake.base_url,
        "token": fake.token,
        "transport": fake.transport(),
    }
    # Its dict, its JSON, and a Checkpoint object built by hand from the same fields.
    states = tuple(PartitionState(s["cursor"], s["skip"], s["done"]) for s in bad["partitions"])
    built = Checkpoint(bad["operation"], bad["fingerprint"], states, bad["yielded"])
    for given in (bad, json.dumps(bad), built):
        error, _ = failure(
            kind,
            lambda c, given=given: c.files.filter(page_size=100, partitions=2, resume_from=given),
            **options,
        )
        assert type(error) is InvalidArgumentError, error
        assert error.argument == "resume_from"
    assert fake.requests == []
    figures.update(inputs_tried=3)
