"""The exchange format with companies and their people, several phones and e-mails with labels,
tags and "ordered by" (issue #16): a round trip loses nothing, an export from before still
imports as it did, and what a person types in those cells is read or refused by row and
column."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from models import CHANNEL_LABELS, Contact, ContactEmail, ContactPhone, ContactTag, Tag, fold
from services import choices
from services.exchange import export_all
from services.importing import ImportRejected, apply_import, plan_import, read_file
from services.importing.exchange_cards import LABEL_WORDS
from services.orders import LineInput, OrderInput, save_order
from services.storage import Database
from tests.conftest import TODAY, Shop, status_id
from tests.more_databases import NewDatabases, sound
from tests.test_importing import sheet

FORMATS = ["xlsx", "csv-excel-ru", "csv-standard"]


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


@dataclass(frozen=True)
class Grown:
    shop: Shop
    kozha: int  # a company with a legal name, an INN, two people and three tags
    old_shop: int  # an archived company, no phone
    olga: int  # Kozha's owner: three phones, two e-mails
    petr: int  # Kozha's buyer
    kozha_order: int  # Kozha's, ordered by Petr
    old_order: int  # the archived company's, nobody named


TAGS = [
    ("опт", "#2e7d32"),
    ("VIP", "#c62828"),
    ("Тверь", "#1565c0"),
    ("Новые; осень", "#6a1b9a"),  # a name holding the separator
    ("без карточек", "#808080"),  # on no card: kept all the same
]


def add(session, record):
    session.add(record)
    session.flush()
    return record.id


@pytest.fixture
def grown(db: Database, shop: Shop) -> Grown:
    """The shop of conftest with two companies and their people, written as the cards do."""
    with db.session() as s:
        tags = {name: add(s, Tag(name=name, name_key=fold(name), colour=c)) for name, c in TAGS}
        channel = choices.channels(s)[0].id
        gone = add(s, Contact(name="Удалённый"))  # leaves a gap: ids must be kept, not packed
        s.delete(s.get(Contact, gone))
        s.flush()
        kozha = add(
            s,
            Contact(
                kind="company",
                name="Магазин «Кожа и стиль»",
                legal_name="ООО «Кожа и стиль»",
                tax_id="7707083893",
                phone="+74951234567",
                phone_label="work",
                email="shop@kozha.ru",
                email_label="work",
                address="Тверь, ул. Советская, 5",
                notes="Оптом, по средам",
                channel_id=channel,
                payment_terms_days=14,
            ),
        )
        s.add(ContactPhone(contact_id=kozha, position=1, phone="+74951234568;ext=12", label=None))
        s.add(ContactEmail(contact_id=kozha, position=1, email="buh@kozha.ru", label="other"))
        old_shop = add(s, Contact(kind="company", name="Старая лавка", archived=True))
        olga = add(
            s,
            Contact(
                name="Ольга Ковалёва",
                company_id=kozha,
                job_title="Владелец",
                phone="+79162000001",
                phone_label="mobile",
                email="olga@kozha.ru",
                email_label="work",
            ),
        )
        for position, (phone, label) in enumerate(
            [("+79162000002", "whatsapp"), ("+79162000003", "telegram")], start=1
        ):
            s.add(ContactPhone(contact_id=olga, position=position, phone=phone, label=label))
        s.add(ContactEmail(contact_id=olga, position=1, email="olga@mail.ru", label="home"))
        petr = add(
            s,
            Contact(name="Пётр", company_id=kozha, job_title="Закупщик", phone="+79163000001"),
        )
        s.add(ContactPhone(contact_id=petr, position=1, phone="+79163000002", label="mobile"))
        # a person of no company with a further phone and a tag
        s.add(ContactPhone(contact_id=shop.igor1, position=1, phone="+79161234569", label="home"))
        cards = [
            (kozha, "опт"),
            (kozha, "Тверь"),
            (kozha, "Новые; осень"),
            (old_shop, "VIP"),
            (olga, "VIP"),
            (shop.igor1, "опт"),
        ]
        s.add_all(ContactTag(contact_id=cid, tag_id=tags[name]) for cid, name in cards)
        s.commit()
    completed = status_id(db, "completed")
    kozha_order = save_order(
        db,
        OrderInput(kozha, "08.06.2026", completed, lines=(LineInput(shop.product_a, 10),)),
        today=TODAY,
    ).id  # 10 × 1000 = 10000
    old_order = save_order(
        db,
        OrderInput(old_shop, "02.03.2026", completed, lines=(LineInput(shop.product_b, 2),)),
        today=TODAY,
    ).id
    with db.engine.begin() as connection:  # "ordered by" written past the order service
        connection.execute(
            text("UPDATE orders SET person_id = :p WHERE id = :o"), {"p": petr, "o": kozha_order}
        )
    return Grown(shop, kozha, old_shop, olga, petr, kozha_order, old_order)


# --- what is compared: the rows themselves --------------------------------------------------

ROWS = {
    "contacts": """
        SELECT c.id, c.kind, c.name, c.name_key, c.phone, c.phone_label, c.email,
               c.email_label, c.address, c.notes, ch.name, c.archived, c.company_id,
               c.job_title, c.legal_name, c.tax_id, c.payment_terms_days,
               substr(CAST(c.created_at AS TEXT), 1, 19)
        FROM contacts c LEFT JOIN channels ch ON ch.id = c.channel_id ORDER BY c.id""",
    "contact_phones": """
        SELECT contact_id, position, phone, label FROM contact_phones
        ORDER BY contact_id, position""",
    "contact_emails": """
        SELECT contact_id, position, email, label FROM contact_emails
        ORDER BY contact_id, position""",
    "tags": "SELECT id, name, name_key, colour FROM tags ORDER BY id",
    "contact_tags": """
        SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
        ORDER BY ct.contact_id, t.name_key""",
    "orders": """
        SELECT o.id, o.date, s.name, o.contact_id, o.person_id, ch.name, o.comment, lr.name,
               o.loss_note, o.amount, o.cost, o.profit, o.line_count, o.paid, o.payment_due,
               o.expected_amount
        FROM orders o JOIN order_statuses s ON s.id = o.status_id
        LEFT JOIN channels ch ON ch.id = o.channel_id
        LEFT JOIN loss_reasons lr ON lr.id = o.loss_reason_id ORDER BY o.id""",
    "shipments": """
        SELECT sh.id, sh.order_id, sh.position, sh.date, p.name, sh.quantity, sh.unit_price,
               sh.unit_cost
        FROM shipments sh JOIN products p ON p.id = sh.product_id ORDER BY sh.id""",
    "payments": "SELECT id, order_id, date, amount, method, note FROM payments ORDER BY id",
    "products": """
        SELECT name, sku, default_price, default_cost, active FROM products ORDER BY name""",
    # the triggers' work: the same documents for the same cards and orders (products are
    # known by name: their ids are not kept)
    "search_index": """
        SELECT rowid, title, phones, body FROM search_index WHERE rowid % 4 IN (1, 2)
        ORDER BY rowid""",
}


def rows_of(database: Database) -> dict[str, list[tuple]]:
    with database.engine.connect() as connection:
        return {
            table: [tuple(r) for r in connection.execute(text(sql))] for table, sql in ROWS.items()
        }


def export(database: Database, folder: Path, file_format: str) -> Path:
    if file_format == "xlsx":
        target = folder / "all.xlsx"
        export_all(database, target, "xlsx", TODAY)
        return target
    target = folder / "csv"
    export_all(database, target, "csv", TODAY, file_format.removeprefix("csv-"))
    return target


def imported(path: Path, copy: Database):
    """`path` imported into the new database `copy`: (the plan, the database)."""
    plan = plan_import(copy, read_file(path), today=TODAY)
    assert plan.rejections == ()
    apply_import(copy, plan)
    return plan, copy


# --- the round trip --------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_base_with_companies_phones_and_tags_comes_back_row_for_row(
    db, grown, tmp_path, file_format, new_database
):
    before = rows_of(db)
    assert len(before["contact_phones"]) == 5 and len(before["contact_tags"]) == 6
    path = export(db, tmp_path, file_format)
    plan, copy = imported(path, new_database("copy"))
    try:
        # 3 people of the shop + 2 companies + 2 people; 5 tags, one on no card
        assert (plan.contacts_new, plan.tags_new, plan.order_count) == (7, 5, 8)
        after = rows_of(copy)
        assert sound(copy)
    finally:
        copy.close()
    for table in ROWS:
        assert after[table] == before[table], table
    # the ids kept, the gap too; the company's order names who placed it
    orders = {row[0]: row for row in after["orders"]}
    assert orders[grown.kozha_order][3:5] == (grown.kozha, grown.petr)
    assert orders[grown.old_order][3:5] == (grown.old_shop, None)


def test_the_sheets_say_companies_phones_and_tags_as_the_readme_does(db, grown, tmp_path):
    path = export(db, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == [
        *("Contacts", "Orders", "Shipments", "Companies", "Products", "Payments", "Tags"),
        *("Purchases", "PurchaseLines", "Expenses", "StockAdjustments"),
    ]
    sheets = {
        name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames
    }
    book.close()

    def by_id(name: str) -> dict:
        header, *rows = sheets[name]
        return {row[0]: dict(zip(header, row, strict=True)) for row in rows}

    olga = by_id("Contacts")[grown.olga]
    assert (olga["Company ID"], olga["Job title"]) == (grown.kozha, "Владелец")
    assert (olga["Phone"], olga["Phone label"]) == ("+7 916 200-00-01", "mobile")
    assert olga["Phones"] == "+7 916 200-00-02 (whatsapp); +7 916 200-00-03 (telegram)"
    assert (olga["Email label"], olga["Emails"]) == ("work", "olga@mail.ru (home)")
    assert olga["Tags"] == "VIP"
    igor = by_id("Contacts")[grown.shop.igor1]
    assert (igor["Company ID"], igor["Phones"], igor["Tags"]) == (
        None,
        "+7 916 123-45-69 (home)",
        "опт",
    )
    kozha = by_id("Companies")[grown.kozha]
    assert (kozha["Legal name"], kozha["INN"]) == ("ООО «Кожа и стиль»", "7707083893")
    assert kozha["Phones"] == "+7 495 123-45-68, 12"  # an extension, no label
    assert kozha["Emails"] == "buh@kozha.ru (other)"
    assert kozha["Tags"] == "Новые; осень; опт; Тверь"  # by name, case and ё folded
    assert by_id("Companies")[grown.old_shop]["Archived"] is True
    assert grown.kozha not in by_id("Contacts")  # a company is in Companies only
    order = by_id("Orders")[grown.kozha_order]
    assert (order["Contact ID"], order["Contact name"]) == (grown.kozha, "Магазин «Кожа и стиль»")
    assert (order["Ordered by ID"], order["Ordered by"]) == (grown.petr, "Пётр")
    assert sheets["Tags"] == [["Name", "Colour"], *map(list, TAGS)]


def test_the_own_export_again_is_a_no_op_and_takes_a_changed_ordered_by(db, grown, tmp_path):
    path = export(db, tmp_path, "xlsx")
    before = rows_of(db)
    plan = plan_import(db, read_file(path), today=TODAY)
    assert (plan.contacts_new, plan.tags_new, plan.count("unchanged")) == (0, 0, 8)
    assert plan.contacts_existing == 7  # the phoneless archived company too
    apply_import(db, plan)  # records where the orders came from, nothing else
    assert rows_of(db) == before
    assert not plan_import(db, read_file(path), today=TODAY).has_work

    book = openpyxl.load_workbook(path)
    orders = book["Orders"]
    header = [c.value for c in orders[1]]
    for row in orders.iter_rows(min_row=2):
        if row[0].value == grown.kozha_order:
            row[header.index("Ordered by ID")].value = grown.olga
    book.save(path)
    plan = plan_import(db, read_file(path), today=TODAY)
    (update,) = plan.in_state("updated")
    assert update.existing_id == grown.kozha_order
    apply_import(db, plan)
    with db.engine.connect() as connection:
        person = connection.execute(
            text("SELECT person_id FROM orders WHERE id = :id"), {"id": grown.kozha_order}
        ).scalar_one()
    assert person == grown.olga


# --- an export from before this issue ----------------------------------------------------------

# The columns of the exchange format before companies, phones and tags (issue #16).
OLD_COLUMNS = {
    "Contacts": [
        "Contact ID", "Name", "Phone", "Email", "Address", "Notes", "Channel", "Created",
        "Archived", "Payment terms, days",
    ],
    "Orders": [
        "Order ID", "Date", "Status", "Contact ID", "Contact name", "Contact phone", "Channel",
        "Comment", "Amount", "Cost", "Profit", "Margin", "Loss reason", "Loss note",
        "Payment due", "Expected amount",
    ],
}  # fmt: skip
OLD_SHEETS = ("Contacts", "Orders", "Shipments", "Products", "Payments")


def as_before(path: Path) -> None:
    """Today's export of a base without companies or tags made into the one Lavka wrote before
    them: the sheets and columns it had, nothing else."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        for name in book.sheetnames:
            if name not in OLD_SHEETS:
                del book[name]
        for name, keep in OLD_COLUMNS.items():
            sheet = book[name]
            header = [c.value for c in sheet[1]]
            for index in reversed(range(len(header))):
                if header[index] not in keep:
                    sheet.delete_cols(index + 1)
            assert [c.value for c in sheet[1]] == keep
        book.save(path)
        return
    for name in ("companies.csv", "tags.csv"):
        (path / name).unlink()
    for name in ("purchases.csv", "purchaselines.csv", "expenses.csv", "stockadjustments.csv"):
        (path / name).unlink()  # issue #18's sheets came later still
    for name, keep in OLD_COLUMNS.items():
        file = path / f"{name.lower()}.csv"
        raw = file.read_text(encoding="utf-8-sig")
        delimiter = ";" if raw.splitlines()[0].count(";") else ","
        rows = list(csv.reader(raw.splitlines(keepends=True), delimiter=delimiter))
        columns = [rows[0].index(header) for header in keep]
        with open(file, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerows([[row[i] for i in columns] for row in rows])


@pytest.mark.parametrize("file_format", FORMATS)
def test_an_export_from_before_companies_and_tags_imports_as_it_did(
    db, shop, tmp_path, file_format, new_database
):
    with db.engine.begin() as connection:  # what an old base could hold: an archived contact
        connection.execute(text("UPDATE contacts SET archived = true, notes = 'x' WHERE id = 3"))
    before = rows_of(db)
    old = export(db, tmp_path, file_format)
    as_before(old)
    sheets = read_file(old)
    assert sorted(s.name.casefold() for s in sheets) == sorted(n.casefold() for n in OLD_SHEETS)

    plan, copy = imported(old, new_database("copy"))
    try:
        assert (plan.contacts_new, plan.tags_new, plan.order_count) == (3, 0, 6)
        assert all(c.kind == "person" and c.company_key is None for c in plan.contacts)
        assert rows_of(copy) == before
    finally:
        copy.close()


# --- what a person types ------------------------------------------------------------------------

CONTACTS = (
    "Contact ID", "Name", "Phone", "Phone label", "Phones", "Email", "Email label", "Emails",
    "Company ID", "Job title", "Tags",
)  # fmt: skip
COMPANIES = ("Company ID", "Name", "Legal name", "INN", "Phone", "Phones", "Tags")
ORDERS = ("Order ID", "Date", "Status", "Contact ID", "Ordered by ID")
SHIPMENTS = ("Order ID", "Date", "Product", "Quantity", "Unit price", "Unit cost")


def workbook(contacts, companies=(), orders=(), tags=None):
    """The exchange format's sheets as a person might type them; every order has one line."""
    sheets = [
        sheet("Contacts", CONTACTS, contacts),
        sheet("Companies", COMPANIES, companies),
        sheet("Orders", ORDERS, orders),
        sheet(
            "Shipments",
            SHIPMENTS,
            [(o[0], o[1], "Кошелёк", 1, "1000", "600") for o in orders],
        ),
    ]
    if tags is not None:
        sheets.append(sheet("Tags", ("Name", "Colour"), tags))
    return sheets


def person(cid, name, phone=None, phones=None, company=None, **extra):
    cells = dict.fromkeys(CONTACTS)
    cells.update({"Contact ID": cid, "Name": name, "Phone": phone, "Phones": phones})
    cells.update({"Company ID": company, **extra})
    return tuple(cells.values())


def refused(plan) -> list[tuple]:
    return [(r.sheet, r.row, r.column, r.code) for r in plan.rejections]


def test_phones_labels_and_emails_are_read_as_people_type_them(db, tmp_path):
    contacts = [
        person(
            1,
            "Ольга",
            "8 (916) 200-00-01",
            "8 (916) 200-00-02 (Ватсап)\n89162000003;+7 916 200-00-04 (Рабочий)",
            **{
                "Phone label": "Мобильный",
                "Email": "olga@kozha.ru",
                "Emails": "olga@mail.ru (Home); o@kozha.ru",
                "Tags": "VIP; новый тег",
            },
        )
    ]
    plan = plan_import(db, workbook(contacts, tags=[("vip", "#C62828")]), today=TODAY)
    assert plan.rejections == ()
    (olga,) = plan.contacts
    assert (olga.phone, olga.phone_label) == ("+79162000001", "mobile")
    assert olga.phones == (
        ("+79162000002", "whatsapp"),
        ("+79162000003", None),
        ("+79162000004", "work"),
    )
    assert olga.emails == (("olga@mail.ru", "home"), ("o@kozha.ru", None))
    apply_import(db, plan)
    rows = rows_of(db)
    assert rows["contact_phones"] == [
        (1, 1, "+79162000002", "whatsapp"),
        (1, 2, "+79162000003", None),
        (1, 3, "+79162000004", "work"),
    ]
    # the Tags sheet's colour, written lowercase; a tag only a card names: the default grey
    assert rows["tags"] == [(1, "vip", "vip", "#c62828"), (2, "новый тег", "новый тег", "#808080")]
    assert rows["contact_tags"] == [(1, "vip"), (1, "новый тег")]


def test_every_label_is_read_by_its_code_and_words_map_to_codes_only():
    assert set(LABEL_WORDS.values()) == set(CHANNEL_LABELS)
    assert all(LABEL_WORDS[code] == code for code in CHANNEL_LABELS)


def test_a_phone_twice_in_the_file_is_refused_naming_sheet_row_and_column(db):
    companies = [(10, "Кожа и стиль", None, None, "+7 495 123-45-67", None, None)]
    contacts = [
        person(1, "Ольга", "+7 916 200-00-01", "+7 916 200-00-02 (whatsapp)", company=10),
        person(2, "Пётр", "+7 916 300-00-01", "+7 916 300-00-02; 8 916 200-00-02"),
        person(3, "Анна", "+7 916 400-00-01", "+7 495 123-45-67"),
        person(4, "Иван", "+7 916 500-00-01", "+7 916 500-00-01"),
        person(5, "Вера", None, "+7 916 600-00-01 (рабочий стол)"),
    ]
    plan = plan_import(db, workbook(contacts, companies), today=TODAY)
    assert refused(plan) == [
        ("Contacts", 3, "Phones", "import.phone_twice"),  # Olga's, row 2
        ("Contacts", 4, "Phones", "import.also_on_sheet"),  # the company's main phone
        ("Contacts", 5, "Phones", "phone.repeated"),  # his own main phone again
        ("Contacts", 6, "Phones", "label.unknown"),
    ]
    assert plan.rejections[1].params == ("Phone", "+7 495 123-45-67", "Companies", "2")
    assert [c.name for c in plan.contacts] == ["Кожа и стиль", "Ольга"]
    with pytest.raises(ImportRejected):
        apply_import(db, plan)


def test_a_refused_company_takes_its_people_and_orders_along(db):
    companies = [
        (10, "Кожа и стиль", None, None, "+7 495 123-45-67", "не телефон", None),
        (11, "Старая лавка", None, None, None, None, None),
    ]
    contacts = [
        person(1, "Ольга", "+7 916 200-00-01", company=10),
        person(2, "Пётр", "+7 916 300-00-01", company=12),
        person(11, "Анна", "+7 916 400-00-01"),
    ]
    orders = [
        (1, "01.06.2026", "Выполнен", 10, None),  # the refused company's
        (2, "02.06.2026", "Выполнен", 11, 1),  # placed by Olga, refused with her company
        (3, "03.06.2026", "Выполнен", 1, None),  # Olga's own
        (4, "04.06.2026", "Выполнен", 11, None),  # the other company's: kept
    ]
    plan = plan_import(db, workbook(contacts, companies, orders), today=TODAY)
    assert refused(plan) == [
        ("Companies", 2, "Phones", "phone.not_a_number"),
        ("Contacts", 2, "Company ID", "import.company_rejected"),
        ("Contacts", 3, "Company ID", "import.no_such_company"),
        ("Contacts", 4, "Contact ID", "import.also_on_sheet"),  # 11 is a company's ID
        ("Orders", 2, "Contact ID", "import.contact_rejected"),
        ("Orders", 3, "Ordered by ID", "import.contact_rejected"),
        ("Orders", 4, "Contact ID", "import.contact_rejected"),
    ]
    assert [c.name for c in plan.contacts] == ["Старая лавка"]
    assert [o.source_id for o in plan.orders] == [4]


def test_who_ordered_must_be_a_person_of_the_file(db):
    companies = [(10, "Кожа и стиль", None, None, None, None, None)]
    contacts = [person(1, "Ольга", "+7 916 200-00-01", company=10)]
    orders = [
        (1, "01.06.2026", "Выполнен", 10, 1),
        (2, "02.06.2026", "Выполнен", 10, 10),
        (3, "03.06.2026", "Выполнен", 10, 99),
    ]
    plan = plan_import(db, workbook(contacts, companies, orders), today=TODAY)
    assert refused(plan) == [
        ("Orders", 3, "Ordered by ID", "order.person_is_company"),
        ("Orders", 4, "Ordered by ID", "import.no_such_contact"),
    ]
    (order,) = plan.orders
    assert (order.contact_key, order.person_key) == ("id:10", "id:1")


def test_a_card_whose_further_phone_is_already_here_is_that_contact(db, shop):
    with db.session() as s:  # Igor's second number, kept as a further phone
        s.add(ContactPhone(contact_id=shop.igor1, position=1, phone="+79161234569"))
        s.commit()
    contacts = [
        person(1, "Игорь", "+7 916 000-00-09", "+7 916 123-45-69"),  # a new main number
        person(2, "Игорь второй", "8 916 123-45-69"),  # his further phone as the main one
        person(3, "Двое", "+7 916 123-45-67", "+7 903 111-22-33"),  # Igor's and Anna's
    ]
    plan = plan_import(db, workbook(contacts), today=TODAY)
    assert refused(plan) == [
        ("Contacts", 3, "Phone", "import.phone_twice"),
        ("Contacts", 4, "Phones", "phone.taken"),
    ]
    assert plan.rejections[1].params == ("+7 903 111-22-33", "Анна Соколова", str(shop.anna))
    plan = plan_import(db, workbook(contacts[1:2]), today=TODAY)
    (second,) = plan.contacts
    assert second.existing_id == shop.igor1  # found by the number kept as a further one
    plan = plan_import(db, workbook(contacts[:1]), today=TODAY)
    (igor,) = plan.contacts
    assert igor.existing_id == shop.igor1
    result = apply_import(db, plan)
    assert (result.contacts_created, result.contacts_linked) == (0, 1)


def test_a_company_whose_phone_is_a_persons_here_is_refused(db, shop):
    companies = [(10, "Анна и Ко", None, None, "+7 903 111-22-33", None, None)]
    plan = plan_import(db, workbook([], companies), today=TODAY)
    assert refused(plan) == [("Companies", 2, "Phone", "contact.company_is_person")]


def test_tag_rows_are_checked_and_a_refused_one_stays_off_the_cards(db):
    tags = [("опт", "#2E7D32"), ("ОПТ", "#000000"), ("красный", "red"), ("", "#ffffff")]
    contacts = [person(1, "Ольга", "+7 916 200-00-01", Tags="Опт; красный")]
    plan = plan_import(db, workbook(contacts, tags=tags), today=TODAY)
    assert refused(plan) == [
        ("Tags", 3, "Name", "tag.taken"),
        ("Tags", 4, "Colour", "tag.colour_invalid"),
        ("Tags", 5, "Name", "name.required"),
    ]
    apply_import(db, plan, skip_rejected=True)
    rows = rows_of(db)
    assert rows["tags"] == [(1, "опт", "опт", "#2e7d32")]
    assert rows["contact_tags"] == [(1, "опт")]


def test_a_company_with_a_wrong_inn_is_refused_as_on_the_card(db):
    companies = [
        (10, "Кожа и стиль", "ООО «Кожа и стиль»", "7707083894", None, None, None),
        (11, "Галантерея", None, "7707083893", None, None, None),
    ]
    plan = plan_import(db, workbook([], companies), today=TODAY)
    assert refused(plan) == [("Companies", 2, "INN", "tax_id.bad_checksum")]
    assert [(c.name, c.tax_id) for c in plan.contacts] == [("Галантерея", "7707083893")]
