"""scripts/check_api: a break of the last release's public API fails CI unless CHANGELOG.md announces it.

The real tree must pass; scratch copies of it (never the repository itself) prove that removing a
public name, a parameter or a generated model's field fails the check, and that naming the break
under `### Breaking` in `## [Unreleased]`, and only there, lets it pass.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("overlay", "generated", "spec/api", "scripts/check_api", "scripts/_api", "CHANGELOG.md")
IGNORED = shutil.ignore_patterns("__pycache__", ".ruff_cache", ".mypy_cache")


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "check_api")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    for relative in COPIED:
        source, target = ROOT / relative, tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=IGNORED)
        else:
            shutil.copy2(source, target)
    return tmp_path


def remove_page(root: Path) -> None:
    init = root / "overlay" / "cdf_client" / "__init__.py"
    edit(init, '    "Page",\n', "")
    edit(init, "from cdf_client._listing import Page\n", "")


def remove_ignore_unknown_ids(root: Path) -> None:
    edit(
        root / "overlay" / "cdf_client" / "_async" / "_files.py",
        "self, identifiers: Iterable[Identifier], *, ignore_unknown_ids: bool = False",
        "self, identifiers: Iterable[Identifier]",
    )


def remove_a_model_field(root: Path) -> None:
    edit(
        root / "generated" / "cdf_client_api" / "models" / "file_filter_request.py",
        "    cursor: str | Unset = UNSET\n",
        "",
    )


def announce(root: Path, line: str, section: str = "## [Unreleased]\n\n") -> None:
    edit(root / "CHANGELOG.md", section, f"{section}### Breaking\n\n- {line}\n\n")


def test_the_public_api_keeps_the_last_release_or_announces_each_break():
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (remove_page, "NOT announced  cdf_client.Page: Public object was removed"),
        (
            remove_ignore_unknown_ids,
            "NOT announced  cdf_client.AsyncFilesAPI.retrieve(ignore_unknown_ids): Parameter was removed",
        ),
        (
            remove_a_model_field,
            (
                "NOT announced  cdf_client_api.models.file_filter_request.FileFilterRequest.cursor: "
                "Public object was removed"
            ),
        ),
    ],
    ids=["public-name", "parameter", "generated-field"],
)
def test_an_unannounced_break_fails_the_check(scratch: Path, mutate, expected: str):
    mutate(scratch)

    result = check(scratch)

    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stdout
    assert "unannounced" in result.stdout


def test_a_break_named_under_breaking_in_unreleased_passes(scratch: Path):
    remove_page(scratch)
    remove_ignore_unknown_ids(scratch)
    # A parent names every break below it: `cdf_client.FilesAPI` covers its methods' parameters.
    announce(
        scratch, "`cdf_client.Page` is gone; `cdf_client.FilesAPI` and `cdf_client.AsyncFilesAPI` changed."
    )

    result = check(scratch)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "announced      cdf_client.Page: Public object was removed" in result.stdout
    assert "NOT announced" not in result.stdout


@pytest.mark.parametrize(
    "where",
    ["another-heading", "released-section", "package-only"],
)
def test_a_break_named_anywhere_else_still_fails(scratch: Path, where: str):
    remove_page(scratch)
    if where == "another-heading":
        edit(
            scratch / "CHANGELOG.md",
            "## [Unreleased]\n\n",
            "## [Unreleased]\n\n### Removed\n\n- `cdf_client.Page`\n\n",
        )
    elif where == "released-section":
        announce(scratch, "`cdf_client.Page` removed", section="## [0.1.0] - 2026-11-30\n\n")
    else:
        announce(scratch, "everything in `cdf_client` may change")

    result = check(scratch)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "NOT announced  cdf_client.Page" in result.stdout


def test_a_release_with_breaks_must_bump_the_breaking_version_number(scratch: Path):
    remove_page(scratch)
    announce(scratch, "`cdf_client.Page` removed")
    version = scratch / "overlay" / "cdf_client" / "_version.py"
    edit(version, '__version__ = "0.1.0"', '__version__ = "0.1.1"')

    result = check(scratch)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "make it at least 0.2.0" in result.stdout

    edit(version, '__version__ = "0.1.1"', '__version__ = "0.2.0"')
    assert check(scratch).returncode == 0
