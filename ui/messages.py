"""What the services say as codes, in the person's language: problems, errors, segments.

The codes and their English sentences live in services/messages.py (read by lupdate with
the window's code). The window translates through its installed translators (the default),
the command line through the catalogue it loads (ui.translation.catalogue_translate). No Qt
is loaded here: the command line's JSON output never needs it.
"""

from __future__ import annotations

from services import messages
from services.errors import LavkaError, Problem, ValidationError
from services.messages import CONTEXT, QT_TRANSLATE_NOOP, Translate

__all__ = [
    "QT_TRANSLATE_NOOP", "Translate", "error_text", "problem_text", "role_name", "segment_name",
]  # fmt: skip


def window_translate(context: str, source: str, n: int = -1) -> str:
    """Through the translators the window installed."""
    from PySide6.QtCore import QCoreApplication  # only the window calls this: Qt is loaded

    return QCoreApplication.translate(context, source, None, n)


def segment_name(code: str, translate: Translate = window_translate) -> str:
    return messages.segment_name(code, translate)


def role_name(code: str, translate: Translate = window_translate) -> str:
    return messages.role_name(code, translate)


def problem_text(problem: Problem, translate: Translate = window_translate) -> str:
    """The problem in words; on which line, when it is about one line of many."""
    text = (
        messages.text(problem.code, problem.params, translate)
        if problem.code is not None
        else problem.message
    )
    if problem.line is None:
        return text
    where = translate(CONTEXT, QT_TRANSLATE_NOOP("Messages", "Line %1: %2"), -1)
    return messages.fill(where, (str(problem.line), text))


def error_text(error: LavkaError, translate: Translate = window_translate) -> str:
    """Every problem of a ValidationError, one per line; else the error's own sentence."""
    if isinstance(error, ValidationError):
        return "\n".join(problem_text(problem, translate) for problem in error.problems)
    said = str(error) if error.code is None else messages.text(error.code, error.params, translate)
    if isinstance(error.__cause__, LavkaError):  # why, when the error says what failed
        said = f"{said} {error_text(error.__cause__, translate)}"
    return said
