"""What the command line's subcommands share: the interface language (texts, figures, argparse's
own words and --help), argument types and text tables.

Qt (QLocale, the catalogue) is loaded only when words are needed: a JSON output starts
without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Collection, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, NoReturn, TextIO

from services import messages
from services.errors import LavkaError
from services.messages import QT_TRANSLATE_NOOP, Translate

if TYPE_CHECKING:
    from ui.formatting import Formatter

CONTEXT = "Cli"
# argparse's own English, said in the interface language by Parser and HelpFormatter.
ARGPARSE = {
    "usage": QT_TRANSLATE_NOOP("Cli", "usage: "),
    "options": QT_TRANSLATE_NOOP("Cli", "options"),
    "positional arguments": QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    "show this help message and exit": QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    "show program's version number and exit": QT_TRANSLATE_NOOP(
        "Cli", "show program's version number and exit"
    ),
    "error": QT_TRANSLATE_NOOP("Cli", "%1: error: %2"),
}
# argparse's error sentences (Python's English) → the same in the catalogue, %1… for the parts.
ARGPARSE_ERRORS = (
    QT_TRANSLATE_NOOP("Cli", "the following arguments are required: %1"),
    QT_TRANSLATE_NOOP("Cli", "argument %1: invalid choice: %2 (choose from %3)"),
    QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: %1"),
    QT_TRANSLATE_NOOP("Cli", "argument %1: expected one argument"),
    QT_TRANSLATE_NOOP("Cli", "argument %1: invalid %2 value: %3"),
    QT_TRANSLATE_NOOP("Cli", "argument %1: %2"),
)
TYPE_ERRORS = {
    "positive": QT_TRANSLATE_NOOP("Cli", "'%1' is not a whole number of at least 1"),
    "date": QT_TRANSLATE_NOOP("Cli", "'%1' is not a date like 2026-09-13"),
}


@cache
def say() -> Translate:
    """The catalogue in the interface language, loaded once, on first need."""
    from ui.translation import catalogue_translate  # loads QtCore: only when words are needed

    return catalogue_translate()


def words(text: str, *params: object) -> str:
    """A "Cli" text of this module (or of --help) in the interface language."""
    return messages.fill(say()(CONTEXT, text, -1), messages.params_of(params))


def error_words(error: LavkaError) -> str:
    from ui.messages import error_text

    return error_text(error, say())


def _argparse_error(message: str) -> str:
    """argparse's English error in the interface language (as it is, when not known)."""
    for template in ARGPARSE_ERRORS:
        pattern = re.escape(template)
        for number in range(1, 4):
            pattern = pattern.replace(f"%{number}", "(.+?)")
        found = re.fullmatch(pattern, message)
        if found:
            return words(template, *found.groups())
    return message


class HelpFormatter(argparse.HelpFormatter):
    """--help in the interface language: the section titles, "usage:", the description and
    every help text (marked with QT_TRANSLATE_NOOP("Cli", …) where it is declared)."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        # argparse passes "" when it makes a subcommand's prog: that stays as it is.
        said = words(ARGPARSE["usage"]) if prefix is None else prefix
        super().add_usage(usage, actions, groups, said)

    def add_text(self, text) -> None:
        super().add_text(words(text) if text and text != argparse.SUPPRESS else text)

    def start_section(self, heading) -> None:
        super().start_section(words(heading) if heading else heading)

    def _get_help_string(self, action) -> str | None:
        if not action.help or action.help == argparse.SUPPRESS:
            return action.help
        # argparse fills in %(default)s and the like: any other % is a percent sign.
        return re.sub(r"%(?!\()", "%%", words(action.help))


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (and its subcommands') that speaks the interface language."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, words(ARGPARSE["error"], self.prog, _argparse_error(message)) + "\n")


class Words:
    """A command's texts (`texts`: key → English, marked in `context`) in the interface
    language, and a Formatter for its figures in that language."""

    def __init__(self, texts: Mapping[str, str], context: str, symbol: str = "₽") -> None:
        from PySide6.QtCore import QLocale  # text output only: JSON output never loads Qt

        from ui.formatting import Formatter
        from ui.translation import interface_language

        language = QLocale.Language.Russian if interface_language() == "ru" else None
        locale = QLocale(language) if language else QLocale(QLocale.Language.English)
        self.translate: Translate = say()
        self.fmt: Formatter = Formatter(locale, symbol)
        self.texts, self.context = texts, context

    def __call__(self, key: str, *args: object, n: int = -1) -> str:
        # Marked without Qt, these texts have no plural forms in the catalogue: looked up
        # as they are, with the count put in after.
        text = messages.fill(
            self.translate(self.context, self.texts[key], -1), messages.params_of(args)
        )
        return text.replace("%n", str(n)) if n >= 0 else text

    def error(self, error: LavkaError) -> str:
        return error_words(error)


def table(
    out: TextIO,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Collection[int] | None = None,
) -> None:
    """Columns padded to their widest cell under a ruled header; the columns in `right`
    (every one but the first, unless given) are aligned right, as numbers are."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    right = range(1, len(header)) if right is None else right
    for index, row in enumerate([header, *rows]):
        cells = [
            str(cell).rjust(width) if column in right else str(cell).ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip(), file=out)
        if index == 0:
            print("  ".join("-" * width for width in widths), file=out)


def as_of_and_format(parser: argparse.ArgumentParser) -> None:
    """`--date` (compute as if today were that day) and `--format text|json`: the options of
    every command that reports on a day."""
    parser.add_argument(
        "--date",
        type=iso_date,
        help=QT_TRANSLATE_NOOP("Cli", "compute as if today were this day (YYYY-MM-DD)"),
    )
    parser.add_argument("--format", dest="output", choices=("text", "json"), default="text")


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(words(TYPE_ERRORS["positive"], text))
    return int(text)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(words(TYPE_ERRORS["date"], text)) from None
