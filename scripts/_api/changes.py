"""What changed in the generated API between two versions of generated/cdf_client_api: for scripts/regenerate.

Both versions are rendered as the stubs scripts/check_api compares (public names, signatures, field
types), and each function, model, field and method is listed as added, removed or changed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from _api import surface

if TYPE_CHECKING:
    from pathlib import Path

PACKAGE = "cdf_client_api"
_NAME = re.compile(r"(?:async def |def |class )?(\w+)")


def entries(stubs: dict[str, str]) -> dict[str, tuple[str, str]]:
    """{path below the package: (kind, signature after the name)} for every object in the stubs."""
    found: dict[str, tuple[str, str]] = {}
    for relative, text in stubs.items():
        module = relative.removesuffix(".pyi").removesuffix("/__init__").replace("/", ".")
        module = module.removeprefix(PACKAGE).lstrip(".")
        owner = ""
        for line in text.splitlines():
            body = line.strip()
            match = _NAME.match(body)
            if match is None or body.startswith(("#", "@", "from ")):
                continue
            name, signature = match.group(1), body[match.end() :].removesuffix(": ...").removesuffix(":")
            if body.startswith("class "):
                owner, kind = name, "model" if ".models" in f".{module}" else "class"
            elif line.startswith(" "):
                kind = "method" if body.startswith(("def ", "async def ")) else "field"
                name = f"{owner}.{name}"
            else:
                owner, kind = "", "function" if body.startswith(("def ", "async def ")) else "type"
            found[f"{module}.{name}".lstrip(".")] = (kind, signature)
    return found


def _stubs(folder: Path) -> dict[str, str]:
    package = surface.load([folder], [PACKAGE])[PACKAGE]
    return surface.stub_files(package, "(generated)", "scripts/regenerate")


def describe(old_folder: Path, new_folder: Path) -> list[str]:
    """Lines listing what changed from the package in `old_folder` to the one in `new_folder`."""
    old, new = entries(_stubs(old_folder)), entries(_stubs(new_folder))
    # A model's __init__ follows its fields: the fields say what changed.
    both = {**old, **new}
    skip = {
        path
        for path in both
        if path.endswith(".__init__") and both.get(path[: -len(".__init__")], ("",))[0] == "model"
    }
    lines = []
    for path in sorted((old.keys() | new.keys()) - skip):
        if path not in old:
            lines.append(f"  added    {new[path][0]:<8}  {path}{new[path][1]}")
        elif path not in new:
            lines.append(f"  removed  {old[path][0]:<8}  {path}{old[path][1]}")
        elif old[path][1] != new[path][1]:
            lines.append(f"  changed  {new[path][0]:<8}  {path}")
            lines.append(f"{'':21}was {old[path][1].removeprefix(': ')}")
            lines.append(f"{'':21}now {new[path][1].removeprefix(': ')}")
    return lines


def print_changes(old_package: Path, new_package: Path) -> None:
    """Print what changed in the generated API from `old_package` to `new_package` (both package folders)."""
    if not old_package.exists():
        return
    lines = describe(old_package.parent, new_package.parent)
    if not lines:
        print("generated API: no function, model or field changed")
        return
    changed = sum(not line.startswith(" " * 21) for line in lines)
    print(
        f"generated API ({PACKAGE}): {changed} change(s); "
        "name breaking ones in CHANGELOG.md (docs/versioning.md)"
    )
    print("\n".join(lines))
