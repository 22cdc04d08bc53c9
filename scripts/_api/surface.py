"""Render the public API of a package as stub files (.pyi), read from the sources with griffe.

The public API is what docs/versioning.md says it is: the names a public module exports (its
`__all__`, or for modules without one every public name it defines), each with its signature; for a
class, its public members and the protocol methods users call (`__init__`, `__iter__`, `__enter__`,
...), inherited ones included. Names from private modules (`cdf_client._client.CDFClient`) are
written where users import them (`cdf_client.CDFClient`), so moving code between private modules
changes nothing here. Members are sorted by name, so reordering source code changes nothing either.

attrs and pydantic classes get the `__init__` those libraries generate (griffe only reads source),
and `Annotated[T, Field(...)]` is written as `T`: descriptions and validation bounds are the spec's
rules, not Python types.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import griffe

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

PACKAGES = ("cdf_client", "cdf_client_api")
# Dunder methods that are part of how users use an object; the rest (__repr__, __hash__, ...) are not.
PROTOCOL_DUNDERS = frozenset(
    {
        "__init__",
        "__call__",
        "__iter__",
        "__next__",
        "__aiter__",
        "__anext__",
        "__await__",
        "__enter__",
        "__exit__",
        "__aenter__",
        "__aexit__",
        "__len__",
        "__getitem__",
        "__contains__",
        "__bool__",
    }
)
_ATTRS_DECORATORS = frozenset({"define", "_attrs_define", "frozen", "mutable", "s", "attrs"})
_ATTRS_FIELDS = frozenset({"field", "_attrs_field", "ib", "attrib"})
_PYDANTIC_BASES = frozenset({"BaseModel", "RootModel"})
_HEADER = "# Public API of cdf-client {version}: {module}. Written by {writer}; never edited by hand.\n"
_VERSION_IN_HEADER = re.compile(r"^# Public API of cdf-client (\S+):")


def load(search_paths: Sequence[Path], packages: Sequence[str] = PACKAGES) -> dict[str, griffe.Module]:
    """Read `packages` from the sources (or stubs) under `search_paths`, aliases resolved."""
    loader = griffe.GriffeLoader(search_paths=[str(path) for path in search_paths])
    loaded = {name: loader.load(name) for name in packages}
    loader.resolve_aliases(implicit=False, external=False)
    return {name: module for name, module in loaded.items() if isinstance(module, griffe.Module)}


def version_of(cdf_client: griffe.Module) -> str:
    """`cdf_client.__version__`, read from the source."""
    value = cdf_client["__version__"].value
    return str(ast.literal_eval(str(value)))


def version_in_stub(text: str) -> str | None:
    """Return the release a stub file records in its header."""
    match = _VERSION_IN_HEADER.match(text)
    return match.group(1) if match else None


def public_modules(module: griffe.Module) -> Iterator[griffe.Module]:
    """Yield `module` and its public submodules, recursively (`_private` and `__main__` left out)."""
    yield module
    for name, submodule in sorted(module.modules.items()):
        if not name.startswith("_") and isinstance(submodule, griffe.Module):
            yield from public_modules(submodule)


def _is_private(path: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in path.split("."))


def _is_typevar(obj: griffe.Object | griffe.Alias) -> bool:
    value = getattr(obj, "value", None)
    return isinstance(value, griffe.ExprCall) and str(value.function).rsplit(".", 1)[-1] == "TypeVar"


def exported(module: griffe.Module) -> list[tuple[str, griffe.Object | griffe.Alias]]:
    """Return what `module` exports: its `__all__`, or every public name it defines (not imports)."""
    if module.exports is not None:
        names = [str(name) for name in module.exports]
        found = [(name, module.members[name]) for name in names if name in module.members]
    else:
        found = [
            (name, member)
            for name, member in module.members.items()
            if not name.startswith("_") and not member.is_alias and not member.is_module
        ]
    return sorted(((n, m) for n, m in found if not _is_typevar(m)), key=lambda item: item[0])


def _target(obj: griffe.Object | griffe.Alias) -> griffe.Object:
    target = obj.final_target if isinstance(obj, griffe.Alias) else obj
    assert isinstance(target, griffe.Object)  # noqa: S101 - final_target never is an alias
    return target


def stub_files(package: griffe.Module, version: str, writer: str) -> dict[str, str]:
    """Every public module of `package` as a stub: {relative path (`cdf_client/__init__.pyi`): text}."""
    modules = list(public_modules(package))
    # Where each public object is defined and exported: a re-export elsewhere becomes an import of it.
    homes = {member.path for module in modules for _, member in exported(module) if not member.is_alias}
    public = {_target(member).path for module in modules for _, member in exported(module)}
    stubs = {}
    for module in modules:
        parts = module.path.split(".")
        path = "/".join([*parts, "__init__.pyi"]) if module.is_init_module else "/".join(parts) + ".pyi"
        lines = [_HEADER.format(version=version, module=module.path, writer=writer)]
        for name, member in exported(module):
            target = _target(member)
            if member.is_alias and target.path in homes:
                lines.append(
                    f"from {target.parent.path if target.parent else ''} import {target.name} as {name}\n"
                )
            else:
                lines.extend(_render(name, target, "", public))
        stubs[path] = "".join(lines)
    return stubs


def write_stubs(stubs: dict[str, str], folder: Path) -> None:
    """Write `stubs` below `folder`."""
    for relative, text in stubs.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def annotation(expr: str | griffe.Expr | None) -> str | None:
    """Return the annotation as written, `Annotated[T, ...]` reduced to `T`."""
    if expr is None:
        return None
    if isinstance(expr, griffe.ExprSubscript) and str(expr.left).rsplit(".", 1)[-1] == "Annotated":
        inner = expr.slice
        return annotation(inner.elements[0] if isinstance(inner, griffe.ExprTuple) else inner)
    return str(expr)


def _default(expr: str | griffe.Expr) -> str:
    """Return a default as written, or a named constant (`MAX_PAGE_SIZE`) by its literal value (`1000`).

    So a constant that moves or is renamed with the same value changes nothing.
    """
    value = expr
    for _ in range(5):  # a constant defined as another constant, a few deep at most
        target = _resolve(value)
        if not isinstance(target, griffe.Attribute) or target.value is None:
            break
        value = target.value
    try:
        ast.literal_eval(str(value))
    except (ValueError, SyntaxError):
        return str(expr)
    return str(value)


def _render(name: str, obj: griffe.Object, indent: str, public: set[str]) -> list[str]:
    if isinstance(obj, griffe.Class):
        return _render_class(name, obj, indent, public)
    if isinstance(obj, griffe.Function):
        return _render_function(name, obj, indent)
    if isinstance(obj, griffe.Attribute):
        derived = _derived_function(obj)
        if derived is not None:
            function, returns = derived
            return _render_function(name, function, indent, returns=returns)
        return [f"{indent}{_attribute(name, obj)}\n"]
    return [f"{indent}{name} = ...  # {obj.kind.value}\n"]


def _attribute(name: str, attribute: griffe.Attribute) -> str:
    written = annotation(attribute.annotation)
    if name == "__version__":
        return "__version__: str"
    if written == "TypeAlias":
        return f"{name}: TypeAlias = {attribute.value}"
    if written is not None:
        return f"{name}: {written}"
    # Unannotated module and class attributes are type aliases and enum members: their value is the API.
    shown = attribute.value if {"module-attribute", "class-attribute"} & attribute.labels else None
    return f"{name} = {shown if shown is not None else '...'}"


def _resolve(expr: str | griffe.Expr | None) -> griffe.Object | None:
    """Return the object a name in the source refers to, if one of the loaded packages has it."""
    if not isinstance(expr, (griffe.ExprName, griffe.ExprAttribute)):
        return None
    scope = (expr.first if isinstance(expr, griffe.ExprAttribute) else expr).parent
    if not isinstance(scope, (griffe.Object, griffe.Alias)):
        return None
    try:
        return _target(scope.modules_collection[expr.canonical_path])
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _derived_function(attribute: griffe.Attribute) -> tuple[griffe.Function, str | None] | None:
    """Find the function bound to a name (`x = f`) or made by a typed wrapper (`y = sync_call(A.y)`).

    Returns the function whose parameters the name has, and the return type the wrapper's annotations
    give it (`Callable[..., AsyncListing[T, D]] -> Callable[..., Listing[T, D]]` makes
    `AsyncListing[File, X]` a `Listing[File, X]`), as a type checker reads it.
    """
    value = attribute.value
    bound = _resolve(value)
    if isinstance(bound, griffe.Function):
        return bound, annotation(bound.returns)
    if not (isinstance(value, griffe.ExprCall) and len(value.arguments) == 1):
        return None
    wrapper, wrapped = _resolve(value.function), _resolve(value.arguments[0])
    if not (isinstance(wrapper, griffe.Function) and isinstance(wrapped, griffe.Function)):
        return None
    accepts, gives = _callable_result(wrapper.parameters[0].annotation), _callable_result(wrapper.returns)
    if accepts is None or gives is None:
        return None
    bindings: dict[str, str] = {}
    actual = wrapped.returns
    if "async" in wrapped.labels and isinstance(accepts, griffe.ExprSubscript):
        # An async function returning R is a callable returning Coroutine[Any, Any, R].
        accepts = _elements(accepts.slice)[-1]
    if not _bind(accepts, actual, bindings):
        return None
    return wrapped, _substitute(gives, bindings)


def _callable_result(expr: str | griffe.Expr | None) -> str | griffe.Expr | None:
    """`R` of `Callable[P, R]`."""
    if isinstance(expr, griffe.ExprSubscript) and str(expr.left).rsplit(".", 1)[-1] == "Callable":
        return _elements(expr.slice)[-1]
    return None


def _elements(expr: str | griffe.Expr) -> list[str | griffe.Expr]:
    return list(expr.elements) if isinstance(expr, griffe.ExprTuple) else [expr]


def _is_type_variable(expr: str | griffe.Expr) -> bool:
    target = _resolve(expr) if isinstance(expr, griffe.ExprName) else None
    return target is not None and _is_typevar(target)


def _bind(pattern: str | griffe.Expr, actual: str | griffe.Expr | None, bindings: dict[str, str]) -> bool:
    """Match a wrapper's annotation (`AsyncListing[T, D]`) with a real one, binding its type variables."""
    if actual is None:
        return False
    if _is_type_variable(pattern):
        bindings[str(pattern)] = str(actual)
        return True
    if isinstance(pattern, griffe.ExprSubscript) and isinstance(actual, griffe.ExprSubscript):
        expected, given = _elements(pattern.slice), _elements(actual.slice)
        return (
            str(pattern.left) == str(actual.left)
            and len(expected) == len(given)
            and all(_bind(p, a, bindings) for p, a in zip(expected, given, strict=True))
        )
    return str(pattern) == str(actual)


def _substitute(expr: str | griffe.Expr, bindings: dict[str, str]) -> str:
    if isinstance(expr, griffe.ExprSubscript):
        inner = ", ".join(_substitute(element, bindings) for element in _elements(expr.slice))
        return f"{expr.left}[{inner}]"
    return bindings.get(str(expr), str(expr))


def _render_function(
    name: str, function: griffe.Function, indent: str, returns: str | None = None
) -> list[str]:
    """`def name(...)`; with `returns`, a function derived from `function` (synchronous, that return type)."""
    lines = [f"{indent}@{label}\n" for label in ("classmethod", "staticmethod") if label in function.labels]
    derived = returns is not None
    prefix = "async def" if "async" in function.labels and not derived else "def"
    returns = returns if derived else annotation(function.returns)
    arrow = f" -> {returns}" if returns is not None else ""
    lines.append(f"{indent}{prefix} {name}({_parameters(function.parameters)}){arrow}: ...\n")
    return lines


def _parameters(parameters: griffe.Parameters | Sequence[griffe.Parameter]) -> str:
    parts: list[str] = []
    listed = list(parameters)
    starred = False
    for index, parameter in enumerate(listed):
        kind = parameter.kind
        if kind is griffe.ParameterKind.keyword_only and not starred:
            parts.append("*")
            starred = True
        stars = {griffe.ParameterKind.var_positional: "*", griffe.ParameterKind.var_keyword: "**"}.get(
            kind, ""
        )
        starred = starred or kind is griffe.ParameterKind.var_positional
        text = f"{stars}{parameter.name}"
        written = annotation(parameter.annotation)
        if written is not None:
            text += f": {written}"
        if parameter.default is not None and not stars:
            default = _default(parameter.default)
            text += f" = {default}" if written is not None else f"={default}"
        parts.append(text)
        following = listed[index + 1].kind if index + 1 < len(listed) else None
        if (
            kind is griffe.ParameterKind.positional_only
            and following is not griffe.ParameterKind.positional_only
        ):
            parts.append("/")
    return ", ".join(parts)


def _render_class(name: str, cls: griffe.Class, indent: str, public: set[str]) -> list[str]:
    bases = ", ".join(str(base) for base in cls.bases if not _is_private(str(base).split("[", 1)[0]))
    lines = [f"{indent}class {name}({bases}):\n" if bases else f"{indent}class {name}:\n"]
    members = {
        member_name: _target(member)
        for member_name, member in cls.all_members.items()
        if not member_name.startswith("_") or member_name in PROTOCOL_DUNDERS
    }
    init = members.get("__init__")
    if isinstance(init, griffe.Function) and _takes_internals(init, public):
        # Made by the library from its internals (`FilesAPI(async_files, loop)`): users never call it.
        del members["__init__"]
    elif init is None:
        generated = _generated_init(cls)
        if generated is not None:
            lines.append(f"{indent}    def __init__({generated}) -> None: ...\n")
    for member_name in sorted(members, key=lambda n: (not n.startswith("__"), n)):
        lines.extend(_render(member_name, members[member_name], indent + "    ", public))
    if len(lines) == 1:
        lines.append(f"{indent}    ...\n")
    return lines


def _takes_internals(function: griffe.Function, public: set[str]) -> bool:
    """Whether a parameter's type is a class of a private module that no public module exports."""
    for parameter in function.parameters:
        if not isinstance(parameter.annotation, griffe.Expr):
            continue
        for part in parameter.annotation.iterate(flat=True):
            target = _resolve(part) if isinstance(part, griffe.ExprName) else None
            if isinstance(target, griffe.Class) and _is_private(target.path) and target.path not in public:
                return True
    return False


@dataclass(frozen=True)
class _Field:
    name: str
    annotation: str | None
    default: str | None
    keyword_only: bool


def _generated_init(cls: griffe.Class) -> str | None:
    """Return the parameters of the `__init__` attrs or pydantic make for `cls` (None: neither)."""
    if _is_attrs(cls):
        fields = [field for field in map(_attrs_field, _fields(cls)) if field is not None]
        fields.sort(key=lambda field: field.keyword_only)
    elif _is_pydantic(cls):
        root = any(str(base).startswith("RootModel") for base in cls.bases)
        fields = [
            _Field(name, annotation(attr.annotation), _text(attr.value), keyword_only=not root)
            for name, attr in _fields(cls)
            if name != "model_config"
        ]
    else:
        return None
    parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    parameters += [
        griffe.Parameter(
            field.name,
            annotation=field.annotation,
            kind=griffe.ParameterKind.keyword_only
            if field.keyword_only
            else griffe.ParameterKind.positional_or_keyword,
            default=field.default,
        )
        for field in fields
    ]
    return _parameters(parameters)


def _text(value: str | griffe.Expr | None) -> str | None:
    return None if value is None else str(value)


def _fields(cls: griffe.Class) -> list[tuple[str, griffe.Attribute]]:
    found = []
    for name, member in cls.all_members.items():
        target = _target(member)
        if (
            isinstance(target, griffe.Attribute)
            and "property" not in target.labels
            and target.annotation is not None
            and not str(target.annotation).startswith("ClassVar")
        ):
            found.append((name, target))
    return found


def _is_attrs(cls: griffe.Class) -> bool:
    names = {str(d.value).split("(", 1)[0].rsplit(".", 1)[-1] for d in cls.decorators}
    return bool(names & _ATTRS_DECORATORS)


def _is_pydantic(cls: griffe.Class) -> bool:
    if any(str(base).split("[", 1)[0].rsplit(".", 1)[-1] in _PYDANTIC_BASES for base in cls.bases):
        return True
    return any(_is_pydantic(base) for base in cls.resolved_bases if isinstance(base, griffe.Class))


def _attrs_field(item: tuple[str, griffe.Attribute]) -> _Field | None:
    """Return the `__init__` parameter attrs makes of an annotated class attribute (None: `init=False`)."""
    name, attr = item
    value = attr.value
    parameter = name.lstrip("_")
    if not (isinstance(value, griffe.ExprCall) and str(value.function).rsplit(".", 1)[-1] in _ATTRS_FIELDS):
        return _Field(parameter, annotation(attr.annotation), _text(value), keyword_only=False)
    options = {arg.name: str(arg.value) for arg in value.arguments if isinstance(arg, griffe.ExprKeyword)}
    if options.get("init") == "False":
        return None
    default = options.get("default")
    if default is None and ("factory" in options or "default_factory" in options):
        default = "..."
    return _Field(
        options.get("alias", "").strip("'\"") or parameter,
        annotation(attr.annotation),
        default,
        keyword_only=options.get("kw_only") == "True",
    )
