"""Breaking changes between two versions of the public API (as stubs), and which CHANGELOG.md announces.

griffe finds removed objects, removed, moved or newly required parameters, changed defaults and
kinds. It does not compare annotations yet, so changed attribute types (a field of a model),
return types and enum or type-alias values are compared here, as written in the stubs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import griffe

if TYPE_CHECKING:
    from collections.abc import Iterator

_PARAMETER_BREAKS = (
    griffe.ParameterRemovedBreakage,
    griffe.ParameterAddedRequiredBreakage,
    griffe.ParameterChangedRequiredBreakage,
    griffe.ParameterMovedBreakage,
    griffe.ParameterChangedKindBreakage,
    griffe.ParameterChangedDefaultBreakage,
)
_SECTION = re.compile(r"^## \[([^\]]+)\]", re.MULTILINE)
_NAMED = re.compile(r"`([A-Za-z_][\w.]*)")


@dataclass(frozen=True, order=True)
class Break:
    """One breaking change: where (`cdf_client.FilesAPI.retrieve(ignore_unknown_ids)`) and what."""

    path: str
    what: str

    def announced_by(self, names: set[str]) -> bool:
        """Whether one of `names` is this object or one of its parents (a package alone is not enough)."""
        return any(
            "." in name and (self.path == name or self.path.startswith((f"{name}.", f"{name}(")))
            for name in names
        )


def find(old: griffe.Module, new: griffe.Module) -> list[Break]:
    """Every breaking change from `old` to `new`, sorted by path."""
    found = {_from_griffe(breakage) for breakage in griffe.find_breaking_changes(old, new)}
    old_objects, new_objects = dict(_objects(old)), dict(_objects(new))
    for path in old_objects.keys() & new_objects.keys():
        found.update(_changed_types(path, old_objects[path], new_objects[path]))
    return sorted(found)


def _from_griffe(breakage: griffe.Breakage) -> Break:
    path = breakage.obj.path
    if isinstance(breakage, _PARAMETER_BREAKS):
        parameter = breakage.old_value or breakage.new_value
        path += f"({parameter.name})"
    what = breakage.kind.value
    if isinstance(breakage, griffe.ParameterChangedDefaultBreakage):
        what += f": {breakage.old_value.default} -> {breakage.new_value.default}"
    elif breakage.details:
        what += f" ({breakage.details})"
    return Break(path, what)


def _objects(module: griffe.Module) -> Iterator[tuple[str, griffe.Object]]:
    """Every object the stubs define, by path (re-exports left out: they are compared where defined)."""
    for member in module.members.values():
        if member.is_alias:
            continue
        assert isinstance(member, griffe.Object)  # noqa: S101 - not an alias, so an object
        yield member.path, member
        if isinstance(member, (griffe.Module, griffe.Class)):
            yield from _objects_in(member)


def _objects_in(parent: griffe.Module | griffe.Class) -> Iterator[tuple[str, griffe.Object]]:
    if isinstance(parent, griffe.Module):
        yield from _objects(parent)
        return
    for member in parent.members.values():
        if isinstance(member, griffe.Object):
            yield member.path, member
            if isinstance(member, griffe.Class):
                yield from _objects_in(member)


def _changed_types(path: str, old: griffe.Object, new: griffe.Object) -> Iterator[Break]:
    if isinstance(old, griffe.Attribute) and isinstance(new, griffe.Attribute):
        if str(old.annotation) != str(new.annotation):
            yield Break(path, f"Attribute type was changed: {old.annotation} -> {new.annotation}")
        elif str(old.annotation) in {"None", "TypeAlias"} and str(old.value) != str(new.value):
            yield Break(path, f"Attribute value was changed: {old.value} -> {new.value}")
    if isinstance(old, griffe.Function) and isinstance(new, griffe.Function):
        if old.returns is not None and str(old.returns) != str(new.returns):
            yield Break(path, f"Return type was changed: {old.returns} -> {new.returns}")
        if ("async" in old.labels) != ("async" in new.labels):
            yield Break(
                path, "Function became async" if "async" in new.labels else "Function is no longer async"
            )


def announced_names(changelog: str, since: str) -> set[str]:
    """Collect the names in backticks under `### Breaking` in every section newer than release `since`."""
    names: set[str] = set()
    headings = list(_SECTION.finditer(changelog))
    for index, heading in enumerate(headings):
        if heading.group(1) == since:
            break
        end = headings[index + 1].start() if index + 1 < len(headings) else len(changelog)
        section = changelog[heading.end() : end]
        for block in re.split(r"^### ", section, flags=re.MULTILINE)[1:]:
            title, _, body = block.partition("\n")
            if title.strip().lower() == "breaking":
                names.update(_NAMED.findall(body))
    return names
