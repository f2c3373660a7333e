"""What Lavka says to a person, as data: a code for each sentence, its English text, the
field labels it names.

A service raises a problem by its code and parameters (`ValidationError.of("phone",
"phone.invalid", raw)`); the English sentence is made here, once, for logs and English
output, and the window (ui/messages.py) or the command line says it in the interface
language from the same table. Each text is marked for lupdate, which reads this file with the
window's code, so a code without its Russian fails the translation test. A parameter that is
a `Label` is a field's name and is translated too; any other parameter is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for lupdate (which reads it by this name) and returns it unchanged."""
    return source


CONTEXT = "Messages"
LABELS_CONTEXT = "Fields"

# translate(context, English source, n) → the text in the interface language (n: plural).
Translate = Callable[[str, str, int], str]


class Label(str):
    """A field's name inside a message ("Price"), translated with the message."""

    __slots__ = ()


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
    "phone.taken": QT_TRANSLATE_NOOP("Messages", "Phone %1 already belongs to contact '%2' (#%3)."),
    "status.no_code": QT_TRANSLATE_NOOP("Messages", "There is no order status with code '%1'."),
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


# The field names messages put in: each one marked, so the Russian catalogue has it.
LABELS = (QT_TRANSLATE_NOOP("Fields", "Name"),)


def english(context: str, source: str, n: int = -1) -> str:
    """The identity translation: the catalogue's English."""
    return source.replace("%n", str(n)) if n >= 0 else source


def fill(template: str, params: Iterable[str], translate: Translate = english) -> str:
    """`template` with %1, %2 … replaced by `params`, Labels in the interface language."""
    values = [translate(LABELS_CONTEXT, p, -1) if isinstance(p, Label) else str(p) for p in params]
    # Qt's arg() order: %1 first; replaced from the highest so %1 never eats %10's digit.
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", values[number - 1])
    return template


def text(code: str, params: Iterable[str] = (), translate: Translate = english) -> str:
    """The sentence of `code` with its parameters; the code itself for one not in TEXTS (a
    test keeps every code the services use in TEXTS)."""
    template = TEXTS.get(code)
    if template is None:
        return " ".join([code, *map(str, params)])
    return fill(translate(CONTEXT, template, -1), params, translate)


def params_of(values: Iterable[object]) -> tuple[str, ...]:
    """Parameters as text, keeping a Label a Label."""
    return tuple(v if isinstance(v, str) else str(v) for v in values)
