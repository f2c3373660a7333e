"""Planning the cards of Lavka's exchange format: the Tags sheet, then Companies, then Contacts
(the people, who name their company by its Company ID), so that what a row names is planned
before it.

A company and a person are both contacts, so their IDs are one space: an ID in both sheets is
refused, as an ID twice in one sheet is. A card's phones (the main one and the further ones
of its `Phones` cell) are normalised like the main phone always was and are unique across the
file: a phone also on another row refuses the later row, naming the sheet, the row and the
column. A card one of whose phones is already in the database is that contact (left as it
is), as before; phones of two different contacts there refuse the row, and so does a company
whose phone is a person's. A card without a phone whose ID is a contact here of its kind and
name, also without a phone, is that contact too: importing a database's own export again
adds no second phoneless company.

`Phones` and `Emails` cells list entries separated by ";" (or line breaks), each the value
with its label in brackets after it, `+7 916 123-45-67 (work)`, or the value alone; a label
is its code (models.CHANNEL_LABELS) or an English or Russian word for it (LABEL_WORDS). A
`Tags` cell lists tag names separated by ";" (a name that itself holds ";" is read whole when
the Tags sheet or the database knows it). A tag only a card names is made with the default
colour; a tag the database already has is that tag, its colour as it is. A refused row of the
Tags sheet leaves its tag off the cards that name it.

A refused row rejects what hangs on it: a company its people (and, in plan_exchange, each
refused card its orders).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select

from models import Contact, Tag, fold
from models.people import TAG_COLOUR, TAG_NAME_MAX
from services.errors import ValidationError
from services.importing.cells import cell_bool, cell_datetime, cell_text
from services.importing.context import Context, PhoneOwner
from services.importing.exchange_sheet import ExchangeSheet, name_cell
from services.importing.plan import PlannedContact, PlannedTag, SkippedRow
from services.importing.source import TRIM, Cell, SourceSheet
from services.messages import Label
from services.payments import TERMS_MAX
from services.phones import format_phone
from services.tax_ids import check_tax_id
from services.values import required_name

DEFAULT_COLOUR = TAG_COLOUR

# What a file may write for a phone's or an e-mail's label (folded: any case, ё = е): each
# code of models.CHANNEL_LABELS, which is what is stored and what the export writes, and words.
LABEL_WORDS: dict[str, str] = {
    fold(word): code
    for code, words in {
        "mobile": ("mobile", "cell", "cellphone", "мобильный", "мобильная", "моб", "сотовый"),
        "work": ("work", "office", "рабочий", "рабочая", "работа"),
        "home": ("home", "домашний", "домашняя", "дом"),
        "whatsapp": ("whatsapp", "ватсап", "вотсап", "вацап"),
        "telegram": ("telegram", "телеграм", "телеграмм", "телеграмма"),
        "other": ("other", "другой", "другая", "другое"),
    }.items()
    for word in (code, *words)
}
_ENTRIES = re.compile(r"[;\n\r]")
_LABELLED = re.compile(r"(?P<value>.*?)\s*\((?P<label>[^()]*)\)", re.DOTALL)
_COLOUR = re.compile(r"#?[0-9a-f]{6}")
_ID = {"company": "Company ID", "person": "Contact ID"}
_IN_CHUNK = 500


@dataclass(frozen=True)
class Cards:
    """The cards a file's sheets plan, and where each of its IDs was."""

    contacts: dict[int, PlannedContact]  # by the file's ID: the companies first, then people
    seen: dict[int, tuple[str, int]]  # every ID of the file → (sheet, row), refused rows too
    tags: tuple[PlannedTag, ...]
    sheets: tuple[ExchangeSheet, ...]  # the sheets read: tags, companies, contacts


def plan_cards(
    context: Context, sheets: dict[str, SourceSheet], skipped: list[SkippedRow]
) -> Cards:
    """The Tags, Companies and Contacts sheets (the first two optional) as planned cards; the
    rows refused go to `skipped`."""
    planner = _Planner(context, skipped)
    if "tags" in sheets:
        planner.tag_sheet(ExchangeSheet(sheets["tags"]))
    if "companies" in sheets:
        planner.cards(ExchangeSheet(sheets["companies"]), "company")
    planner.cards(ExchangeSheet(sheets["contacts"]), "person")
    return Cards(
        contacts=planner.contacts,
        seen={cid: (sheet.sheet.name, row) for cid, (sheet, row) in planner.seen.items()},
        tags=tuple(planner.tags.values()),
        sheets=tuple(planner.sheets),
    )


class _Planner:
    def __init__(self, context: Context, skipped: list[SkippedRow]) -> None:
        self.context = context
        self.skipped = skipped
        self.contacts: dict[int, PlannedContact] = {}
        self.seen: dict[int, tuple[ExchangeSheet, int]] = {}
        self.phones: dict[str, tuple[ExchangeSheet, int]] = {}  # phone → the row that has it
        self.tags: dict[str, PlannedTag] = {}  # by key, in the order met
        self.refused_tags: set[str] = set()
        self.known_tags = {
            key: (tid, name, colour)
            for tid, key, name, colour in context.session.execute(
                select(Tag.id, Tag.name_key, Tag.name, Tag.colour)
            )
        }
        self.sheets: list[ExchangeSheet] = []

    # --- tags -------------------------------------------------------------------------------

    def tag_sheet(self, sheet: ExchangeSheet) -> None:
        self.sheets.append(sheet)
        for row, cells in sheet.rows():
            name = sheet.parse(row, "Name", name_cell, "Tag", TAG_NAME_MAX)
            colour = sheet.parse(row, "Colour", _colour)
            key = fold(name) if name else None
            if key is not None and key in self.tags:
                sheet.refuse(row, "Name", "tag.taken", name)
            elif key is not None and row in sheet.bad:
                self.refused_tags.add(key)
            if row in sheet.bad:
                self.skipped.append(sheet.skipped(row, cells))
                continue
            assert name is not None and key is not None  # else parse refused the row
            self.refused_tags.discard(key)
            self.tags[key] = self._tag(key, name, colour or DEFAULT_COLOUR)

    def _tag(self, key: str, name: str, colour: str) -> PlannedTag:
        known = self.known_tags.get(key)
        if known is not None:
            return PlannedTag(key, known[0], known[1], known[2])
        return PlannedTag(key, None, name, colour)

    def _tag_names(self, text: str) -> list[str]:
        """The names of a Tags cell: split at ";", pieces joined back into a known name that
        holds ";" (the longest first)."""
        known = self.tags.keys() | self.known_tags.keys() | self.refused_tags
        pieces = text.split(";")
        names: list[str] = []
        start = 0
        while start < len(pieces):
            end = start + 1
            for longer in range(len(pieces), start + 1, -1):
                if fold(";".join(pieces[start:longer]).strip(TRIM)) in known:
                    end = longer
                    break
            if name := ";".join(pieces[start:end]).strip(TRIM):
                names.append(name)
            start = end
        return names

    def _card_tags(self, sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...]) -> list[str]:
        text = sheet.text(cells, "Tags")
        if text is None:
            return []
        names: dict[str, str] = {}
        for typed in self._tag_names(text):
            try:
                name = required_name(typed, "name", "Tag", TAG_NAME_MAX)
            except ValidationError as error:
                sheet.refuse_for(row, "Tags", error)
                continue
            if fold(name) not in self.refused_tags:
                names.setdefault(fold(name), name)
        return list(names.values())

    # --- companies and people ---------------------------------------------------------------

    def cards(self, sheet: ExchangeSheet, kind: str) -> None:
        self.sheets.append(sheet)
        company = kind == "company"
        rows: dict[int, int] = {}  # this sheet's IDs → their rows
        accepted: list[tuple[int, tuple[Cell, ...], int, PlannedContact, list[str]]] = []
        for row, cells in sheet.rows():
            cid = self._ident(sheet, row, cells, _ID[kind], rows)
            name = sheet.parse(row, "Name", name_cell, "Company name" if company else "Name")
            phone = self._main_phone(sheet, row, cells)
            phone_label = sheet.parse(row, "Phone label", _label)
            phones = self._further_phones(sheet, row, cells)
            email_label = sheet.parse(row, "Email label", _label)
            emails = sheet.parse(row, "Emails", _emails)
            tags = self._card_tags(sheet, row, cells)
            terms = sheet.parse(row, "Payment terms, days", _terms)
            company_key = None if company else self._company(sheet, row, cells)
            tax_id = None
            if company:  # an INN is checked as on the card
                tax_id = sheet.parse(row, "INN", _tax_id, self.context.region)
            if row in sheet.bad:
                self.skipped.append(sheet.skipped(row, cells))
                continue
            assert cid is not None and name is not None  # else the row was refused
            contact = PlannedContact(
                key=f"id:{cid}",
                existing_id=None,
                name=name,
                phone=phone,
                email=sheet.text(cells, "Email"),
                address=sheet.text(cells, "Address"),
                notes=sheet.text(cells, "Notes"),
                channel=sheet.text(cells, "Channel"),
                archived=cell_bool(sheet.cell(cells, "Archived"), False),
                created_at=_local_to_utc(cell_datetime(sheet.cell(cells, "Created"))),
                source_id=cid,
                payment_terms_days=terms or 0,
                kind=kind,
                company_key=company_key,
                job_title=None if company else sheet.text(cells, "Job title"),
                legal_name=sheet.text(cells, "Legal name") if company else None,
                tax_id=tax_id,
                phone_label=phone_label,
                email_label=email_label,
                phones=phones,
                emails=emails or (),
            )
            accepted.append((row, cells, cid, contact, tags))
        owners = self.context.phone_owners(p for *_head, c, _t in accepted for p in c.all_phones)
        phoneless = self._phoneless([cid for _r, _c, cid, c, _t in accepted if not c.all_phones])
        for row, cells, cid, contact, tags in accepted:
            existing = self._existing(sheet, row, contact, owners)
            if not contact.all_phones and phoneless.get(cid) == (fold(contact.name), kind):
                existing = cid
            if row in sheet.bad:
                self.skipped.append(sheet.skipped(row, cells))
                continue
            keys = []
            for name in tags:
                key = fold(name)
                if key not in self.tags:
                    self.tags[key] = self._tag(key, name, DEFAULT_COLOUR)
                keys.append(key)
            self.contacts[cid] = replace(contact, existing_id=existing, tags=tuple(keys))

    def _ident(
        self,
        sheet: ExchangeSheet,
        row: int,
        cells: tuple[Cell, ...],
        header: str,
        rows: dict[int, int],
    ) -> int | None:
        """The row's ID, unique in its sheet and across the sheets of cards."""
        cid = sheet.ident(row, cells, header, rows)
        if cid is None:
            return None
        rows[cid] = row
        other = self.seen.get(cid)
        if other is not None:
            other_sheet, other_row = other
            sheet.refuse(
                row, header, "import.also_on_sheet", header, cid, other_sheet.sheet.name, other_row
            )
            return None
        self.seen[cid] = (sheet, row)
        return cid

    def _claim(self, sheet: ExchangeSheet, row: int, header: str, phone: str, raw: str) -> bool:
        """Whether the phone is the row's: no other row (nor this one) has it yet."""
        other = self.phones.get(phone)
        if other is None:
            self.phones[phone] = (sheet, row)
            return True
        other_sheet, other_row = other
        if other == (sheet, row):
            sheet.refuse(row, header, "phone.repeated", raw)
        elif other_sheet is sheet:
            sheet.refuse(row, header, "import.phone_twice", raw, other_row)
        else:
            name = other_sheet.sheet.name
            sheet.refuse(row, header, "import.also_on_sheet", Label("Phone"), raw, name, other_row)
        return False

    def _main_phone(self, sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...]) -> str | None:
        raw = sheet.text(cells, "Phone")
        if not raw:
            return None
        phone = self.context.phone(raw)
        if isinstance(phone, ValidationError):
            sheet.refuse_for(row, "Phone", phone)
            return None
        return phone if self._claim(sheet, row, "Phone", phone, raw) else None

    def _further_phones(
        self, sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...]
    ) -> tuple[tuple[str, str | None], ...]:
        phones: list[tuple[str, str | None]] = []
        for raw, label_text in _entries(sheet.text(cells, "Phones")):
            try:
                label = _label(label_text)
            except ValidationError as error:
                sheet.refuse_for(row, "Phones", error)
                continue
            phone = self.context.phone(raw)
            if isinstance(phone, ValidationError):
                sheet.refuse_for(row, "Phones", phone)
            elif self._claim(sheet, row, "Phones", phone, raw):
                phones.append((phone, label))
        return tuple(phones)

    def _company(self, sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...]) -> str | None:
        """The plan key of the person's company (None for a person on their own)."""
        cid = sheet.ident(row, cells, "Company ID", None)
        if cid is None:
            return None
        planned = self.contacts.get(cid)
        if planned is not None and planned.kind == "company":
            return planned.key
        where = self.seen.get(cid)
        refused = where is not None and where[0] is not sheet and cid not in self.contacts
        code = "import.company_rejected" if refused else "import.no_such_company"
        sheet.refuse(row, "Company ID", code, cid)
        return None

    def _phoneless(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        """{id: (folded name, kind)} of the contacts here without a phone among `ids`."""
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(ids), _IN_CHUNK):
            query = select(Contact.id, Contact.name_key, Contact.kind).where(
                Contact.id.in_(ids[start : start + _IN_CHUNK]), Contact.phone.is_(None)
            )
            found.update(
                {cid: (key, kind) for cid, key, kind in self.context.session.execute(query)}
            )
        return found

    def _existing(
        self,
        sheet: ExchangeSheet,
        row: int,
        contact: PlannedContact,
        owners: Mapping[str, PhoneOwner],
    ) -> int | None:
        """The contact already in the database that has the card's phones, if one has."""
        found = None
        for phone in contact.all_phones:
            owner = owners.get(phone)
            if owner is None:
                continue
            header = "Phone" if phone == contact.phone else "Phones"
            if found is not None and owner.id != found.id:
                shown = format_phone(phone)
                sheet.refuse(row, header, "phone.taken", shown, owner.name, owner.id)
                return None
            if contact.kind == "company" and owner.kind != "company":
                sheet.refuse(row, header, "contact.company_is_person", owner.name)
                return None
            found = owner
        return None if found is None else found.id


def _entries(text: str | None) -> Iterator[tuple[str, str | None]]:
    """(value, label text or None) of each entry of a Phones or Emails cell."""
    for piece in _ENTRIES.split(text or ""):
        entry = piece.strip(TRIM)
        if not entry:
            continue
        labelled = _LABELLED.fullmatch(entry)
        # "(work)" is a label; "(495)" or "(доб. 5)" belongs to the number
        if labelled and not any(c.isdigit() for c in labelled["label"]):
            yield labelled["value"].strip(TRIM), labelled["label"].strip(TRIM) or None
        else:
            yield entry, None


def _label(value: Cell) -> str | None:
    """A label's code from its code or word (None for none)."""
    text = cell_text(value)
    if text is None:
        return None
    code = LABEL_WORDS.get(fold(text))
    if code is None:
        raise ValidationError.of("label", "label.unknown", text)
    return code


def _emails(value: Cell) -> tuple[tuple[str, str | None], ...]:
    return tuple((email, _label(label)) for email, label in _entries(cell_text(value)))


def _colour(value: Cell) -> str | None:
    """`#2E7D32` or `2e7d32` → `#2e7d32`; None when empty (the default colour)."""
    text = cell_text(value)
    if text is None:
        return None
    colour = text.strip().lower()
    if not _COLOUR.fullmatch(colour):
        raise ValidationError.of("colour", "tag.colour_invalid", text)
    return colour if colour.startswith("#") else "#" + colour


def _tax_id(value: Cell, region: str) -> str | None:
    return check_tax_id(cell_text(value), region)


def _terms(value: Cell) -> int:
    """Payment terms in whole days, 0 when the column is missing or empty (an older file)."""
    text = cell_text(value)
    if text is None:
        return 0
    if not text.isdigit() or int(text) > TERMS_MAX:
        raise ValidationError.of("payment_terms", "payment.terms_invalid", text, TERMS_MAX)
    return int(text)


def _local_to_utc(value: dt.datetime | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):  # at the ends of the calendar: as the export wrote it
        return value
