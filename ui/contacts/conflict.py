"""A card saved by someone else after it was opened: its fields as saved and as typed, for the
edit-conflict dialog (ui/widgets/conflict.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from services.contacts import ContactInput, ContactView
from services.errors import ValidationError
from services.phones import normalize_phone
from ui.formatting import EMPTY, Formatter
from ui.messages import QT_TRANSLATE_NOOP
from ui.widgets.conflict import ConflictRow

# The card's fields by name, as the conflict dialog lists them
_FIELDS = {
    "name": QT_TRANSLATE_NOOP("ContactConflict", "Name"),
    "company_name": QT_TRANSLATE_NOOP("ContactConflict", "Company name"),
    "legal_name": QT_TRANSLATE_NOOP("ContactConflict", "Legal name"),
    "tax_id": QT_TRANSLATE_NOOP("ContactConflict", "INN"),
    "company": QT_TRANSLATE_NOOP("ContactConflict", "Company"),
    "job_title": QT_TRANSLATE_NOOP("ContactConflict", "Job title"),
    "phones": QT_TRANSLATE_NOOP("ContactConflict", "Phones"),
    "emails": QT_TRANSLATE_NOOP("ContactConflict", "E-mails"),
    "address": QT_TRANSLATE_NOOP("ContactConflict", "Address"),
    "notes": QT_TRANSLATE_NOOP("ContactConflict", "Notes"),
    "channel": QT_TRANSLATE_NOOP("ContactConflict", "Channel"),
    "payment_terms": QT_TRANSLATE_NOOP("ContactConflict", "Payment terms, days"),
    "tags": QT_TRANSLATE_NOOP("ContactConflict", "Tags"),
}


@dataclass(frozen=True)
class TypedNames:
    """What the card shows by name for the ids it saves: the company, the channel, the tags
    (the new ones typed too)."""

    company: str | None
    channel: str | None
    tags: Sequence[str]


def card_conflict_rows(
    formatter: Formatter,
    region: str,
    theirs: ContactView,
    yours: ContactInput,
    names: TypedNames,
) -> list[ConflictRow]:
    """The card's fields as saved by someone else (`theirs`) and as it would save them now
    (`yours`), each as the card shows it: phones formatted, several of a kind on one line."""

    def label(field: str) -> str:
        return QCoreApplication.translate("ContactConflict", _FIELDS[field])

    def shown(value: str | None) -> str:
        return (value or "").strip() or EMPTY

    def phone(typed: str) -> str:
        try:
            return formatter.phone(normalize_phone(typed, region))
        except ValidationError:
            return typed.strip()

    company = yours.kind == "company"
    rows = [ConflictRow(label("company_name" if company else "name"), theirs.name, yours.name)]
    if company:
        rows += [
            ConflictRow(label("legal_name"), shown(theirs.legal_name), shown(yours.legal_name)),
            ConflictRow(label("tax_id"), shown(theirs.tax_id), shown(yours.tax_id)),
        ]
    else:
        rows += [
            ConflictRow(
                label("company"),
                shown(theirs.company),
                shown(names.company),
                theirs.company_id != yours.company_id,
            ),
            ConflictRow(label("job_title"), shown(theirs.job_title), shown(yours.job_title)),
        ]
    their_phones = [formatter.phone(entry.number) for entry in theirs.phones]
    your_phones = [phone(entry.number) for entry in yours.phones or ()]
    their_emails = [entry.address for entry in theirs.emails]
    your_emails = [entry.address.strip() for entry in yours.emails or ()]
    terms = yours.payment_terms_days
    rows += [
        ConflictRow(label("phones"), _listed(their_phones), _listed(your_phones)),
        ConflictRow(label("emails"), _listed(their_emails), _listed(your_emails)),
        ConflictRow(label("address"), shown(theirs.address), shown(yours.address)),
        ConflictRow(label("notes"), shown(theirs.notes), shown(yours.notes)),
        ConflictRow(
            label("channel"),
            shown(theirs.channel),
            shown(names.channel),
            theirs.channel_id != yours.channel_id,
        ),
        ConflictRow(
            label("payment_terms"),
            formatter.integer(theirs.payment_terms_days),
            formatter.integer(int(terms)) if isinstance(terms, int) else shown(terms),
        ),
        ConflictRow(
            label("tags"), _listed([tag.name for tag in theirs.tags]), _listed(list(names.tags))
        ),
    ]
    return rows


def _listed(values: list[str]) -> str:
    return ", ".join(values) or EMPTY
