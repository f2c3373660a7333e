"""Search for everything (Ctrl+K) and the contacts' search: what a person typed, made a safe
query over the search index (models/search.py: SQLite's FTS5, PostgreSQL's tsvector under a
GIN index; "the index's two languages" below says it for each), and the hits grouped by kind.

A typed text becomes words, each quoted and searched as a prefix ("ковал" finds "Ковалёв":
the index and the query are folded alike, ё as е). Nothing typed reaches the query
language's own syntax: only letters and digits go between the quotes, so quotes, stars,
brackets, colons and the words AND, OR, NOT, NEAR are searched as text or dropped. A text
that reads as a phone ("8 916 123", "123-45", "+7 (916) 123-45-67 доб. 5") searches the
phones column by its digits from any point of a number (the index keeps every tail of each
number's digits), and by the number as stored when it was typed the national way ("8 916…"
is stored "+7 916…").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Dialect,
    Integer,
    Select,
    String,
    TypeDecorator,
    bindparam,
    case,
    cast,
    column,
    exists,
    false,
    func,
    literal,
    select,
    table,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from models import Contact, ContactPhone, Order, Product, fold
from models.search import (
    KIND_CONTACT,
    KIND_ORDER,
    KIND_PRODUCT,
    SEARCH_TABLE,
    WEIGHTS,
    WHOLE_NUMBER,
    unmarked,
)
from services.choices import business_settings
from services.phones import format_phone, phone_search_keys
from services.storage import Database

# What a hit is; a contact is a company or a person (models.CONTACT_KINDS).
COMPANY, PERSON, ORDER, PRODUCT = "company", "person", "order", "product"
LIMIT_PER_KIND = 8
# Letters and digits as the unicode61 tokenizer reads them (the underscore separates).
_TOKEN = re.compile(r"[^\W_]+")
PHONE_DIGITS_MIN = 3  # fewer digits find too much (services/phones.py says the same)
_WORDS_MAX = 12  # a paste of a whole letter is not a search
# A phone as people write it: digits, spaces, + ( ) - . , / #, an extension at the end.
_PHONE_TEXT = re.compile(
    r"^[\d\s+().,/#-]*(?:(?:ext|x|доб|добавочный)\.?\s*\d+)?\s*$", re.IGNORECASE
)
# An order's number: "1042", "№ 1042", "#1042", "No. 1042".
_ORDER_NUMBER = re.compile(r"^\s*(?:№|#|no\.?)?\s*(\d{1,18})\s*$", re.IGNORECASE)
_ORDER_ID_MAX = 2**31 - 1  # orders.id is an INTEGER: 4 bytes on PostgreSQL
FACTS_SEPARATOR = " · "
_EXCERPT = 60  # characters of a matched address or note shown with a hit


@dataclass(frozen=True)
class SearchHit:
    """One found thing, with the locale-neutral facts to show it; the window writes the date,
    the money and "No. 1042" in the user's language.

    title: a contact's or a product's name; an order's customer.
    detail: " · "-joined facts: a contact's phone (the one that matched a phone typed),
    company or legal name, job title, e-mail and the address or note that matched; a product's
    SKU; an order's comment.
    archived: an archived contact, or a product no longer offered: listed after the others.
    """

    kind: str  # COMPANY, PERSON, ORDER, PRODUCT
    id: int
    title: str
    detail: str = ""
    archived: bool = False
    date: dt.date | None = None  # an order's date
    amount: Decimal | None = None  # an order's amount


@dataclass(frozen=True)
class SearchResults:
    """The hits of each kind, best first, at most the limit per kind."""

    text: str = ""
    companies: tuple[SearchHit, ...] = ()
    people: tuple[SearchHit, ...] = ()
    orders: tuple[SearchHit, ...] = ()
    products: tuple[SearchHit, ...] = ()

    def groups(self) -> Iterator[tuple[str, tuple[SearchHit, ...]]]:
        """(kind, hits) of each kind that has hits, in the order they are shown."""
        for kind, hits in (
            (COMPANY, self.companies),
            (PERSON, self.people),
            (ORDER, self.orders),
            (PRODUCT, self.products),
        ):
            if hits:
                yield kind, hits

    def __len__(self) -> int:
        return len(self.companies) + len(self.people) + len(self.orders) + len(self.products)


# --- the query ----------------------------------------------------------------------------
def _words(text: str) -> list[list[str]]:
    """The typed words, each as the tokens it holds ("г.Тверь" → ["г", "тверь"])."""
    words = (_TOKEN.findall(chunk) for chunk in fold(text).split())
    return [tokens for tokens in words if tokens][:_WORDS_MAX]


def _is_digits(tokens: list[str]) -> bool:
    return all(token.isascii() and token.isdigit() for token in tokens)


# Columns a phrase is searched in: every one, the names and texts, the phones.
EVERY, TEXTS, PHONES = (), ("title", "body"), ("phones",)


@dataclass(frozen=True)
class Phrase:
    """Tokens one after another, the last one found by its beginning, in these columns."""

    tokens: tuple[str, ...]
    columns: tuple[str, ...] = EVERY


# What to find, said once for both databases: every group (AND) has one of its phrases (OR).
Query = tuple[tuple[Phrase, ...], ...]


def _text_query(words: list[list[str]]) -> Query:
    """Every word, as a phrase of its tokens whose last token is a prefix ("ivan@mail.r" finds
    the address as written, "г.Тве" finds "г. Тверь").

    The phones column holds digits only, so a word with a letter is searched in every column
    as it is (a column filter costs FTS5 a read of the positions). A word of digits is
    searched in the names and texts, and, when it has 3 digits or more ("Иван 916",
    "Иван 123-45"), as the beginning of a part of a number too."""
    groups: list[tuple[Phrase, ...]] = []
    for tokens in words:
        phrase = tuple(tokens)
        digits = "".join(tokens)
        if not _is_digits(tokens):
            groups.append((Phrase(phrase),))
        elif len(digits) < PHONE_DIGITS_MIN:
            groups.append((Phrase(phrase, TEXTS),))
        elif len(tokens) == 1:
            groups.append((Phrase(phrase),))
        else:
            groups.append((Phrase(phrase, TEXTS), Phrase((digits,), PHONES)))
    return tuple(groups)


def _phone_starts(text: str, region: str) -> list[str]:
    """The tokens to find by prefix when the text reads as a phone: the digits as typed, at
    the start of any tail of a number, and the stored beginning a national form stands for,
    at the start of a whole number only (models/search.py WHOLE_NUMBER)."""
    if not _PHONE_TEXT.match(text):
        return []
    keys = phone_search_keys(text, region)
    if not keys.digits:
        return []
    starts = [keys.digits]
    for stored in (keys.prefix, keys.exact):
        if stored:
            whole = WHOLE_NUMBER + re.sub(r"\D", "", stored.partition(";")[0])
            if whole not in starts:
                starts.append(whole)
    return starts


def search_query(text: str, region: str) -> Query | None:
    """What to find for what a person typed; None when it holds nothing to find."""
    words = _words(text)
    if not words:
        return None
    starts = _phone_starts(text, region)
    if not starts:
        return _text_query(words)
    # The digits across the words make one number, found from any of its digits; elsewhere
    # they are one phrase (an INN, "заказ 1042" in a note), not words apart: "8 916 123"
    # would match three tails of as many numbers, and "8"* alone reads half the index.
    phones = tuple(Phrase((digits,), PHONES) for digits in starts)
    tokens = tuple(token for word in words for token in word)
    return ((*phones, Phrase(tokens, TEXTS)),)


def fts_query(text: str, region: str) -> str | None:
    """The FTS5 MATCH expression for what a person typed; None when it holds nothing to find.

    "Ковалёв иван" → `"ковалев"* AND "иван"*`; "8 916 123" → `phones : "8916123"* OR
    phones : "n7916123"* OR {title body} : "8 916 123"*`."""
    query = search_query(text, region)
    return None if query is None else _fts5(query)


def tsquery(text: str, region: str) -> str | None:
    """fts_query's expression as PostgreSQL's tsquery (the weights are the columns, models/search.py
    WEIGHTS): "8 916 123" → `'8916123':*B | 'n7916123':*B | '8':AC <-> '916':AC <-> '123':*AC`."""
    query = search_query(text, region)
    return None if query is None else _tsquery(query)


# --- the index's two languages ----------------------------------------------------------------
# The one place where the databases differ: SQLite's index is FTS5, queried by MATCH with its own
# syntax; PostgreSQL's is a tsvector under a GIN index, queried by @@ with a tsquery (a prefix is
# `:*`, a column is its weight, a phrase is `<->`). A query is bound as a Query and said in the
# language of the database it is sent to (_IndexQuery), and the test is written in it
# (_IndexMatches), so that one statement serves both.
def _said(query: Query, phrase: Callable[[Phrase], str], all_of: str, one_of: str) -> str:
    """The query in a language whose phrases `phrase` says, and its AND and OR."""
    if len(query) == 1:
        return one_of.join(map(phrase, query[0]))
    return all_of.join(
        f"({one_of.join(map(phrase, group))})" if len(group) > 1 else phrase(group[0])
        for group in query
    )


def _fts5_phrase(phrase: Phrase) -> str:
    quoted = '"' + " ".join(phrase.tokens) + '"*'
    if not phrase.columns:
        return quoted
    columns = " ".join(phrase.columns)
    return f"{columns if len(phrase.columns) == 1 else '{' + columns + '}'} : {quoted}"


_LEXEME_BYTES = 2047  # PostgreSQL's longest lexeme: a longer word is in no tsvector


def _lexeme(token: str, marks: str) -> str:
    """A token as the index's words hold it (models/search.py unmarked), quoted, with its
    prefix mark and weights."""
    word = unmarked(token).encode()[:_LEXEME_BYTES].decode(errors="ignore")
    quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:{marks}" if marks else quoted


def _tsquery_phrase(phrase: Phrase) -> str:
    weights = "".join(WEIGHTS[column] for column in phrase.columns)
    *heads, last = phrase.tokens
    return " <-> ".join((*(_lexeme(t, weights) for t in heads), _lexeme(last, "*" + weights)))


def _fts5(query: Query) -> str:
    return _said(query, _fts5_phrase, " AND ", " OR ")


def _tsquery(query: Query) -> str:
    return _said(query, _tsquery_phrase, " & ", " | ")


def _query_text(query: Query, dialect: str) -> str:
    return _tsquery(query) if dialect == "postgresql" else _fts5(query)


class _IndexQuery(TypeDecorator[Query]):
    """A bound Query, sent as the text of the index's language on the database at hand."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Query | None, dialect: Dialect) -> str | None:
        return None if value is None else _query_text(value, dialect.name)


class _IndexMatches(FunctionElement[bool]):
    """The search index holds what the bound Query asks for."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True  # a test as it is, not `… = 1` where booleans are numbers


@compiles(_IndexMatches)
def _fts5_match(element: _IndexMatches, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{SEARCH_TABLE} MATCH {compiler.process(element.clauses, **kw)}"


@compiles(_IndexMatches, "postgresql")
def _tsvector_match(element: _IndexMatches, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{SEARCH_TABLE}.words @@ CAST({compiler.process(element.clauses, **kw)} AS tsquery)"


_INDEX = table(SEARCH_TABLE, column("rowid", Integer))


def _documents(query: Query, kind: int) -> Select[int]:
    """SELECT the ids of the documents of this kind that match the query."""
    doc = _INDEX.c.rowid
    matches = _IndexMatches(literal(query, _IndexQuery()))
    return select(doc.op("/")(4)).where(matches, doc.op("%")(4) == kind)


def contact_condition(text: str, region: str) -> ColumnElement[bool]:
    """SQL condition on models.Contact: the contact or company matches the text in its name,
    legal name, INN, job title, any phone in any form, any e-mail, address or notes. False
    when the text holds nothing to find."""
    query = search_query(text, region)
    if query is None:
        return false()
    return Contact.id.in_(_documents(query, KIND_CONTACT))


# --- search for everything ------------------------------------------------------------------
def search_everything(
    database: Database, text: str, limit_per_kind: int = LIMIT_PER_KIND
) -> SearchResults:
    """Companies, people, orders and products matching the text, best first (see _ranking),
    at most `limit_per_kind` of each; an order also by its number ("1042", "№ 1042"), first
    among the orders. Empty text, empty results."""
    with database.session() as session:
        region = business_settings(session).phone_region
        query = search_query(text, region)
        number = _order_number(text)
        if query is None and number is None:
            return SearchResults(text)
        ranked: dict[str, list[int]] = {COMPANY: [], PERSON: [], ORDER: [], PRODUCT: []}
        starts = _phone_starts(text, region)
        tokens = [token for word in _words(text) for token in word]
        if query is not None:
            exact = phone_search_keys(text, region).exact if starts else None
            typed = " ".join(fold(text).replace("\x00", "").split())  # no NUL in a text value
            params = {"query": query, "exact": exact, "limit": limit_per_kind, "typed": typed}
            params |= {f"token{i}": " " + token for i, token in enumerate(tokens)}
            statement = _ranking(len(tokens), exact is not None)
            for kind, hit_id in session.execute(statement, params):
                ranked[kind].append(hit_id)
        if number is not None and number not in ranked[ORDER]:
            ranked[ORDER] = [number, *ranked[ORDER]][:limit_per_kind]
        contacts = _contact_hits(session, ranked[COMPANY] + ranked[PERSON], tokens, starts)
        return SearchResults(
            text,
            companies=tuple(contacts[i] for i in ranked[COMPANY] if i in contacts),
            people=tuple(contacts[i] for i in ranked[PERSON] if i in contacts),
            orders=_order_hits(session, ranked[ORDER]),
            products=_product_hits(session, ranked[PRODUCT]),
        )


def _order_number(text: str) -> int | None:
    found = _ORDER_NUMBER.match(text)
    number = int(found.group(1)) if found else 0
    return number if 0 < number <= _ORDER_ID_MAX else None


@functools.cache
def _ranking(token_count: int, exact: bool) -> Select[str, int]:
    """(kind, id) of the best hits of each kind, in their order; built once per shape, bound
    to `query`, `token0…`, `typed`, `exact` and `limit` (building it cost as much as running
    it).

    The index finds the documents once (a CTE, which SQLite keeps and PostgreSQL materializes
    as it is read three times), the matched contacts are read once for both kinds (another);
    each kind's rows are ordered by their own table's columns and cut to the limit in SQL.
    Contacts: the very number typed first, archived ones last, then those with a word of the
    name beginning with a typed word ("ко": Ковалёв before someone on ул. Кооперативная), then
    by name. Orders: newest first. Products: offered ones first, then by name. (FTS5's bm25()
    was the first choice in the middle: it cost 20–50 ms over the few thousand matches of a
    two-letter prefix on the big base, the whole budget of a keystroke.)"""
    doc = _INDEX.c.rowid
    found = (
        select(doc.op("/")(4).label("id"), doc.op("%")(4).label("kind"))
        .where(_IndexMatches(bindparam("query", type_=_IndexQuery())))
        .cte("found")
    )
    other: ColumnElement[int] = literal(1)
    if exact:
        phone: BindParameter[str] = bindparam("exact")
        further = exists().where(ContactPhone.contact_id == Contact.id, ContactPhone.phone == phone)
        other = case(((Contact.phone == phone) | further, 0), else_=1)
    # Two points for each typed word that begins a word of the name, one more when the name
    # begins with the whole text ("Ковалёв Иван" before "Ковалёв Алексей Иванович").
    spaced = literal(" ") + Contact.name_key
    in_name = sum(
        (
            case((func.instr(spaced, bindparam(f"token{i}")) > 0, 2), else_=0)
            for i in range(token_count)
        ),
        start=case((func.instr(Contact.name_key, bindparam("typed")) == 1, 1), else_=0),
    )
    contacts = (
        select(
            Contact.kind.label("kind"),
            Contact.id.label("id"),
            other.label("k1"),
            cast(Contact.archived, Integer).label("k2"),
            (literal(0) - in_name).label("k3"),
            Contact.name_key.label("k4"),
        )
        .join_from(found, Contact, (Contact.id == found.c.id) & (found.c.kind == KIND_CONTACT))
        .cte("matched_contacts")
    )
    # Each key has one type across the kinds (PostgreSQL's UNION asks it): an order's keys
    # are numbers, so its date and id come before the names' key (k4), left empty.
    orders = select(
        literal(ORDER).label("kind"),
        Order.id.label("id"),
        literal(0).label("k1"),
        (literal(0) - func.julianday(Order.date)).label("k2"),
        (literal(0) - Order.id).label("k3"),
        literal("").label("k4"),
    ).join_from(found, Order, (Order.id == found.c.id) & (found.c.kind == KIND_ORDER))
    products = select(
        literal(PRODUCT).label("kind"),
        Product.id.label("id"),
        literal(0).label("k1"),
        case((Product.active, 0), else_=1).label("k2"),
        literal(0).label("k3"),
        Product.name.label("k4"),
    ).join_from(found, Product, (Product.id == found.c.id) & (found.c.kind == KIND_PRODUCT))
    branches = []
    for branch in (
        select(contacts).where(contacts.c.kind == COMPANY),
        select(contacts).where(contacts.c.kind == PERSON),
        orders,
        products,
    ):
        keys = [branch.selected_columns[key] for key in ("k1", "k2", "k3", "k4", "id")]
        best = branch.order_by(*keys).limit(bindparam("limit", type_=Integer)).subquery()
        branches.append(select(best))
    every = union_all(*branches).subquery("ranked")
    ranks = (every.c.k1, every.c.k2, every.c.k3, every.c.k4, every.c.id)
    return select(every.c.kind, every.c.id).order_by(every.c.kind, *ranks)


_COMPANY = aliased(Contact)
_CONTACT_ROWS = (
    select(
        Contact.id,
        Contact.kind,
        Contact.name,
        Contact.phone,
        Contact.email,
        Contact.archived,
        Contact.job_title,
        Contact.legal_name,
        Contact.tax_id,
        Contact.address,
        Contact.notes,
        _COMPANY.name.label("company"),
    )
    .outerjoin(_COMPANY, _COMPANY.id == Contact.company_id)
    .where(Contact.id.in_(bindparam("ids", expanding=True)))
)
_FURTHER_PHONES = (
    select(ContactPhone.contact_id, ContactPhone.phone)
    .where(ContactPhone.contact_id.in_(bindparam("ids", expanding=True)))
    .order_by(ContactPhone.contact_id, ContactPhone.position, ContactPhone.id)
)
_ORDER_ROWS = (
    select(Order.id, Order.date, Order.amount, Order.comment, Contact.name)
    .join(Contact, Contact.id == Order.contact_id)
    .where(Order.id.in_(bindparam("ids", expanding=True)))
)
_PRODUCT_ROWS = select(Product.id, Product.name, Product.sku, Product.active).where(
    Product.id.in_(bindparam("ids", expanding=True))
)


def _contact_hits(
    session: Session, ids: list[int], tokens: list[str], starts: list[str]
) -> dict[int, SearchHit]:
    if not ids:
        return {}
    rows = session.execute(_CONTACT_ROWS, {"ids": ids}).all()
    further: dict[int, list[str]] = {}
    if starts:  # the number that matched is shown, whichever of the contact's it is
        for contact_id, phone in session.execute(_FURTHER_PHONES, {"ids": ids}):
            further.setdefault(contact_id, []).append(phone)
    hits = {}
    for row in rows:
        phones = [p for p in (row.phone, *further.get(row.id, ())) if p]
        phone = next((p for p in phones if _phone_matches(p, starts)), row.phone)
        facts = [
            format_phone(phone),
            row.company if row.kind == PERSON else row.legal_name,
            row.job_title,
            row.email,
        ]
        shown = [fact for fact in facts if fact]
        fields = (row.address, row.notes, row.legal_name, row.tax_id)
        matched = _matched_excerpt(tokens, fields, shown)
        if matched:
            shown.append(matched)
        hits[row.id] = SearchHit(
            row.kind, row.id, row.name, FACTS_SEPARATOR.join(shown), bool(row.archived)
        )
    return hits


def _phone_matches(stored: str, starts: list[str]) -> bool:
    digits = stored.partition(";")[0].lstrip("+")
    return any(
        digits.startswith(start.removeprefix(WHOLE_NUMBER))
        if start.startswith(WHOLE_NUMBER)
        else start in digits
        for start in starts
    )


def _matched_excerpt(
    tokens: list[str], fields: tuple[str | None, ...], shown: list[str]
) -> str | None:
    """The first of the fields (address, notes, …) where a typed word begins a word, around
    that word: why a contact was found when its name does not say it."""
    if not tokens:
        return None
    for value in fields:
        if not value or value in shown:
            continue
        flat = " ".join(value.split())
        for found in _TOKEN.finditer(fold(flat)):
            if any(found.group().startswith(token) for token in tokens):
                return _around(flat, found.start())
    return None


def _around(text: str, position: int) -> str:
    if len(text) <= _EXCERPT:
        return text
    start = max(0, min(position - _EXCERPT // 3, len(text) - _EXCERPT))
    excerpt = text[start : start + _EXCERPT].strip()
    return ("…" if start > 0 else "") + excerpt + ("…" if start + _EXCERPT < len(text) else "")


def _order_hits(session: Session, ids: list[int]) -> tuple[SearchHit, ...]:
    if not ids:
        return ()
    hits = {
        row.id: SearchHit(
            ORDER,
            row.id,
            row.name,
            " ".join((row.comment or "").split()),
            date=row.date,
            amount=row.amount,
        )
        for row in session.execute(_ORDER_ROWS, {"ids": ids})
    }
    return tuple(hits[i] for i in ids if i in hits)


def _product_hits(session: Session, ids: list[int]) -> tuple[SearchHit, ...]:
    if not ids:
        return ()
    hits = {
        row.id: SearchHit(PRODUCT, row.id, row.name, row.sku or "", not row.active)
        for row in session.execute(_PRODUCT_ROWS, {"ids": ids})
    }
    return tuple(hits[i] for i in ids if i in hits)
