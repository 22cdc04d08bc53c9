"""Commands and their options as small declarative tables, built into argparse parsers.

A `Command` names the function it runs; that function's docstring is its help, and the first line
its summary in the list of its `Group`. The parsers follow the conventions the command always had:
`-h/--help`, no abbreviated options, `--x/--not-x` switches, and a usage error prints the usage, a
hint and `Error: ...` on stderr, then exits 2.
"""

from __future__ import annotations

import argparse
import inspect
import shutil
import sys
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from typing_extensions import override

from cdf_client._cli._errors import EXIT_USAGE
from cdf_client._cli._params import TEXT, Value

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

_MAX_WIDTH = 100
_HELP_POSITION = 32
_GROUP_USAGE = "[OPTIONS] COMMAND [ARGS]..."


def _width() -> int:
    return min(shutil.get_terminal_size().columns - 2, _MAX_WIDTH)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """`Usage:` capitalised, options aligned; descriptions arrive already wrapped (see `_wrap`)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=_HELP_POSITION, width=_width())

    @override
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        """Spell the usage line's prefix `Usage: `."""
        super().add_usage(usage, actions, groups, "Usage: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """One command's parser: its options under `Options`, and click-style usage errors (exit 2)."""

    def __init__(self, prog: str, *, description: str, usage: str) -> None:
        """`usage` follows the program name, e.g. `[OPTIONS] ID`."""
        super().__init__(
            prog=prog,
            usage=f"%(prog)s {usage}",
            description=description,
            formatter_class=_Formatter,
            add_help=False,
            allow_abbrev=False,
        )
        self.options = self.add_argument_group("Options")

    @override
    def error(self, message: str) -> NoReturn:
        """Print the usage, where to find help and the error; exit 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Try '{self.prog} --help' for help.\n\nError: {message}\n")


class _SwitchAction(argparse.Action):
    """True for the first spelling of the option, False for the second."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    @override
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        """Record which spelling was given."""
        setattr(namespace, self.dest, option_string == self.option_strings[0])


@dataclass(frozen=True)
class Option:
    """`--flag VALUE`; a repeatable option collects a list (empty when not given)."""

    flag: str
    help: str
    value: Value = TEXT
    dest: str | None = None
    repeat: bool = False
    default: Any = None

    @property
    def flags(self) -> dict[str, bool]:
        """Its spellings, each with whether a value follows it."""
        return {self.flag: True}

    def add_to(self, parser: Parser) -> None:
        """Declare the option on `parser`."""
        hints = ([] if self.default is None else [f"default: {self.default}"]) + (
            [self.value.hint] if self.value.hint else []
        )
        parser.options.add_argument(
            self.flag,
            dest=self.dest,
            type=self.value.parse,
            metavar=self.value.metavar,
            action="append" if self.repeat else "store",
            default=[] if self.repeat else self.default,
            help=self.help + (f"  [{'; '.join(hints)}]" if hints else ""),
        )


@dataclass(frozen=True)
class Switch:
    """`--on/--off`: True, False, or None when neither is given (so the client's default applies)."""

    on: str
    off: str
    help: str

    @property
    def flags(self) -> dict[str, bool]:
        """Its spellings, each with whether a value follows it."""
        return {self.on: False, self.off: False}

    def add_to(self, parser: Parser) -> None:
        """Declare both spellings as one option on `parser`."""
        parser.options.add_argument(self.on, self.off, action=_SwitchAction, default=None, help=self.help)


@dataclass(frozen=True)
class Flag:
    """`--flag`: True when given."""

    flag: str
    help: str

    @property
    def flags(self) -> dict[str, bool]:
        """Its spellings, each with whether a value follows it."""
        return {self.flag: False}

    def add_to(self, parser: Parser) -> None:
        """Declare the flag on `parser`."""
        parser.options.add_argument(self.flag, action="store_true", help=self.help)


@dataclass(frozen=True)
class Argument:
    """A positional argument, shown in the usage line; `many` takes any number of them (a list)."""

    dest: str
    metavar: str
    value: Value = TEXT
    many: bool = False

    @property
    def usage(self) -> str:
        """How the usage line shows it."""
        return f"[{self.metavar}]..." if self.many else self.metavar

    def add_to(self, parser: Parser) -> None:
        """Declare the argument on `parser`."""
        parser.add_argument(
            self.dest,
            metavar=self.metavar,
            type=self.value.parse,
            nargs="*" if self.many else None,
            help=argparse.SUPPRESS,
        )


@dataclass(frozen=True)
class Count:
    """`-v`, `-vv`: how many times the flag is given (0 when not)."""

    short: str
    flag: str
    help: str

    @property
    def flags(self) -> dict[str, bool]:
        """Its spellings (`-vv` included), each with whether a value follows it (never)."""
        letter = self.short.removeprefix("-")
        return {self.flag: False, **{"-" + letter * times: False for times in (1, 2, 3)}}

    def add_to(self, parser: Parser) -> None:
        """Declare the counting flag on `parser`."""
        parser.options.add_argument(self.short, self.flag, action="count", default=0, help=self.help)


Param = Option | Switch | Flag | Count | Argument
GlobalParam = Option | Switch | Flag | Count


@dataclass(frozen=True)
class Command:
    """A command: its name, the function it runs with the parsed options, and its parameters."""

    name: str
    run: Callable[[argparse.Namespace], None]
    params: tuple[Param, ...]

    @property
    def doc(self) -> str:
        """The help text: the function's docstring."""
        return inspect.getdoc(self.run) or ""


@dataclass(frozen=True)
class Group:
    """Commands under one name (`files filter`, `files list`, ...).

    `options` are global: the commands below that take them accept them before their own name
    too (`cdf-client --fake files filter ...` is `cdf-client files filter --fake ...`).
    """

    name: str
    doc: str
    commands: tuple[Command | Group, ...]
    options: tuple[GlobalParam, ...] = ()


def build(app: Group, *, version: str) -> Parser:
    """Return the parser of the whole command line: `app`'s commands, recursively, and `--version`."""
    parser = Parser(app.name, description=_wrap(app.doc), usage=_GROUP_USAGE)
    parser.options.add_argument(
        "--version", action="version", version=version, help="Show the version and exit."
    )
    _add_commands(parser, app, app.options)
    return parser


def _add_commands(parser: Parser, group: Group, global_options: tuple[GlobalParam, ...]) -> None:
    # Listed in every group's help, where they may be given; `parse` hands them to the command.
    for option in global_options:
        option.add_to(parser)
    _add_help(parser)
    # A group run without a command has no function: the caller shows the group's help.
    parser.set_defaults(command=None, command_parser=parser)
    commands = parser.add_subparsers(title="Commands", metavar="COMMAND", prog=parser.prog)
    for entry in sorted(group.commands, key=lambda entry: entry.name):
        summary = entry.doc.partition("\n")[0]
        if isinstance(entry, Group):
            child = commands.add_parser(
                entry.name, help=summary, description=_wrap(entry.doc), usage=_GROUP_USAGE
            )
            _add_commands(child, entry, global_options)
            continue
        usage = " ".join(
            ["[OPTIONS]", *(param.usage for param in entry.params if isinstance(param, Argument))]
        )
        child = commands.add_parser(entry.name, help=summary, description=_wrap(entry.doc), usage=usage)
        for param in entry.params:
            param.add_to(child)
        _add_help(child)
        child.set_defaults(command=entry.run, command_parser=child)


def _add_help(parser: Parser) -> None:
    parser.options.add_argument("-h", "--help", action="help", help="Show this message and exit.")


def _wrap(doc: str) -> str:
    """Fill each paragraph to the help width; `Example:` lines stay whole, to be copied and pasted."""
    width = _width()
    paragraphs = []
    for paragraph in doc.split("\n\n"):
        if paragraph.startswith("Example:"):
            paragraphs.append(textwrap.indent(paragraph, "  "))
        else:
            paragraphs.append(
                textwrap.fill(" ".join(paragraph.split()), width, initial_indent="  ", subsequent_indent="  ")
            )
    return "\n\n".join(paragraphs)


def parse(parser: Parser, app: Group, argv: Sequence[str]) -> argparse.Namespace:
    """Parse `argv`; options and arguments of a command may come in any order, as they always could.

    Global options may also come before the command: they are moved to just after its name.
    """
    argv = _global_options_after_command(app, argv)
    args, extras = parser.parse_known_args(argv)
    command_parser: Parser = args.command_parser
    if extras and args.command is not None:
        # argparse takes a list argument in one run (`retrieve 1 2 --ignore-unknown-ids`); a second,
        # intermixed pass over the command's own arguments also takes `retrieve 1 --ignore-unknown-ids 2`.
        depth = len(command_parser.prog.split()) - 1
        args, extras = command_parser.parse_known_intermixed_args(argv[depth:])
    if extras:
        first = extras[0]
        message = (
            f"No such option '{first}'."
            if first.startswith("-")
            else f"Got unexpected extra argument ({first})"
        )
        command_parser.error(message)
    return args


def _global_options_after_command(app: Group, argv: Sequence[str]) -> list[str]:
    """Move the global options given before the command (`--fake files filter`) to just after its name.

    Without a command to reach (a typo, `--help`, nothing), `argv` stays as it is and argparse
    reports it as before.
    """
    takes_value = {flag: value for option in app.options for flag, value in option.flags.items()}
    node: Group | Command = app
    path: list[str] = []
    moved: list[str] = []
    index = 0
    while isinstance(node, Group) and index < len(argv):
        token = argv[index]
        flag = token.partition("=")[0]
        if flag in takes_value:
            count = 2 if takes_value[flag] and "=" not in token else 1
            moved.extend(argv[index : index + count])
            index += count
            continue
        child = next((entry for entry in node.commands if entry.name == token), None)
        if child is None:
            break
        path.append(token)
        node = child
        index += 1
    if not isinstance(node, Command):
        return list(argv)
    return [*path, *moved, *argv[index:]]
