"""Change constraints in a copy of the spec, regenerate, and the overlay, the CLI and the fake all follow.

Nothing but the spec changes: the copy is regenerated into a temporary folder with
`scripts/regenerate --spec ... --output ...`, and `_rules_probe.py` runs in a subprocess with that
generated package and this checkout's overlay first on its path. Every check of the probe names an
input just past (or within) one mutated limit; its outcome must be what the mutated spec says, and
must differ from what the committed code gives, so each check proves that the limit moved.

The constraints differ in kind (an item count, string lengths, an id bound, a pattern, the byids
chunk, the partition bound derived from its pattern, per-operation page sizes, a map size, an enum,
a timestamp minimum, a vendor extension, the documented request budget), tightened or loosened, and
are mutated together in one copy so the generators run once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from _openapi import REGENERATE, ROOT, SPEC_PATH, require_generators

PROBE = Path(__file__).with_name("_rules_probe.py")

# (path in the spec, new value). Loosened limits keep the fake's generated data valid.
MUTATIONS: list[tuple[tuple[str, ...], Any]] = [
    (("components", "schemas", "AssetIds", "maxItems"), 3),
    (("components", "schemas", "FileName", "maxLength"), 300),
    (("components", "schemas", "AssetName", "maxLength"), 200),
    (("components", "schemas", "CogniteInternalId", "maximum"), 10**12),
    (("components", "schemas", "InstanceSpace", "pattern"), "^[a-zA-Z0-9][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$"),
    (("components", "schemas", "FileDataIdsWithIgnoreUnknownIds", "properties", "items", "maxItems"), 4),
    (("components", "schemas", "PartitionLimited10", "pattern"), "^[1-9][0-9]*/([1-9]|1[0-2])$"),
    (("components", "parameters", "Limit", "schema", "maximum"), 500),
    (("components", "schemas", "FileFilterRequest", "properties", "limit", "maximum"), 200),
    (("components", "schemas", "FilesMetadataField", "maxProperties"), 300),
    (
        ("components", "schemas", "GeoLocationFilter", "properties", "relation", "enum"),
        ["INTERSECTS", "WITHIN"],
    ),
    (("components", "schemas", "LabelContainsAnyFilter", "properties", "containsAny", "maxItems"), 2),
    (("components", "schemas", "EpochTimestamp", "minimum"), 1000),
    (("components", "schemas", "AssetSubtreeIds", "x-maxSubtreeAssets"), 2),
    (("paths", "/files/list", "post", "x-cdf-request-budget", "requestsPerSecond"), 5),
]

# check -> its outcome once the spec is mutated (the committed code must give something else).
EXPECTED = {
    "asset_ids/overlay filter": "refused",
    "asset_ids/overlay list": "refused",
    "asset_ids/overlay assets": "refused",
    "asset_ids/cli list": "exit 2, sent 0",
    "asset_ids/cli assets": "exit 2, sent 0",
    "asset_ids/fake filter": "400",
    "asset_ids/fake list": "400",
    "asset_ids/fake assets": "400",
    "name/overlay filter": "sent 1: 200",
    "name/overlay list": "sent 1: 200",
    "name/cli filter": "exit 0, sent 1",
    "name/fake filter": "200: 0 items",
    "name/fake list": "200: 0 items",
    "asset_name/overlay": "sent 1: 200",
    "asset_name/cli": "exit 0, sent 1",
    "asset_name/fake": "200: 0 items",
    "id/overlay get": "refused",
    "id/overlay retrieve": "refused",
    "id/overlay filter": "refused",
    "id/cli get": "exit 2, sent 0",
    "id/fake get": "400",
    "id/fake retrieve": "400",
    "space/overlay": "sent 1: 200",
    "space/cli": "exit 0, sent 1",
    "space/fake": "200: 0 items",
    # Ten identifiers now go out as three chunks.
    "byids/overlay": "sent 3: 200",
    "byids/cli": "exit 0, sent 3",
    "byids/fake": "400",
    # Twelve partitions, one page each.
    "partitions/overlay filter": "sent 12: 200",
    "partitions/overlay list": "sent 12: 200",
    "partitions/overlay assets": "sent 12: 200",
    "partitions/cli list": "exit 0, sent 12",
    "partitions/cli assets": "exit 0, sent 12",
    "partitions/fake filter": "200: 1 items",
    "partitions/fake list": "200: 1 items",
    "partitions/fake assets": "200: 1 items",
    "page/overlay list": "refused",
    "page/overlay assets": "refused",
    "page/cli list": "exit 2, sent 0",
    # GET clamps a larger limit to the maximum, as CDF documents.
    "page/fake list": "200: 500 items",
    "page/fake assets": "200: 500 items",
    "post_page/overlay": "refused",
    "post_page/cli": "exit 2, sent 0",
    "post_page/fake": "400",
    "metadata/overlay": "sent 1: 200",
    "metadata/cli": "exit 0, sent 1",
    "metadata/fake": "200: 0 items",
    "relation/overlay": "refused",
    "relation/cli": "exit 2, sent 0",
    "relation/fake": "400",
    "labels/overlay": "refused",
    "labels/cli": "exit 2, sent 0",
    "labels/fake": "400",
    "time/overlay": "refused",
    "time/cli": "exit 2, sent 0",
    "time/fake": "400",
    "subtree/fake": "400",
    # A budget of 5 a second: 3 start at once (2 kept in hand) and 3 probes beyond; the fake refuses
    # 5 of 10.
    "budget/overlay": "starts 6 at once",
    "budget/fake": "refused 5 of 10",
}


def mutate(doc: dict[str, Any]) -> None:
    for path, value in MUTATIONS:
        *parents, key = path
        target = doc
        for part in parents:
            target = target[part]
        assert key in target or key.startswith("x-"), f"{'/'.join(path)} is not in the spec"
        assert target.get(key) != value, f"{'/'.join(path)} is already {value!r}"
        target[key] = value


def probe(generated: Path) -> dict[str, Any]:
    """Run the probe with `generated`/cdf_client_api and this checkout's overlay first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(generated), str(ROOT / "overlay")])}
    result = subprocess.run(
        [sys.executable, str(PROBE)], capture_output=True, text=True, check=False, env=env, timeout=600
    )
    assert result.returncode == 0, result.stderr[-6000:]
    found: dict[str, Any] = json.loads(result.stdout)
    assert Path(found["cdf_client_api"]) == (generated / "cdf_client_api").resolve()
    return found["outcomes"]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    """The probe's outcomes with the committed spec, then with the mutated copy."""
    require_generators()
    folder = tmp_path_factory.mktemp("mutated-spec")
    doc = yaml.safe_load(SPEC_PATH.read_text())
    mutate(doc)
    spec = folder / "openapi.yaml"
    spec.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    result = subprocess.run(
        [sys.executable, str(REGENERATE), "--spec", str(spec), "--output", str(folder / "generated")],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return probe(ROOT / "generated"), probe(folder / "generated")


def test_the_probe_checks_exactly_the_expected_cases(outcomes):
    committed, mutated = outcomes
    assert set(committed) == set(mutated) == set(EXPECTED)


@pytest.mark.parametrize("check", sorted(EXPECTED))
def test_the_layer_follows_the_mutated_limit(outcomes, check):
    committed, mutated = outcomes
    assert mutated[check] == EXPECTED[check], f"{check}: with the mutated spec"
    assert committed[check] != EXPECTED[check], (
        f"{check}: the committed spec gives the same ({committed[check]})"
    )


def test_every_layer_is_probed_for_every_mutation():
    # Each mutated limit has checks through the overlay, the CLI and the fake (the subtree size
    # only the fake can know; the request budget is the client's and the fake's throttle's, and the
    # command line has none of its own).
    areas: dict[str, set[str]] = {}
    for check in EXPECTED:
        area, _, layer = check.partition("/")
        areas.setdefault(area, set()).add(layer.split()[0])
    assert len(areas) == len(MUTATIONS)
    partial = {area for area, layers in areas.items() if layers != {"overlay", "cli", "fake"}}
    assert partial == {"subtree", "budget"}
