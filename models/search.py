"""The search index behind "search for everything" (services/search.py): one SQLite FTS5 table
(on PostgreSQL a table of the same columns with their words under a GIN index, see
CREATE_SEARCH_TABLE_POSTGRES) of contacts and companies, orders with a comment, and products,
kept by triggers so that every writer (the card, imports, merges, the demo) leaves it right.

A document's rowid says what it is: `id * 4 + kind` (KIND_CONTACT, KIND_ORDER, KIND_PRODUCT).
The text is stored case-folded by the tokenizer and with ё written е (SQLite's unicode61
keeps ё a letter of its own), so "ковалев" finds "Ковалёв". Each phone is stored as its
digits and every tail of them ("79161234567 9161234567 161234567 …"), so the digits typed
from any point of a number find it by prefix, the way FTS answers fastest; and once more as a
whole number ("n79161234567"), for what must be found at a number's start only.

Also here: the triggers that keep a phone unique across `contacts.phone` (the main one) and
`contact_phones` (the others).
"""

from __future__ import annotations

import unicodedata

from models.base import Base
from models.postgres import on_create, on_dialect

KIND_CONTACT, KIND_ORDER, KIND_PRODUCT = 1, 2, 3
SEARCH_TABLE = "search_index"
# Longest E.164 number is 15 digits; a tail shorter than 3 digits finds too much to be asked.
_TAILS = 13
# Marks the token of a whole number among its tails ("n79161234567").
WHOLE_NUMBER = "n"

CREATE_SEARCH_TABLE = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("
    "title, phones, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def folded(expression: str) -> str:
    """SQL: the text with ё written е (the tokenizer folds the case)."""
    return f"replace(replace(coalesce({expression}, ''), 'ё', 'е'), 'Ё', 'Е')"


def phone_tails(expression: str) -> str:
    """SQL: the stored phone's whole number marked as such (WHOLE_NUMBER + digits, so a
    national "8 916…" is found only at a number's start), then its digits (without the
    extension) and each tail of them."""
    digits = f"substr({expression}, 2, instr({expression} || ';', ';') - 2)"
    tails = " || ' ' || ".join(f"substr({digits}, {start})" for start in range(1, _TAILS + 1))
    whole = f"'{WHOLE_NUMBER}' || {digits}"
    return f"CASE WHEN {expression} IS NULL THEN '' ELSE {whole} || ' ' || {tails} END"


def _joined(*expressions: str) -> str:
    return " || ' ' || ".join(f"coalesce({e}, '')" for e in expressions)


_CONTACT_DOC = (
    f"INSERT INTO {SEARCH_TABLE} (rowid, title, phones, body)"
    f" SELECT c.id * 4 + {KIND_CONTACT}, {folded('c.name')},"
    f" {phone_tails('c.phone')} || ' ' || coalesce((SELECT group_concat("
    f"{phone_tails('p.phone')}, ' ') FROM contact_phones p WHERE p.contact_id = c.id), ''),"
    " "
    + folded(
        _joined(
            "c.legal_name",
            "c.tax_id",
            "c.job_title",
            "c.email",
            "(SELECT group_concat(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id)",
            "c.address",
            "c.notes",
        )
    )
    + " FROM contacts c WHERE c.id {where};"
)


def contact_documents(where: str) -> str:
    """SQL: (re)write the search documents of the contacts whose id matches `where` ("= 5",
    "IN (…)", "IS NOT NULL" for all); their old documents must be deleted first."""
    return _CONTACT_DOC.format(where=where)


def _forget(kind: int, ref: str) -> str:
    return f"DELETE FROM {SEARCH_TABLE} WHERE rowid = {ref} * 4 + {kind};"


def _refresh_contact(ref: str) -> str:
    return _forget(KIND_CONTACT, ref) + " " + contact_documents(f"= {ref}")


ORDER_DOCUMENTS = (
    f"INSERT INTO {SEARCH_TABLE} (rowid, title, phones, body)"
    f" SELECT id * 4 + {KIND_ORDER}, '', '', {folded('comment')} FROM orders"
    " WHERE comment IS NOT NULL AND id {where};"
)
PRODUCT_DOCUMENTS = (
    f"INSERT INTO {SEARCH_TABLE} (rowid, title, phones, body)"
    f" SELECT id * 4 + {KIND_PRODUCT}, {folded('name')}, '', {folded('sku')} FROM products"
    " WHERE id {where};"
)

# Every document, for a new index on an existing file (models/migrations) or a rebuild.
FILL_SEARCH_INDEX = (
    contact_documents("IS NOT NULL"),
    ORDER_DOCUMENTS.format(where="IS NOT NULL"),
    PRODUCT_DOCUMENTS.format(where="IS NOT NULL"),
)


def _trigger(name: str, when: str, body: str) -> str:
    return f"CREATE TRIGGER {name} {when} BEGIN {body} END"


_CONTACT_FIELDS = "name, legal_name, tax_id, job_title, phone, email, address, notes"
SEARCH_TRIGGERS: dict[str, str] = {
    "trg_contacts_search_insert": _trigger(
        "trg_contacts_search_insert",
        "AFTER INSERT ON contacts",
        contact_documents("= NEW.id"),
    ),
    "trg_contacts_search_update": _trigger(
        "trg_contacts_search_update",
        f"AFTER UPDATE OF {_CONTACT_FIELDS} ON contacts",
        _refresh_contact("NEW.id"),
    ),
    "trg_contacts_search_delete": _trigger(
        "trg_contacts_search_delete", "AFTER DELETE ON contacts", _forget(KIND_CONTACT, "OLD.id")
    ),
}
for _table in ("contact_phones", "contact_emails"):
    SEARCH_TRIGGERS |= {
        f"trg_{_table}_search_insert": _trigger(
            f"trg_{_table}_search_insert",
            f"AFTER INSERT ON {_table}",
            _refresh_contact("NEW.contact_id"),
        ),
        f"trg_{_table}_search_update": _trigger(
            f"trg_{_table}_search_update",
            f"AFTER UPDATE ON {_table}",
            _refresh_contact("OLD.contact_id") + " " + _refresh_contact("NEW.contact_id"),
        ),
        f"trg_{_table}_search_delete": _trigger(
            f"trg_{_table}_search_delete",
            f"AFTER DELETE ON {_table}",
            _refresh_contact("OLD.contact_id"),
        ),
    }
SEARCH_TRIGGERS |= {
    "trg_orders_search_insert": _trigger(
        "trg_orders_search_insert",
        "AFTER INSERT ON orders WHEN NEW.comment IS NOT NULL",
        ORDER_DOCUMENTS.format(where="= NEW.id"),
    ),
    "trg_orders_search_update": _trigger(
        "trg_orders_search_update",
        "AFTER UPDATE OF comment ON orders WHEN NEW.comment IS NOT OLD.comment",
        _forget(KIND_ORDER, "OLD.id") + " " + ORDER_DOCUMENTS.format(where="= NEW.id"),
    ),
    "trg_orders_search_delete": _trigger(
        "trg_orders_search_delete",
        "AFTER DELETE ON orders WHEN OLD.comment IS NOT NULL",
        _forget(KIND_ORDER, "OLD.id"),
    ),
    "trg_products_search_insert": _trigger(
        "trg_products_search_insert",
        "AFTER INSERT ON products",
        PRODUCT_DOCUMENTS.format(where="= NEW.id"),
    ),
    "trg_products_search_update": _trigger(
        "trg_products_search_update",
        "AFTER UPDATE OF name, sku ON products",
        _forget(KIND_PRODUCT, "OLD.id") + " " + PRODUCT_DOCUMENTS.format(where="= NEW.id"),
    ),
    "trg_products_search_delete": _trigger(
        "trg_products_search_delete",
        "AFTER DELETE ON products",
        _forget(KIND_PRODUCT, "OLD.id"),
    ),
}

# One owner per phone, whichever of the two places holds it. The services check first and
# say who has the number; these stop any writer that did not.
PHONE_TAKEN = "phone already belongs to another contact"  # the refusal's words
_TAKEN = f"SELECT RAISE(ABORT, '{PHONE_TAKEN}') WHERE EXISTS"
PHONE_TRIGGERS: dict[str, str] = {
    "trg_contacts_phone_unique_insert": _trigger(
        "trg_contacts_phone_unique_insert",
        "BEFORE INSERT ON contacts WHEN NEW.phone IS NOT NULL",
        f"{_TAKEN} (SELECT 1 FROM contact_phones WHERE phone = NEW.phone);",
    ),
    "trg_contacts_phone_unique_update": _trigger(
        "trg_contacts_phone_unique_update",
        "BEFORE UPDATE OF phone ON contacts WHEN NEW.phone IS NOT NULL",
        f"{_TAKEN} (SELECT 1 FROM contact_phones WHERE phone = NEW.phone);",
    ),
    "trg_contact_phones_unique_insert": _trigger(
        "trg_contact_phones_unique_insert",
        "BEFORE INSERT ON contact_phones",
        f"{_TAKEN} (SELECT 1 FROM contacts WHERE phone = NEW.phone);",
    ),
    "trg_contact_phones_unique_update": _trigger(
        "trg_contact_phones_unique_update",
        "BEFORE UPDATE OF phone ON contact_phones",
        f"{_TAKEN} (SELECT 1 FROM contacts WHERE phone = NEW.phone);",
    ),
}


# FTS5's "remove_diacritics 2" said for PostgreSQL (which has no such tokenizer): a Latin letter
# with marks is its base letter ("é" → "e"), in the index's words and in the query's lexemes
# (services/search.py) alike. FTS5's own table differs from this one in 4 rare letters (ſ ẛ Ǡ ǡ).
def _base_letter(letter: str) -> str:
    base = unicodedata.normalize("NFD", letter)[0]
    return base.lower() if base.isascii() and base.isalpha() else letter


_UNMARKED = {
    letter: base
    for letter in map(chr, (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
    if (base := _base_letter(letter)) != letter
}
MARKED_LETTERS, BASE_LETTERS = "".join(_UNMARKED), "".join(_UNMARKED.values())
_UNMARK = str.maketrans(_UNMARKED)


def unmarked(text: str) -> str:
    """The text with each Latin letter's marks dropped, as PostgreSQL's index words have it."""
    return text.translate(_UNMARK)


def _words(column: str, weight: str) -> str:
    # Tokens as FTS5's unicode61 reads them: runs of letters and digits, every other character
    # a separator. The default parser would otherwise keep "petr@kovalev.ru", "kovalev.ru" or
    # "cl-1042" whole as one e-mail, host or word (and "kovalev.ru" would not find the address);
    # on text of letters and digits alone it makes one lexeme of each run. 'simple' lower-cases
    # them (with the database's locale: a UTF-8 one, as for every other text).
    tokens = (
        f"regexp_replace(translate({column}, '{MARKED_LETTERS}', '{BASE_LETTERS}'),"
        " '[^[:alnum:]]+', ' ', 'g')"
    )
    return f"setweight(to_tsvector('simple', {tokens}), '{weight}')"


# PostgreSQL's index is a table of the same columns, named the same way (its `rowid` is a column
# there), whose words are a tsvector with a weight per column (title A, phones B, body C: what
# FTS5's column filters say) under a GIN index.
WEIGHTS = {"title": "A", "phones": "B", "body": "C"}
CREATE_SEARCH_TABLE_POSTGRES = (
    f"CREATE TABLE {SEARCH_TABLE} (rowid bigint PRIMARY KEY, title text NOT NULL,"
    " phones text NOT NULL, body text NOT NULL, words tsvector GENERATED ALWAYS AS ("
    + " || ".join(_words(column, weight) for column, weight in WEIGHTS.items())
    + ") STORED)",
    f"CREATE INDEX ix_{SEARCH_TABLE}_words ON {SEARCH_TABLE} USING gin (words)",
)

on_dialect(Base.metadata, CREATE_SEARCH_TABLE, "sqlite")
for _sql in CREATE_SEARCH_TABLE_POSTGRES:
    on_dialect(Base.metadata, _sql, "postgresql")
for _sql in (*SEARCH_TRIGGERS.values(), *PHONE_TRIGGERS.values()):
    on_create(Base.metadata, _sql)
