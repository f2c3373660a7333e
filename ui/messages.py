"""What the services say as codes, in the person's language: problems, errors, segments.

A service names a problem by a code and its parameters (services.errors.Problem); this table
holds the English sentence for each code, with %1, %2 … for the parameters, marked for the
translation. The window translates through its installed translators (the default), the
command line through the catalogue it loads (ui.translation.catalogue_translate); a code
missing here falls back to the service's own English message. No Qt is loaded here: the
command line's JSON output never needs it.
"""

from __future__ import annotations

from collections.abc import Callable

from services.errors import LavkaError, Problem, ValidationError

# translate(context, English source, n) → the text in the interface language (n: plural).
Translate = Callable[[str, str, int], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for lupdate (which reads it by this name) and returns it unchanged."""
    return source


CONTEXT = "Messages"

SEGMENT_NAMES = {
    "no_purchases": QT_TRANSLATE_NOOP("Messages", "No purchases"),
    "new": QT_TRANSLATE_NOOP("Messages", "New"),
    "regular": QT_TRANSLATE_NOOP("Messages", "Regular"),
    "woken": QT_TRANSLATE_NOOP("Messages", "Woken"),
    "recently_asleep": QT_TRANSLATE_NOOP("Messages", "Recently asleep"),
    "long_asleep": QT_TRANSLATE_NOOP("Messages", "Long asleep"),
}

TEXTS = {
    "date.required": QT_TRANSLATE_NOOP("Messages", "Enter a date."),
    "date.no_such_day": QT_TRANSLATE_NOOP("Messages", "Date '%1' does not exist in the calendar."),
    "date.invalid": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a date; write it as 13.09.2026 or 2026-09-13."
    ),
    "task.title_empty": QT_TRANSLATE_NOOP("Messages", "Enter what is to be done."),
    "task.title_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The title is longer than %1 characters (%2)."
    ),
    "task.due_required": QT_TRANSLATE_NOOP("Messages", "Enter the day the task is due."),
    "task.time_invalid": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a time of day; write it as 14:30."
    ),
    "task.no_contact": QT_TRANSLATE_NOOP("Messages", "Contact #%1 does not exist."),
    "task.no_order": QT_TRANSLATE_NOOP("Messages", "Order No. %1 does not exist."),
    "task.order_of_another": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1 belongs to another contact."
    ),
    "task.not_found": QT_TRANSLATE_NOOP("Messages", "Task #%1 does not exist (any more)."),
    "task.no_contact_with_phone": QT_TRANSLATE_NOOP("Messages", "No contact has the phone %1."),
    "contact.not_found": QT_TRANSLATE_NOOP("Messages", "Contact #%1 does not exist (any more)."),
    "follow_up.no_order": QT_TRANSLATE_NOOP("Messages", "Order No. %1 does not exist (any more)."),
    "follow_up.answer_when_dismissed": QT_TRANSLATE_NOOP(
        "Messages", "Only a follow-up marked done records an answer."
    ),
    "reminder.snooze_past": QT_TRANSLATE_NOOP("Messages", "Choose a day after today."),
    "note.empty": QT_TRANSLATE_NOOP("Messages", "Write the note first."),
    "note.too_long": QT_TRANSLATE_NOOP("Messages", "The note is longer than %1 characters."),
    "reminders.days_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a whole number of days from 1 to %2."
    ),
    "reminders.limit_invalid": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a number like 1.5 (more than 0, at most %2)."
    ),
    "reminders.awake_not_above_one": QT_TRANSLATE_NOOP(
        "Messages",
        "The awake limit must be more than 1: past one cadence a customer is due to reorder, "
        "past this limit asleep.",
    ),
    "reminders.limits_in_wrong_order": QT_TRANSLATE_NOOP(
        "Messages", "The long-asleep limit (%1) must be more than the awake limit (%2)."
    ),
}


def window_translate(context: str, source: str, n: int = -1) -> str:
    """Through the translators the window installed."""
    from PySide6.QtCore import QCoreApplication  # only the window calls this: Qt is loaded

    return QCoreApplication.translate(context, source, None, n)


def segment_name(code: str, translate: Translate = window_translate) -> str:
    return translate(CONTEXT, SEGMENT_NAMES.get(code, code), -1)


def coded_text(
    code: str | None, params: tuple[str, ...], fallback: str, translate: Translate
) -> str:
    """The sentence of `code` with its parameters; `fallback` for a code not in TEXTS."""
    if code not in TEXTS:
        return fallback
    text = translate(CONTEXT, TEXTS[code], -1)
    # Qt's arg() order: %1 first; replaced from the highest so %1 never eats %10's digit.
    for number in range(len(params), 0, -1):
        text = text.replace(f"%{number}", params[number - 1])
    return text


def problem_text(problem: Problem, translate: Translate = window_translate) -> str:
    """The problem in words; on which line, when it is about one line of many."""
    if problem.code not in TEXTS:
        return str(problem)
    text = coded_text(problem.code, problem.params, problem.message, translate)
    if problem.line is None:
        return text
    where = translate(CONTEXT, QT_TRANSLATE_NOOP("Messages", "Line %1: %2"), -1)
    return where.replace("%2", text).replace("%1", str(problem.line))


def error_text(error: LavkaError, translate: Translate = window_translate) -> str:
    """Every problem of a ValidationError, one per line; else the error's own sentence."""
    if isinstance(error, ValidationError):
        return "\n".join(problem_text(problem, translate) for problem in error.problems)
    return coded_text(error.code, error.params, str(error), translate)
