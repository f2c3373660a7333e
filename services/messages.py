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

# The Lavka roles on a server's database (models/roles.py) in words: Settings → Users and
# the status bar say them.
ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("Messages", "Owner"),
    "manager": QT_TRANSLATE_NOOP("Messages", "Manager"),
    "viewer": QT_TRANSLATE_NOOP("Messages", "Viewer"),
}

# The expense categories (models/stock.py EXPENSE_CATEGORIES) in words: the purchases section,
# its dialog and the report say them alike.
EXPENSE_CATEGORY_NAMES = {
    "ads": QT_TRANSLATE_NOOP("Messages", "Ads"),
    "delivery": QT_TRANSLATE_NOOP("Messages", "Delivery"),
    "packaging": QT_TRANSLATE_NOOP("Messages", "Packaging"),
    "fees": QT_TRANSLATE_NOOP("Messages", "Fees"),
    "other": QT_TRANSLATE_NOOP("Messages", "Other"),
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
    "edit.conflict": QT_TRANSLATE_NOOP(
        "Messages", "Someone else saved this record after you opened it; nothing was saved."
    ),
    "import.also_on_sheet": QT_TRANSLATE_NOOP("Messages", "%1 %2 is also on sheet %3, row %4."),
    "import.company_rejected": QT_TRANSLATE_NOOP("Messages", "Company ID %1 was rejected."),
    "import.no_such_company": QT_TRANSLATE_NOOP(
        "Messages", "Company ID %1 is not in the Companies sheet."
    ),
    "contact.has_orders": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' has orders (%2) and cannot be deleted: archive the card or merge it into"
        " another one instead.",
    ),
    "contact.company_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Company #%1 does not exist (any more)."
    ),
    "contact.company_is_person": QT_TRANSLATE_NOOP("Messages", "'%1' is a person, not a company."),
    "contact.company_has_company": QT_TRANSLATE_NOOP(
        "Messages", "A company cannot belong to another company."
    ),
    "contact.kind_unknown": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is neither a person nor a company."
    ),
    "contact.company_has_people": QT_TRANSLATE_NOOP(
        "Messages", "'%1' has people (%2): a company with people stays a company."
    ),
    "phone.repeated": QT_TRANSLATE_NOOP("Messages", "Phone %1 is entered twice."),
    "email.repeated": QT_TRANSLATE_NOOP("Messages", "E-mail %1 is entered twice."),
    "label.unknown": QT_TRANSLATE_NOOP("Messages", "'%1' is not a known label."),
    "tax_id.not_digits": QT_TRANSLATE_NOOP(
        "Messages", "An INN is made of digits only; '%1' is not."
    ),
    "tax_id.wrong_length": QT_TRANSLATE_NOOP(
        "Messages", "An INN has 10 digits (a company) or 12 (a person or sole trader); '%1' has %2."
    ),
    "tax_id.bad_checksum": QT_TRANSLATE_NOOP(
        "Messages", "INN %1 has a wrong check digit: check it against the documents."
    ),
    "tax_id.kpp_invalid": QT_TRANSLATE_NOOP(
        "Messages", "A KPP is 9 characters (4 digits, 2 digits or letters, 3 digits); '%1' is not."
    ),
    "tax_id.ogrn_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "OGRN %1 does not add up: it has 13 digits (15 for a sole trader) and the last is a "
        "check digit.",
    ),
    "tax_id.too_long": QT_TRANSLATE_NOOP("Messages", "'%1' is longer than %2 characters."),
    "bank.too_long": QT_TRANSLATE_NOOP("Messages", "'%1' is longer than %2 characters."),
    "bank.bik_invalid": QT_TRANSLATE_NOOP("Messages", "A BIK has 9 digits; '%1' does not."),
    "bank.bik_required": QT_TRANSLATE_NOOP(
        "Messages", "Enter the bank's BIK: the accounts are checked against it."
    ),
    "bank.account_length": QT_TRANSLATE_NOOP(
        "Messages", "An account number has 20 digits; '%1' has %2 characters."
    ),
    "bank.account_key": QT_TRANSLATE_NOOP(
        "Messages",
        "Account %1 does not match BIK %2 (its check digit is wrong): check both against the "
        "bank's details.",
    ),
    "seller.vat_rate": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a VAT rate: a whole percent from 0 to 99, or empty for no VAT."
    ),
    "seller.image_invalid": QT_TRANSLATE_NOOP(
        "Messages", "%1: the image must be a PNG or JPEG file."
    ),
    "seller.image_too_large": QT_TRANSLATE_NOOP(
        "Messages", "%1: the image is larger than %2 KB; use a smaller one."
    ),
    "document.no_lines": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1 has no lines: a document lists what is sold, add it first."
    ),
    "document.no_seller": QT_TRANSLATE_NOOP(
        "Messages",
        "Enter the seller's name in Settings → Business before making documents.",
    ),
    "document.not_found": QT_TRANSLATE_NOOP("Messages", "Document #%1 does not exist."),
    "merge.same_contact": QT_TRANSLATE_NOOP(
        "Messages", "A card cannot be merged with itself: choose two different cards."
    ),
    "merge.kinds_differ": QT_TRANSLATE_NOOP(
        "Messages", "A person and a company cannot be merged: merge two people or two companies."
    ),
    "tag.taken": QT_TRANSLATE_NOOP("Messages", "Tag '%1' already exists."),
    "tag.not_found": QT_TRANSLATE_NOOP("Messages", "Tag #%1 does not exist (any more)."),
    "tag.colour_invalid": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a colour; write it as #RRGGBB, for example #2e7d32."
    ),
    "order.person_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Contact #%1 named as who ordered does not exist (any more)."
    ),
    "order.person_is_company": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is a company; who ordered must be a person."
    ),
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
    "settings.currency_code": QT_TRANSLATE_NOOP(
        "Messages", "Currency code '%1' must be three letters A–Z, like RUB or USD."
    ),
    "settings.symbol_required": QT_TRANSLATE_NOOP(
        "Messages", "Enter a currency symbol, like ₽ or $."
    ),
    "settings.symbol_too_long": QT_TRANSLATE_NOOP(
        "Messages", "Currency symbol '%1' is longer than %2 characters."
    ),
    "settings.phone_region": QT_TRANSLATE_NOOP(
        "Messages", "Phone region '%1' is not a known region code."
    ),
    "list.entry_gone": QT_TRANSLATE_NOOP("Messages", "Entry #%1 no longer exists."),
    "list.entry_twice": QT_TRANSLATE_NOOP("Messages", "Entry #%1 appears twice."),
    "list.name_required": QT_TRANSLATE_NOOP("Messages", "Enter a name."),
    "list.name_too_long": QT_TRANSLATE_NOOP("Messages", "Name '%1' is longer than %2 characters."),
    "list.name_used": QT_TRANSLATE_NOOP("Messages", "Name '%1' is already used on row %2."),
    "list.name_retired": QT_TRANSLATE_NOOP(
        "Messages", "Name '%1' is taken by the removed entry '%2'."
    ),
    "list.role_unknown": QT_TRANSLATE_NOOP("Messages", "Role '%1' must be one of open, won, lost."),
    "list.status_removed": QT_TRANSLATE_NOOP(
        "Messages", "Status '%1' cannot be removed; rename it instead."
    ),
    "list.no_won_status": QT_TRANSLATE_NOOP(
        "Messages", "At least one status must be won (like Completed)."
    ),
    "list.no_lost_status": QT_TRANSLATE_NOOP(
        "Messages", "At least one status must be lost (like Cancelled)."
    ),
    "period.ends_before_start": QT_TRANSLATE_NOOP(
        "Messages", "The period ends (%1) before it starts (%2)."
    ),
    "demo.not_empty": QT_TRANSLATE_NOOP(
        "Messages",
        "Demo data can only go into an empty database; this one already has contacts, "
        "products or orders.",
    ),
    "import.sheet_row": QT_TRANSLATE_NOOP("Messages", "%1, row %2"),
    "import.row": QT_TRANSLATE_NOOP("Messages", "Row %1"),
    "import.where_column": QT_TRANSLATE_NOOP("Messages", "%1, %2: %3"),
    "import.where": QT_TRANSLATE_NOOP("Messages", "%1: %2"),
    "import.skipped_with": QT_TRANSLATE_NOOP("Messages", "Skipped with row %1 (the same order)."),
    "import.rejected": QT_TRANSLATE_NOOP(
        "Messages", "Nothing was imported: %1 row(s) were rejected."
    ),
    "import.more_rejected": QT_TRANSLATE_NOOP("Messages", "… and %1 more."),
    "import.no_sheet": QT_TRANSLATE_NOOP("Messages", "The file has no sheet with data."),
    "import.missing_column": QT_TRANSLATE_NOOP("Messages", "Sheet '%1' has no column for %2."),
    "import.columns_are": QT_TRANSLATE_NOOP(
        "Messages",
        "Its columns are %1; recognised: %2. Choose which column holds each missing one.",
    ),
    "import.unknown_status": QT_TRANSLATE_NOOP(
        "Messages", "Status '%1' is not in the list of statuses."
    ),
    "import.bad_email": QT_TRANSLATE_NOOP(
        "Messages", "E-mail '%1' is not an address like name@mail.ru."
    ),
    "import.no_customer": QT_TRANSLATE_NOOP(
        "Messages", "No customer: the row has neither a name nor a phone."
    ),
    "import.no_product": QT_TRANSLATE_NOOP("Messages", "Product is required."),
    "import.no_price": QT_TRANSLATE_NOOP(
        "Messages", "Price is empty and '%1' is not in the catalogue."
    ),
    "import.other_customer": QT_TRANSLATE_NOOP(
        "Messages", "Order %1 is for another customer in row %2."
    ),
    "cli.needs_out": QT_TRANSLATE_NOOP("Messages", "--format %1 needs --out FILE."),
    "cli.to_before_from": QT_TRANSLATE_NOOP("Messages", "--to %1 is before --from %2."),
    "import.reason_column": QT_TRANSLATE_NOOP("Messages", "Reason"),
    "files.folder.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "Folder '%1' cannot be created (no space left on the device)."
    ),
    "files.folder.denied": QT_TRANSLATE_NOOP(
        "Messages", "Folder '%1' cannot be created (Lavka is not allowed to write there)."
    ),
    "files.folder.read_only": QT_TRANSLATE_NOOP(
        "Messages", "Folder '%1' cannot be created (the device is read-only)."
    ),
    "files.folder.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "Folder '%1' cannot be created (the file is in use by another program (is Lavka running?)).",
    ),
    "files.folder.device": QT_TRANSLATE_NOOP(
        "Messages",
        "Folder '%1' cannot be created (the device reported a read or write error (was it removed?)).",
    ),
    "files.folder.other": QT_TRANSLATE_NOOP("Messages", "Folder '%1' cannot be created (%2)."),
    "backup.failed.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: no space left on the device. Older backups there are untouched.",
    ),
    "backup.failed.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: Lavka is not allowed to write there. Older backups there are untouched.",
    ),
    "backup.failed.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the device is read-only. Older backups there are untouched.",
    ),
    "backup.failed.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the file is in use by another program (is Lavka running?). Older backups there are untouched.",
    ),
    "backup.failed.device": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the device reported a read or write error (was it removed?). Older backups there are untouched.",
    ),
    "backup.failed.other": QT_TRANSLATE_NOOP(
        "Messages", "The backup to '%1' failed: %2. Older backups there are untouched."
    ),
    "storage.unreadable.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be read now (no space left on the device); Lavka did not change it.",
    ),
    "storage.unreadable.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be read now (Lavka is not allowed to read it); Lavka did not change it.",
    ),
    "storage.unreadable.read_only": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be read now (the device is read-only); Lavka did not change it."
    ),
    "storage.unreadable.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be read now (the file is in use by another program (is Lavka running?)); Lavka did not change it.",
    ),
    "storage.unreadable.device": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be read now (the device reported a read or write error (was it removed?)); Lavka did not change it.",
    ),
    "storage.unreadable.other": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be read now (%2); Lavka did not change it."
    ),
    "storage.not_upgraded.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not upgraded: the copy kept before an upgrade could not be written (no space left on the device). Lavka did not change it.",
    ),
    "storage.not_upgraded.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not upgraded: the copy kept before an upgrade could not be written (Lavka is not allowed to write there). Lavka did not change it.",
    ),
    "storage.not_upgraded.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not upgraded: the copy kept before an upgrade could not be written (the device is read-only). Lavka did not change it.",
    ),
    "storage.not_upgraded.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not upgraded: the copy kept before an upgrade could not be written (the file is in use by another program (is Lavka running?)). Lavka did not change it.",
    ),
    "storage.not_upgraded.device": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not upgraded: the copy kept before an upgrade could not be written (the device reported a read or write error (was it removed?)). Lavka did not change it.",
    ),
    "storage.not_upgraded.other": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not upgraded: the copy kept before an upgrade could not be written (%2). Lavka did not change it.",
    ),
    "restore.failed.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "Restoring '%1' into '%2' failed (no space left on the device); the database was not changed.",
    ),
    "restore.failed.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "Restoring '%1' into '%2' failed (Lavka is not allowed to write there); the database was not changed.",
    ),
    "restore.failed.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "Restoring '%1' into '%2' failed (the device is read-only); the database was not changed.",
    ),
    "restore.failed.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "Restoring '%1' into '%2' failed (the file is in use by another program (is Lavka running?)); the database was not changed.",
    ),
    "restore.failed.device": QT_TRANSLATE_NOOP(
        "Messages",
        "Restoring '%1' into '%2' failed (the device reported a read or write error (was it removed?)); the database was not changed.",
    ),
    "restore.failed.other": QT_TRANSLATE_NOOP(
        "Messages", "Restoring '%1' into '%2' failed (%3); the database was not changed."
    ),
    "restore.not_moved.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' could not be moved aside (no space left on the device); it is still there, unchanged.",
    ),
    "restore.not_moved.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' could not be moved aside (Lavka is not allowed to write there); it is still there, unchanged.",
    ),
    "restore.not_moved.read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' could not be moved aside (the device is read-only); it is still there, unchanged.",
    ),
    "restore.not_moved.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' could not be moved aside (the file is in use by another program (is Lavka running?)); it is still there, unchanged.",
    ),
    "restore.not_moved.device": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' could not be moved aside (the device reported a read or write error (was it removed?)); it is still there, unchanged.",
    ),
    "restore.not_moved.other": QT_TRANSLATE_NOOP(
        "Messages", "'%1' could not be moved aside (%2); it is still there, unchanged."
    ),
    "export.failed.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "Could not write '%1' (no space left on the device). Nothing was exported."
    ),
    "export.failed.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write '%1' (Lavka is not allowed to write there). Nothing was exported.",
    ),
    "export.failed.read_only": QT_TRANSLATE_NOOP(
        "Messages", "Could not write '%1' (the device is read-only). Nothing was exported."
    ),
    "export.failed.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write '%1' (the file is in use by another program (is Lavka running?)). Nothing was exported.",
    ),
    "export.failed.device": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write '%1' (the device reported a read or write error (was it removed?)). Nothing was exported.",
    ),
    "export.failed.other": QT_TRANSLATE_NOOP(
        "Messages", "Could not write '%1' (%2). Nothing was exported."
    ),
    "import.file.unreadable.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it cannot be read (no space left on the device)."
    ),
    "import.file.unreadable.denied": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it cannot be read (Lavka is not allowed to read it)."
    ),
    "import.file.unreadable.read_only": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it cannot be read (the device is read-only)."
    ),
    "import.file.unreadable.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: it cannot be read (the file is in use by another program (is Lavka running?)).",
    ),
    "import.file.unreadable.device": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: it cannot be read (the device reported a read or write error (was it removed?)).",
    ),
    "import.file.unreadable.other": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it cannot be read (%2)."
    ),
    "import.rejected_file.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "Could not write the skipped rows to '%1' (no space left on the device)."
    ),
    "import.rejected_file.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write the skipped rows to '%1' (Lavka is not allowed to write there).",
    ),
    "import.rejected_file.read_only": QT_TRANSLATE_NOOP(
        "Messages", "Could not write the skipped rows to '%1' (the device is read-only)."
    ),
    "import.rejected_file.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write the skipped rows to '%1' (the file is in use by another program (is Lavka running?)).",
    ),
    "import.rejected_file.device": QT_TRANSLATE_NOOP(
        "Messages",
        "Could not write the skipped rows to '%1' (the device reported a read or write error (was it removed?)).",
    ),
    "import.rejected_file.other": QT_TRANSLATE_NOOP(
        "Messages", "Could not write the skipped rows to '%1' (%2)."
    ),
    "backup.failed.folder_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the folder is no longer there (was the drive removed?). Older backups there are untouched.",
    ),
    "backup.no_folder": QT_TRANSLATE_NOOP(
        "Messages", "The backup folder '%1' does not exist (is the drive connected?)."
    ),
    "backup.not_a_folder": QT_TRANSLATE_NOOP("Messages", "'%1' is not a folder."),
    "backup.no_backup": QT_TRANSLATE_NOOP("Messages", "There is no backup at '%1'."),
    "backup.source_unusable": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be backed up: it is damaged or not a Lavka database (%2)."
    ),
    "backup.copy.incomplete": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the copy holds %3 rows in %2 instead of %4. Older backups there are untouched.",
    ),
    "backup.copy.not_sqlite": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the copy is not an SQLite database. Older backups there are untouched.",
    ),
    "backup.copy.not_lavka": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the copy is not a Lavka database (no %2 table). Older backups there are untouched.",
    ),
    "backup.copy.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the database was written by a newer Lavka (schema %2); update Lavka to back it up. Older backups there are untouched.",
    ),
    "backup.copy.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the copy did not pass the check: it is damaged (%2). Older backups there are untouched.",
    ),
    "backup.copy.broken_link": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup to '%1' failed: the copy is damaged (%2 row %3 points to a missing %4). Older backups there are untouched.",
    ),
    # The weekly thorough check (services/retention.py) found the database itself damaged.
    "backup.database.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The weekly full check found damage in the database '%1' that the check at start does not see (%2). Until it is repaired, Lavka makes no automatic backup of it, so the older backups stay as they are. To repair it, restore the newest backup that File → Restore from backup… accepts (it accepts only sound ones); what was entered after that backup will have to be entered again.",
    ),
    "backup.database.broken_link": QT_TRANSLATE_NOOP(
        "Messages",
        "The weekly full check found damage in the database '%1': %2 row %3 points to a missing %4. Until it is repaired, Lavka makes no automatic backup of it, so the older backups stay as they are. To repair it, restore the newest backup that File → Restore from backup… accepts (it accepts only sound ones); what was entered after that backup will have to be entered again.",
    ),
    "backup.unusable.not_sqlite": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be used as a backup: it is not an SQLite database."
    ),
    "backup.unusable.not_lavka": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be used as a backup: it is not a Lavka database (no %2 table)."
    ),
    "backup.unusable.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be used as a backup: it was written by a newer Lavka (schema %2); update Lavka to use it.",
    ),
    "backup.unusable.damaged": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be used as a backup: it is damaged (%2)."
    ),
    "backup.unusable.broken_link": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be used as a backup: it is damaged (%2 row %3 points to a missing %4).",
    ),
    "storage.no_database": QT_TRANSLATE_NOOP("Messages", "There is no database at '%1'."),
    "storage.no_folder": QT_TRANSLATE_NOOP("Messages", "Folder '%1' does not exist."),
    "storage.not_sqlite": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a Lavka database (not an SQLite file); Lavka did not change it."
    ),
    "storage.not_lavka": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a Lavka database; Lavka did not change it."
    ),
    "storage.empty_file": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is an empty file, not a Lavka database; Lavka did not change it."
    ),
    "storage.foreign_data": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' already holds other data (tables: %2) but no Lavka schema version; Lavka did not change it.",
    ),
    "storage.newer_schema": QT_TRANSLATE_NOOP(
        "Messages", "'%1' was written by a newer Lavka (schema %2); update Lavka to open it."
    ),
    "storage.upgrade_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "Upgrading '%1' to schema %2 failed (%4). The file as it was before is kept at '%3'.",
    ),
    "storage.unopenable": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be opened as a Lavka database: it is damaged or not a database (%2).",
    ),
    "storage.server_upgrade_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "Upgrading the database '%1' to schema %2 failed (%3); the database was left as it was.",
    ),
    "storage.server_unopenable": QT_TRANSLATE_NOOP(
        "Messages", "The database '%1' cannot be opened as a Lavka database (%2)."
    ),
    "storage.server_not_file": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' works on a database file; '%2' is a server's database, which its server checks, backs up and restores (pg_dump, pg_restore).",
    ),
    "storage.no_role": QT_TRANSLATE_NOOP(
        "Messages",
        "The database '%1' gives this user no Lavka role; ask its owner to add you in Settings, Users.",
    ),
    "storage.owner_upgrades": QT_TRANSLATE_NOOP(
        "Messages",
        "The database '%1' is not yet at schema %2; its owner opens it first with this Lavka, which upgrades it.",
    ),
    "users.not_allowed": QT_TRANSLATE_NOOP(
        "Messages",
        "Your role in this database does not allow this; nothing was changed. Its owner decides who may do what.",
    ),
    "users.file": QT_TRANSLATE_NOOP(
        "Messages",
        "A database file has one user, its owner; users are added to a server's database.",
    ),
    "users.not_owner": QT_TRANSLATE_NOOP(
        "Messages", "Only the database's owner adds, changes and removes users."
    ),
    "users.unknown_role": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is not a role here; a user is a manager or a viewer."
    ),
    "users.bad_name": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be a user's name: use small Latin letters, digits and _, starting with a letter (up to 63).",
    ),
    "users.short_password": QT_TRANSLATE_NOOP(
        "Messages", "The password is too short: at least %1 characters."
    ),
    "users.taken": QT_TRANSLATE_NOOP(
        "Messages", "The name '%1' is already taken on this server; choose another."
    ),
    "users.not_found": QT_TRANSLATE_NOOP("Messages", "There is no user '%1' in this database."),
    "users.refused": QT_TRANSLATE_NOOP(
        "Messages",
        "The server refused to change the user '%1' (%2); the owner's role needs the right to create roles (CREATEROLE).",
    ),
    "migrate.not_server": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' is not a PostgreSQL database's address; it looks like postgresql://user@host/database.",
    ),
    "migrate.target_not_empty": QT_TRANSLATE_NOOP(
        "Messages",
        "The database '%1' is not empty (tables: %2); Lavka moves only into an empty database and did not change it.",
    ),
    "migrate.differs": QT_TRANSLATE_NOOP(
        "Messages",
        "The copy of '%1' came out different (here: %2; on the server: %3), so nothing was moved; the server's database was left empty.",
    ),
    "storage.closed": QT_TRANSLATE_NOOP("Messages", "The database '%1' is closed."),
    "storage.disk_full": QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding '%1' is full: nothing was saved. Free some space and try again.",
    ),
    "restore.same_file": QT_TRANSLATE_NOOP(
        "Messages", "'%1' is the database itself; choose a backup file."
    ),
    "restore.not_saved_aside": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' was not restored: the current database could not be saved aside into '%2' first, and it was not changed.",
    ),
    "restore.stuck": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' could not be moved aside, and moving it back failed too: rename '%2' (and its -wal, -shm, -journal files, if any) back to '%1' before opening it again.",
    ),
    "check.integrity": QT_TRANSLATE_NOOP("Messages", "integrity: %1"),
    "check.no_schema_version": QT_TRANSLATE_NOOP(
        "Messages", "the file has no Lavka schema version: this is not a Lavka database"
    ),
    "check.unknown_schema": QT_TRANSLATE_NOOP(
        "Messages", "the file was written by a newer Lavka (schema %1); update Lavka to check it"
    ),
    "check.missing_parent": QT_TRANSLATE_NOOP("Messages", "%1 row %2 points to a missing %3 row"),
    "check.missing_table": QT_TRANSLATE_NOOP(
        "Messages", "table '%1' is missing: this is not a Lavka database"
    ),
    "check.order_totals": QT_TRANSLATE_NOOP(
        "Messages", "order #%1: stored totals differ from its lines"
    ),
    "check.fifo_line": QT_TRANSLATE_NOOP(
        "Messages", "line #%1: its FIFO cost differs from the purchases it was taken from"
    ),
    "check.fifo_write_off": QT_TRANSLATE_NOOP(
        "Messages", "write-off #%1: its FIFO cost differs from the purchases it was taken from"
    ),
    "check.sqlite_error": QT_TRANSLATE_NOOP("Messages", "SQLite: %1"),
    "product.not_found": QT_TRANSLATE_NOOP("Messages", "Product #%1 does not exist (any more)."),
    "export.text_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "A text in row %2 of '%1' is too long for a workbook, even continued over every column a sheet has. Export it to CSV instead.",
    ),
    "export.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' has more than %2 rows, more than a spreadsheet can hold. Export it to CSV instead.",
    ),
    "import.file.encoding": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: its text is neither UTF-8 nor Windows-1251 (cp1251)."
    ),
    "import.file.mixed_encodings": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: its rows are in two different encodings: row %2 is UTF-8, row %3 is not (Windows-1251?). Save the whole file in one encoding (CSV UTF-8) and import it again.",
    ),
    "import.file.not_text": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it is not a text file (it contains NUL characters)."
    ),
    "import.file.bad_csv_row": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: row %2 cannot be read as CSV (%3)."
    ),
    "import.file.changed_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: its text is no longer valid %2 (the file changed while it was read).",
    ),
    "import.file.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: it has more than %2 rows, the most Lavka imports at once; split it into smaller files.",
    ),
    "import.file.sheet_too_many_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: sheet '%2' has more than %3 rows, the most Lavka imports at once; split it into smaller files.",
    ),
    "import.file.folder_without_csv": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it is a folder without CSV files."
    ),
    "import.file.empty": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it has nothing to import: every sheet is empty."
    ),
    "import.file.too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: it is %2 MB, larger than the %3 MB Lavka imports from one file.",
    ),
    "import.file.old_or_protected": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: it is a password-protected workbook or an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx without a password.",
    ),
    "import.file.unknown_kind": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: it is not an XLSX workbook or a CSV file."
    ),
    "import.file.too_many_parts": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: the workbook is damaged or not a real XLSX: it holds %2 files.",
    ),
    "import.file.damaged": QT_TRANSLATE_NOOP(
        "Messages", "'%1' cannot be imported: the workbook is damaged or not a real XLSX (%2)."
    ),
    "import.file.encrypted": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: the workbook is encrypted; save it without a password.",
    ),
    "import.file.not_a_workbook": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: the workbook is damaged or not a real XLSX: it is a ZIP archive without xl/workbook.xml.",
    ),
    "import.file.unpacks_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: it would unpack to %2 MB, more than the %3 MB Lavka accepts (possibly a zip bomb).",
    ),
    "import.file.texts_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: its table of texts would unpack to %2 MB, more than the %3 MB Lavka reads (a sales log needs a few MB).",
    ),
    "import.file.compressed_too_much": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: its part '%2' is compressed %3 times, more than the %4 Lavka accepts (a zip bomb).",
    ),
    "import.file.no_defusedxml": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: XLSX files cannot be read safely: defusedxml is not installed.",
    ),
    "import.file.xml_entities": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: the workbook's XML declares entities or external references, which Lavka never reads (a 'billion laughs' file?).",
    ),
    "import.file.cell_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be imported: row %2 of sheet '%3' has a cell of more than %4 characters, the most a spreadsheet cell holds.",
    ),
    "operation.cancelled": QT_TRANSLATE_NOOP("Messages", "Cancelled; nothing was written."),
    "storage.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "'%1' cannot be opened as a Lavka database: it is damaged (%2). Lavka did not change it.",
    ),
    "import.required": QT_TRANSLATE_NOOP("Messages", "%1 is required."),
    "import.not_whole": QT_TRANSLATE_NOOP("Messages", "%1 '%2' is not a whole number."),
    "import.id_twice": QT_TRANSLATE_NOOP("Messages", "%1 %2 is also in row %3."),
    "import.phone_twice": QT_TRANSLATE_NOOP("Messages", "Phone %1 is also in row %2."),
    "import.contact_rejected": QT_TRANSLATE_NOOP("Messages", "Contact ID %1 was rejected."),
    "import.no_such_contact": QT_TRANSLATE_NOOP(
        "Messages", "Contact ID %1 is not in the Contacts sheet."
    ),
    "import.no_such_order": QT_TRANSLATE_NOOP(
        "Messages", "Order ID %1 is not in the Orders sheet."
    ),
    "import.with_line": QT_TRANSLATE_NOOP("Messages", "Skipped with %1 row %2 (its line)."),
    "import.with_order": QT_TRANSLATE_NOOP("Messages", "Skipped with %1 row %2 (its order)."),
    "import.product_twice": QT_TRANSLATE_NOOP("Messages", "Product '%1' is listed twice."),
    "number.unclear": QT_TRANSLATE_NOOP(
        "Messages", "%1 '%2' is unclear: write %3 for thousands or %4 with two decimals."
    ),
    "number.not_number": QT_TRANSLATE_NOOP("Messages", "%1 '%2' is not a number."),
    "number.too_large": QT_TRANSLATE_NOOP("Messages", "%1 '%2' is too large."),
    "money.negative": QT_TRANSLATE_NOOP("Messages", "%1 must not be negative (got %2)."),
    "money.too_large": QT_TRANSLATE_NOOP("Messages", "%1 '%2' is too large (at most %3)."),
    "money.too_precise": QT_TRANSLATE_NOOP(
        "Messages", "%1 '%2' has more than two digits after the point."
    ),
    "quantity.not_whole": QT_TRANSLATE_NOOP("Messages", "Quantity '%1' is not a whole number."),
    "quantity.too_small": QT_TRANSLATE_NOOP("Messages", "Quantity must be at least 1 (got %1)."),
    "quantity.too_large": QT_TRANSLATE_NOOP("Messages", "Quantity %1 is too large (at most %2)."),
    "order.line_too_large": QT_TRANSLATE_NOOP(
        "Messages", "%1 of this line (%2) is more than an order may hold (%3)."
    ),
    "order.total_too_large": QT_TRANSLATE_NOOP(
        "Messages", "%1 of the order (%2) is more than an order may hold (%3)."
    ),
    "date.out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "Date '%1' is outside the dates Lavka keeps (%2 to %3)."
    ),
    "name.required": QT_TRANSLATE_NOOP("Messages", "%1 is required."),
    "name.too_long": QT_TRANSLATE_NOOP("Messages", "%1 is longer than %2 characters (%3)."),
    "text.control_char": QT_TRANSLATE_NOOP(
        "Messages", "%1 contains an invisible control character (%3) at position %2; remove it."
    ),
    "phone.not_a_number": QT_TRANSLATE_NOOP("Messages", "Phone '%1' is not a phone number."),
    "phone.too_short": QT_TRANSLATE_NOOP(
        "Messages", "Phone '%1' is not a valid number: it is too short."
    ),
    "phone.too_long": QT_TRANSLATE_NOOP(
        "Messages", "Phone '%1' is not a valid number: it is too long."
    ),
    "phone.bad_country": QT_TRANSLATE_NOOP(
        "Messages", "Phone '%1' is not a valid number: the country code is unknown."
    ),
    "phone.wrong_length": QT_TRANSLATE_NOOP(
        "Messages", "Phone '%1' is not a valid number: it has the wrong number of digits."
    ),
    "phone.not_in_use": QT_TRANSLATE_NOOP(
        "Messages", "Phone '%1' is not a valid number: no such number is in use in that country."
    ),
    "phone.extension_too_long": QT_TRANSLATE_NOOP(
        "Messages", "Phone '%1' has an extension longer than %2 digits."
    ),
    "email.invalid": QT_TRANSLATE_NOOP(
        "Messages", "E-mail '%1' is not an address like name@mail.ru."
    ),
    "channel.not_found": QT_TRANSLATE_NOOP("Messages", "Channel #%1 does not exist."),
    "product.name_taken": QT_TRANSLATE_NOOP("Messages", "A product named '%1' already exists."),
    "order.contact_required": QT_TRANSLATE_NOOP("Messages", "An order needs a contact."),
    "order.lines_required": QT_TRANSLATE_NOOP(
        "Messages", "An order needs at least one shipment line."
    ),
    "order.product_required": QT_TRANSLATE_NOOP("Messages", "Choose a product."),
    "order.loss_reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Say why the order is '%1': choose a loss reason."
    ),
    "order.not_found": QT_TRANSLATE_NOOP("Messages", "Order #%1 does not exist."),
    "shipment.listed_twice": QT_TRANSLATE_NOOP("Messages", "Shipment #%1 is listed twice."),
    "shipment.not_in_order": QT_TRANSLATE_NOOP(
        "Messages", "Shipment #%1 is not a line of this order."
    ),
    "shipment.not_found": QT_TRANSLATE_NOOP("Messages", "Shipment #%1 does not exist."),
    "status.not_found": QT_TRANSLATE_NOOP("Messages", "Order status #%1 does not exist."),
    "loss_reason.not_found": QT_TRANSLATE_NOOP("Messages", "Loss reason #%1 does not exist."),
    "payment.amount_not_positive": QT_TRANSLATE_NOOP(
        "Messages", "%1 of a payment must be more than 0 (got %2)."
    ),
    "payment.in_future": QT_TRANSLATE_NOOP(
        "Messages", "A payment cannot be dated %1: that is more than a day ahead."
    ),
    "payment.order_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "Order #%1 is cancelled: it takes no new payments."
    ),
    "payment.method_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Unknown payment method '%1': use cash, card, transfer or other."
    ),
    "payment.not_found": QT_TRANSLATE_NOOP("Messages", "Payment #%1 does not exist."),
    "payment.terms_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Payment terms must be a whole number of days from 0 to %2 (got '%1')."
    ),
    "score.whole_range": QT_TRANSLATE_NOOP(
        "Messages", "%1 must be a whole number from %3 to %4 (got '%2')."
    ),
    "score.bands_from_zero": QT_TRANSLATE_NOOP(
        "Messages", "The first age band must start at day 0."
    ),
    "score.bands_order": QT_TRANSLATE_NOOP(
        "Messages", "An age band must start after the one above it: day %1 is not after day %2."
    ),
    "score.threshold_positive": QT_TRANSLATE_NOOP(
        "Messages", "The threshold of class %1 must be more than 0."
    ),
    "score.thresholds_order": QT_TRANSLATE_NOOP(
        "Messages", "The threshold of class %1 must be lower than that of class %2."
    ),
    "order.expected_amount_open_only": QT_TRANSLATE_NOOP(
        "Messages",
        "Only an open order may go without lines (with an expected amount); add what was sold.",
    ),
    "purchase.not_found": QT_TRANSLATE_NOOP("Messages", "Purchase #%1 does not exist (any more)."),
    "purchase.lines_required": QT_TRANSLATE_NOOP(
        "Messages", "Add at least one line: which product, how many, at what cost."
    ),
    "purchase.line_not_in_purchase": QT_TRANSLATE_NOOP(
        "Messages", "Line #%1 is not a line of this purchase."
    ),
    "purchase.supplier_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Supplier #%1 does not exist (any more)."
    ),
    "adjustment.not_found": QT_TRANSLATE_NOOP(
        "Messages", "Stock adjustment #%1 does not exist (any more)."
    ),
    "adjustment.reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Say why the stock changes (a recount, damaged goods, a gift…)."
    ),
    "adjustment.quantity_zero": QT_TRANSLATE_NOOP(
        "Messages", "Enter how many units are added (12) or taken away (-3); 0 changes nothing."
    ),
    "adjustment.kind_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Unknown kind of adjustment '%1': use count or write_off."
    ),
    "expense.not_found": QT_TRANSLATE_NOOP("Messages", "Expense #%1 does not exist (any more)."),
    "expense.amount_not_positive": QT_TRANSLATE_NOOP(
        "Messages", "%1 of an expense must be more than 0 (got %2)."
    ),
    "expense.category_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Unknown expense category '%1': use ads, delivery, packaging, fees or other."
    ),
    "expense.channel_for_ads": QT_TRANSLATE_NOOP(
        "Messages", "Only an ad expense names a channel; choose the category Ads or no channel."
    ),
    "stock.min_negative": QT_TRANSLATE_NOOP(
        "Messages", "The minimum stock is a whole number of units, 0 or more (got '%1')."
    ),
    "history.not_found": QT_TRANSLATE_NOOP(
        "Messages", "History entry #%1 does not exist (any more)."
    ),
    "history.not_in_trash": QT_TRANSLATE_NOOP(
        "Messages", "History entry #%1 is not a deleted order or contact."
    ),
    "history.keep_months": QT_TRANSLATE_NOOP(
        "Messages", "Keep the details of changes for 0 to %1 months (0: for ever)."
    ),
    "undo.already": QT_TRANSLATE_NOOP("Messages", "“%1” has already been undone."),
    "undo.compacted": QT_TRANSLATE_NOOP(
        "Messages",
        "“%1” cannot be undone: its details were compacted (Settings → History keeps them for"
        " a set time).",
    ),
    "undo.conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "“%1” cannot be undone: the same records were changed later by “%2” (%3). Undo that"
        " change first. Nothing was changed.",
    ),
    "undo.gone": QT_TRANSLATE_NOOP(
        "Messages",
        "“%1” cannot be undone: a record it made or changed has been deleted since. Nothing was"
        " changed.",
    ),
    "undo.changed": QT_TRANSLATE_NOOP(
        "Messages",
        "“%1” cannot be undone: its records were changed since outside the history. Nothing was"
        " changed.",
    ),
    "undo.duplicate": QT_TRANSLATE_NOOP(
        "Messages",
        "“%1” cannot be undone: a later record (%2) has a name or number it would bring back."
        " Change or delete that record first. Nothing was changed.",
    ),
    "undo.dependents": QT_TRANSLATE_NOOP(
        "Messages",
        "“%1” cannot be undone: later records depend on it (%2). Delete or undo them first."
        " Nothing was changed.",
    ),
}

# The names of actions in the history and in Edit → Undo ("action.<code>", the code a service
# gives its unit of work: services/uow.py UnitOfWork.name).
ACTION_TEXTS = {
    "action.change": QT_TRANSLATE_NOOP("Messages", "Changes"),
    "action.undo": QT_TRANSLATE_NOOP("Messages", "Undo: %1"),
    "action.redo": QT_TRANSLATE_NOOP("Messages", "Redo: %1"),
    "action.contact.created": QT_TRANSLATE_NOOP("Messages", "New contact %1"),
    "action.contact.saved": QT_TRANSLATE_NOOP("Messages", "Contact %1 edited"),
    "action.contact.deleted": QT_TRANSLATE_NOOP("Messages", "Contact %1 deleted"),
    "action.contact.archived": QT_TRANSLATE_NOOP("Messages", "Contact %1 archived"),
    "action.contact.unarchived": QT_TRANSLATE_NOOP("Messages", "Contact %1 back from the archive"),
    "action.contact.terms": QT_TRANSLATE_NOOP("Messages", "Contact %1: payment terms %2 days"),
    "action.contact.note": QT_TRANSLATE_NOOP("Messages", "Contact %1: note"),
    "action.contact.snoozed": QT_TRANSLATE_NOOP("Messages", "Contact %1: reminder put off to %2"),
    "action.contact.not_interested": QT_TRANSLATE_NOOP(
        "Messages", "Contact %1: not interested until the next purchase"
    ),
    "action.contact.remind_again": QT_TRANSLATE_NOOP("Messages", "Contact %1: remind again"),
    "action.merge.contacts": QT_TRANSLATE_NOOP("Messages", "Contact %1 merged into %2"),
    "action.order.created": QT_TRANSLATE_NOOP("Messages", "Order No. %1 created"),
    "action.order.saved": QT_TRANSLATE_NOOP("Messages", "Order No. %1 edited"),
    "action.order.status": QT_TRANSLATE_NOOP("Messages", "Order No. %1: status %2 → %3"),
    "action.order.deleted": QT_TRANSLATE_NOOP("Messages", "Order No. %1 deleted"),
    "action.order.shipment_moved": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1: move shipment to %2"
    ),
    "action.order.payment_due": QT_TRANSLATE_NOOP("Messages", "Order No. %1: payment due %2"),
    "action.order.payment_due_reset": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1: payment due by the contact's terms"
    ),
    "action.order.follow_up_done": QT_TRANSLATE_NOOP("Messages", "Order No. %1: follow-up done"),
    "action.order.follow_up_dismissed": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1: follow-up dismissed"
    ),
    "action.payment.recorded": QT_TRANSLATE_NOOP("Messages", "Order No. %1: payment %2"),
    "action.payment.deleted": QT_TRANSLATE_NOOP("Messages", "Order No. %1: payment %2 deleted"),
    "action.document.invoice": QT_TRANSLATE_NOOP("Messages", "Order No. %1: invoice No. %2 of %3"),
    "action.document.delivery_note": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1: delivery note No. %2 of %3"
    ),
    "action.document.receipt": QT_TRANSLATE_NOOP(
        "Messages", "Order No. %1: sales receipt No. %2 of %3"
    ),
    "action.product.created": QT_TRANSLATE_NOOP("Messages", "New product %1"),
    "action.product.saved": QT_TRANSLATE_NOOP("Messages", "Product %1 edited"),
    "action.product.min_stock": QT_TRANSLATE_NOOP("Messages", "Product %1: minimum stock %2"),
    "action.product.min_stock_cleared": QT_TRANSLATE_NOOP(
        "Messages", "Product %1: no minimum stock"
    ),
    "action.stock.adjusted": QT_TRANSLATE_NOOP("Messages", "Stock of %1: %2 (%3)"),
    "action.stock.adjustment_deleted": QT_TRANSLATE_NOOP(
        "Messages", "Stock of %1: adjustment %2 deleted"
    ),
    "action.stock.settled": QT_TRANSLATE_NOOP("Messages", "Stock counted"),
    "action.purchase.created": QT_TRANSLATE_NOOP("Messages", "New purchase of %1"),
    "action.purchase.saved": QT_TRANSLATE_NOOP("Messages", "Purchase of %1 edited"),
    "action.purchase.deleted": QT_TRANSLATE_NOOP("Messages", "Purchase of %1 deleted"),
    "action.expense.saved": QT_TRANSLATE_NOOP("Messages", "Expense of %1: %2"),
    "action.expense.deleted": QT_TRANSLATE_NOOP("Messages", "Expense of %1 deleted: %2"),
    "action.task.created": QT_TRANSLATE_NOOP("Messages", "New task “%1”"),
    "action.task.saved": QT_TRANSLATE_NOOP("Messages", "Task “%1” edited"),
    "action.task.deleted": QT_TRANSLATE_NOOP("Messages", "Task “%1” deleted"),
    "action.task.moved": QT_TRANSLATE_NOOP("Messages", "Task “%1” moved to %2"),
    "action.task.done": QT_TRANSLATE_NOOP("Messages", "Task “%1” done"),
    "action.task.reopened": QT_TRANSLATE_NOOP("Messages", "Task “%1” not done"),
    "action.tag.created": QT_TRANSLATE_NOOP("Messages", "New tag %1"),
    "action.tag.saved": QT_TRANSLATE_NOOP("Messages", "Tag %1 edited"),
    "action.tag.deleted": QT_TRANSLATE_NOOP("Messages", "Tag %1 deleted"),
    "action.tag.list_saved": QT_TRANSLATE_NOOP("Messages", "Tags edited"),
    "action.list.statuses": QT_TRANSLATE_NOOP("Messages", "Order statuses edited"),
    "action.list.channels": QT_TRANSLATE_NOOP("Messages", "Channels edited"),
    "action.list.loss_reasons": QT_TRANSLATE_NOOP("Messages", "Loss reasons edited"),
    "action.import.file": QT_TRANSLATE_NOOP("Messages", "Import of %1: %2 records"),
    "action.import.records": QT_TRANSLATE_NOOP("Messages", "Import: %1 records"),
    "action.demo.created": QT_TRANSLATE_NOOP("Messages", "Demo business created"),
}
TEXTS.update(ACTION_TEXTS)

# The tables the history names (services/history.py), as a person would call them.
TABLE_LABELS = {
    "contacts": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "orders": QT_TRANSLATE_NOOP("Fields", "Order"),
    "shipments": QT_TRANSLATE_NOOP("Fields", "Order line"),
    "payments": QT_TRANSLATE_NOOP("Fields", "Payment"),
    "products": QT_TRANSLATE_NOOP("Fields", "Product"),
    "order_statuses": QT_TRANSLATE_NOOP("Fields", "Order status"),
    "channels": QT_TRANSLATE_NOOP("Fields", "Channel"),
    "loss_reasons": QT_TRANSLATE_NOOP("Fields", "Loss reason"),
    "tags": QT_TRANSLATE_NOOP("Fields", "Tag"),
    "contact_tags": QT_TRANSLATE_NOOP("Fields", "Contact's tag"),
    "contact_phones": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "contact_emails": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "contact_reminders": QT_TRANSLATE_NOOP("Fields", "Reminder"),
    "tasks": QT_TRANSLATE_NOOP("Fields", "Task"),
    "contact_notes": QT_TRANSLATE_NOOP("Fields", "Note"),
    "follow_ups": QT_TRANSLATE_NOOP("Fields", "Follow-up"),
    "order_origins": QT_TRANSLATE_NOOP("Fields", "Import source"),
    "order_stages": QT_TRANSLATE_NOOP("Fields", "Order stage"),
    "documents": QT_TRANSLATE_NOOP("Fields", "Document"),
    "purchases": QT_TRANSLATE_NOOP("Fields", "Purchase"),
    "purchase_lines": QT_TRANSLATE_NOOP("Fields", "Purchase line"),
    "stock_adjustments": QT_TRANSLATE_NOOP("Fields", "Stock adjustment"),
    "expenses": QT_TRANSLATE_NOOP("Fields", "Expense"),
}


# The field names messages put in: each one marked, so the Russian catalogue has it.
LABELS = (
    QT_TRANSLATE_NOOP("Fields", "Name"),
    QT_TRANSLATE_NOOP("Fields", "Product name"),
    QT_TRANSLATE_NOOP("Fields", "Default price"),
    QT_TRANSLATE_NOOP("Fields", "Default cost"),
    QT_TRANSLATE_NOOP("Fields", "Unit price"),
    QT_TRANSLATE_NOOP("Fields", "Unit cost"),
    QT_TRANSLATE_NOOP("Fields", "Quantity"),
    QT_TRANSLATE_NOOP("Fields", "Price"),
    QT_TRANSLATE_NOOP("Fields", "Cost"),
    QT_TRANSLATE_NOOP("Fields", "Amount"),
    QT_TRANSLATE_NOOP("Fields", "Product"),
    QT_TRANSLATE_NOOP("Fields", "Phone"),
    QT_TRANSLATE_NOOP("Fields", "E-mail"),
    QT_TRANSLATE_NOOP("Fields", "Address"),
    QT_TRANSLATE_NOOP("Fields", "Notes"),
    QT_TRANSLATE_NOOP("Fields", "SKU"),
    QT_TRANSLATE_NOOP("Fields", "Comment"),
    QT_TRANSLATE_NOOP("Fields", "Loss note"),
    QT_TRANSLATE_NOOP("Fields", "Title"),
    QT_TRANSLATE_NOOP("Fields", "Note"),
    QT_TRANSLATE_NOOP("Fields", "Text"),
    QT_TRANSLATE_NOOP("Fields", "Answer"),
    QT_TRANSLATE_NOOP("Fields", "Date"),
    QT_TRANSLATE_NOOP("Fields", "Customer or phone"),
    QT_TRANSLATE_NOOP("Fields", "Default probability"),
    QT_TRANSLATE_NOOP("Fields", "Floor"),
    QT_TRANSLATE_NOOP("Fields", "From day"),
    QT_TRANSLATE_NOOP("Fields", "Modifier, %"),
    QT_TRANSLATE_NOOP("Fields", "Class threshold"),
    QT_TRANSLATE_NOOP("Fields", "Expected amount"),
    QT_TRANSLATE_NOOP("Fields", "Company name"),
    QT_TRANSLATE_NOOP("Fields", "Legal name"),
    QT_TRANSLATE_NOOP("Fields", "INN"),
    QT_TRANSLATE_NOOP("Fields", "Job title"),
    QT_TRANSLATE_NOOP("Fields", "Company"),
    QT_TRANSLATE_NOOP("Fields", "Ordered by"),
    QT_TRANSLATE_NOOP("Fields", "Tag"),
    QT_TRANSLATE_NOOP("Fields", "Colour"),
    QT_TRANSLATE_NOOP("Fields", "Seller"),
    QT_TRANSLATE_NOOP("Fields", "Logo"),
    QT_TRANSLATE_NOOP("Fields", "Stamp and signature"),
    QT_TRANSLATE_NOOP("Fields", "Delivery cost"),
    QT_TRANSLATE_NOOP("Fields", "Supplier"),
    QT_TRANSLATE_NOOP("Fields", "Document"),
    QT_TRANSLATE_NOOP("Fields", "Reason"),
    QT_TRANSLATE_NOOP("Fields", "Minimum stock"),
)


def segment_name(code: str, translate: Translate | None = None) -> str:
    """A lifecycle segment's name ("recently_asleep" → "Recently asleep") in `translate`'s
    language."""
    return (translate or english)(CONTEXT, SEGMENT_NAMES.get(code, code), -1)


def role_name(code: str, translate: Translate | None = None) -> str:
    """A role's word ("manager" → "Manager") in `translate`'s language."""
    return (translate or english)(CONTEXT, ROLE_NAMES.get(code, code), -1)


def expense_category_name(code: str, translate: Translate | None = None) -> str:
    """An expense category's word ("ads" → "Ads") in `translate`'s language; an unknown code
    as it is."""
    source = EXPENSE_CATEGORY_NAMES.get(code)
    return (translate or english)(CONTEXT, source, -1) if source is not None else code


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
