"""The "big seller" base for `make bench`: 50k contacts, 300k orders, 1M shipments.

Three years of trade ending today, growing over time; ~3% of orders cancelled; a few % of
shipments planned (dated after today); ~5k orders open (deals on the board); every order paid
but a part of the last month's (the debtors list). The schema comes from `Database.open` (tables,
alembic stamp, default lists); the rows go in through raw `sqlite3` executemany in one
transaction, with the order-total triggers dropped and the totals filled by one UPDATE.
Since schema 0006: 5% of the customers are companies (shops), each with one to three people
of its own (no orders: the shop's orders are the shop's), a tenth of the contacts have a
further phone, and a tenth carry tags (tests/bench/tags_bench.py). The search index fills
through its triggers as the rows go in.
Deterministic for a seed. Cached at `<repo>/.bench/big-v6.sqlite3`; run this module to
build it (`python -m tests.bench.bigbase [--rebuild]`).
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import time
from pathlib import Path

from models import fold
from models.triggers import LIFECYCLE_TRIGGERS, PAYMENT_TRIGGERS, TRIGGERS
from services.storage import Database
from services.tags import PALETTE

REPO = Path(__file__).resolve().parents[2]
BIG_PATH = REPO / ".bench" / "big-v6.sqlite3"
CONTACTS, ORDERS, SHIPMENTS, YEARS = 50_000, 300_000, 1_000_000, 3
COMPANY_SHARE, FURTHER_PHONE_SHARE = 0.05, 0.1
# name → how many of the tagged contacts carry it, relatively: "опт" is on about half of them
# (5% of all contacts), the others on fewer.
TAGS = {"опт": 5, "VIP": 2, "Тверь": 1, "розница": 1, "самовывоз": 1}
TAG_SHARE = 0.10  # of the contacts that carry a tag at all
SHOP_WORDS = ("Магазин", "ООО", "ИП", "Лавка")
STAFF_TITLES = ("владелец", "закупщик", "бухгалтер", "менеджер")

MALE = (
    "Иван", "Пётр", "Алексей", "Сергей", "Дмитрий", "Андрей", "Михаил", "Николай", "Артём",
    "Игорь", "Олег", "Фёдор",
)  # fmt: skip
FEMALE = (
    "Мария", "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Алёна", "Ирина", "Светлана",
    "Юлия", "Ксения", "Дарья",
)  # fmt: skip
SURNAMES = (
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов",
    "Новиков", "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов",
    "Голубев", "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов",
    "Белов", "Комаров", "Орлов", "Киселёв", "Макаров", "Андреев", "Ковалёв", "Ильин",
)  # fmt: skip
PATRONYMICS = ("Иванов", "Петров", "Сергеев", "Андреев", "Николаев", "Михайлов", "Олегов")
MOBILE = ("903", "905", "909", "910", "915", "916", "917", "925", "926", "977", "985", "999")
GOODS = (
    "Мёд липовый 1 кг", "Мёд гречишный 0,5 кг", "Чай иван-чай", "Варенье из шишек",
    "Орехи кедровые", "Сбор травяной", "Прополис", "Пыльца цветочная", "Мёд в сотах",
    "Перга 100 г", "Свечи восковые", "Медовуха", "Соты рамка", "Крем-мёд", "Подмор",
    "Забрус", "Маточное молочко", "Настойка прополиса", "Бальзам", "Подарочный набор",
)  # fmt: skip
COMMENTS = ("Позвонить заранее", "Доставка до двери", "Самовывоз", "Подарок, без чека")


def _person(rng: random.Random) -> str:
    female = rng.random() < 0.55
    surname = rng.choice(SURNAMES) + ("а" if female else "")
    name = f"{surname} {rng.choice(FEMALE if female else MALE)}"
    if rng.random() < 0.3:
        name += " " + rng.choice(PATRONYMICS) + ("на" if female else "ич")
    return name


def _stamp(day: dt.date, rng: random.Random) -> str:
    secs = rng.randrange(8 * 3600, 22 * 3600)
    return f"{day.isoformat()} {secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}.000000"


def _products(rng: random.Random) -> list[tuple]:
    rows = []
    for pid, name in enumerate(rng.sample(GOODS, rng.randint(4, 20)), start=1):
        price = rng.randrange(300, 15_000, 50) * 100
        cost = int(price * rng.uniform(0.4, 0.8)) // 100 * 100
        rows.append((pid, name, f"SKU-{pid:03d}", price, cost, 1))
    return rows


def _orders(rng: random.Random, today: dt.date, status: dict[str, int]) -> list[list]:
    """Orders sorted by date (so ids follow dates), each with the flag 'has planned lines'."""
    span = 365 * YEARS
    start = today - dt.timedelta(days=span - 1)
    weights = [min(rng.paretovariate(1.3), 60.0) for _ in range(CONTACTS)]  # some regulars
    buyers = rng.choices(range(1, CONTACTS + 1), weights=weights, k=ORDERS)
    days = sorted(int(span * rng.random() ** 0.75) for _ in range(ORDERS))  # growing trade
    open_codes = ("new", "confirmed", "paid", "shipped")
    rows = []
    for oid, (offset, contact) in enumerate(zip(days, buyers, strict=True), start=1):
        day = start + dt.timedelta(days=min(offset, span - 1))
        age = (today - day).days
        planned = age < 120 and rng.random() < 0.1
        loss = None
        if rng.random() < 0.03:
            code, loss = "cancelled", rng.randint(1, 4)
        elif planned:
            code = rng.choice(("confirmed", "paid"))
        elif age < 10:
            code = rng.choice(open_codes)
        else:
            code = "completed"
        channel = rng.randint(1, 5) if rng.random() < 0.9 else None
        comment = rng.choice(COMMENTS) if rng.random() < 0.05 else None
        stamp = _stamp(day, rng)
        row = [oid, day.isoformat(), status[code], contact, channel, comment, loss, stamp, stamp]
        rows.append((row, day, planned))
    return rows


def _shipments(rng: random.Random, orders, products, today: dt.date):
    """Exactly SHIPMENTS lines: one per order, the rest spread at random over the orders."""
    counts = [1] * len(orders)
    for index in rng.choices(range(len(orders)), k=SHIPMENTS - len(orders)):
        counts[index] += 1
    sid = 0
    for (row, day, planned), count in zip(orders, counts, strict=True):
        for position in range(count):
            sid += 1
            pid, _name, _sku, price, cost, _active = rng.choice(products)
            if planned and rng.random() < 0.7:
                when = today + dt.timedelta(days=rng.randint(1, 90))
            else:
                when = min(day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 5, 10))), today)
            quantity = 1 if rng.random() < 0.6 else rng.randint(2, 6)
            unit_price = price if rng.random() < 0.8 else price * rng.randint(85, 99) // 10000 * 100
            yield (sid, row[0], position, when.isoformat(), pid, quantity, unit_price, cost)


def _payments(rng: random.Random, orders: list[tuple], today: dt.date):
    """Every order paid within a week, but a part of the last month's: unpaid or half paid."""
    for order_id, day, amount in orders:
        date = dt.date.fromisoformat(day)
        age = (today - date).days
        paid = amount
        if age < 30:
            chance = rng.random()
            if chance < 0.25:
                continue
            if chance < 0.4:
                paid = amount // 2
        when = min(date + dt.timedelta(days=rng.randint(0, 7)), today)
        yield (order_id, when.isoformat(), paid, "transfer", _stamp(when, rng))


def _contacts(rng: random.Random, first_order: dict[int, dt.date], today: dt.date):
    phones: set[str] = set()
    for cid in range(1, CONTACTS + 1):
        name = _person(rng)
        phone = None
        if rng.random() < 0.95:
            while phone is None or phone in phones:
                phone = f"+7{rng.choice(MOBILE)}{rng.randrange(10**7):07d}"
            phones.add(phone)
        email = f"client{cid}@mail.ru" if rng.random() < 0.3 else None
        address = f"г. Москва, ул. Лесная, д. {rng.randint(1, 200)}" if rng.random() < 0.4 else None
        joined = first_order.get(cid, today - dt.timedelta(days=rng.randrange(365 * YEARS)))
        stamp = _stamp(joined, rng)
        channel = rng.randint(1, 5) if rng.random() < 0.8 else None
        archived = 1 if rng.random() < 0.02 else 0
        yield (cid, name, fold(name), phone, email, address, None, channel, archived, stamp, stamp)


def _people_and_phones(con: sqlite3.Connection, seed: int) -> None:
    """Companies among the customers, their people, further phones (a generator of its own:
    the orders come out as before)."""
    rng = random.Random(seed + 1)
    taken = {
        phone for (phone,) in con.execute("SELECT phone FROM contacts WHERE phone IS NOT NULL")
    }

    def phone() -> str:
        while True:
            number = f"+7{rng.choice(MOBILE)}{rng.randrange(10**7):07d}"
            if number not in taken:
                taken.add(number)
                return number

    companies = rng.sample(range(1, CONTACTS + 1), round(CONTACTS * COMPANY_SHARE))
    con.executemany(
        "UPDATE contacts SET kind = 'company', name = ?, name_key = ? WHERE id = ?",
        (
            (name, fold(name), cid)
            for cid in companies
            for name in [f"{rng.choice(SHOP_WORDS)} «{rng.choice(GOODS)}» {cid}"]
        ),
    )
    staff = []
    next_id = CONTACTS
    for cid in companies:
        for _ in range(rng.randint(1, 3)):
            next_id += 1
            name = _person(rng)
            stamp = _stamp(dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700)), rng)
            title = rng.choice(STAFF_TITLES)
            staff.append((next_id, name, fold(name), phone(), cid, title, stamp, stamp))
    con.executemany(
        "INSERT INTO contacts (id, name, name_key, phone, company_id, job_title, archived,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        staff,
    )
    further = rng.sample(range(1, CONTACTS + 1), round(CONTACTS * FURTHER_PHONE_SHARE))
    con.executemany(
        "INSERT INTO contact_phones (contact_id, position, phone, label) VALUES (?, 1, ?, ?)",
        ((cid, phone(), rng.choice(("work", "whatsapp", "home"))) for cid in further),
    )


def add_tags(connection: sqlite3.Connection, seed: int = 16) -> int:
    """Tag TAG_SHARE of the contacts with one to three of TAGS (weighted), deterministically
    for a seed; returns how many contact-tag links there are. Raw SQL in the caller's
    transaction; a second call adds nothing."""
    rng = random.Random(seed)
    connection.executemany(
        "INSERT OR IGNORE INTO tags (name, name_key, colour) VALUES (?, ?, ?)",
        [(name, fold(name), PALETTE[n]) for n, name in enumerate(TAGS)],
    )
    keys = ",".join("?" * len(TAGS))
    found = dict(
        connection.execute(
            f"SELECT name_key, id FROM tags WHERE name_key IN ({keys})",
            [fold(name) for name in TAGS],
        )
    )
    tag_ids = [found[fold(name)] for name in TAGS]
    weights = list(TAGS.values())
    contacts = [row[0] for row in connection.execute("SELECT id FROM contacts ORDER BY id")]
    links = set()
    for contact_id in rng.sample(contacts, round(len(contacts) * TAG_SHARE)):
        for tag_id in rng.choices(tag_ids, weights, k=rng.choice((1, 1, 1, 2, 3))):
            links.add((contact_id, tag_id))
    connection.executemany(
        "INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)", sorted(links)
    )
    return connection.execute("SELECT COUNT(*) FROM contact_tags").fetchone()[0]


def _log(message: str, started: float) -> None:
    print(f"  [{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def build(path: Path, seed: int = 1, today: dt.date | None = None) -> None:
    """Create the base at `path` (any existing file there is replaced)."""
    today = today or dt.date.today()
    started = time.perf_counter()
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    Database.open(path).close()
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    status = dict(con.execute("SELECT code, id FROM order_statuses"))
    products = _products(rng)
    orders = _orders(rng, today, status)
    first_order: dict[int, dt.date] = {}
    for row, day, _planned in orders:
        first_order.setdefault(row[3], day)
    _log(f"generated {len(products)} products, {len(orders)} orders", started)
    con.execute("BEGIN")
    for name in (*TRIGGERS, *LIFECYCLE_TRIGGERS):  # the first read computes every history
        con.execute(f"DROP TRIGGER {name}")
    con.executemany(
        "INSERT INTO products (id, name, sku, default_price, default_cost, active)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        products,
    )
    con.executemany(
        "INSERT INTO contacts (id, name, name_key, phone, email, address, notes, channel_id,"
        " archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _contacts(rng, first_order, today),
    )
    _people_and_phones(con, seed)
    add_tags(con)
    _log(f"inserted {CONTACTS} contacts, companies, their people, further phones, tags", started)
    con.executemany(
        "INSERT INTO orders (id, date, status_id, contact_id, channel_id, comment,"
        " loss_reason_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row for row, _day, _planned in orders),
    )
    _log(f"inserted {len(orders)} orders", started)
    con.executemany(
        "INSERT INTO shipments (id, order_id, position, date, product_id, quantity,"
        " unit_price, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        _shipments(rng, orders, products, today),
    )
    _log(f"inserted {SHIPMENTS} shipments", started)
    con.execute(
        "UPDATE orders SET (amount, cost, profit, line_count, units, first_ship_date,"
        " last_ship_date) = (t.amount, t.cost, t.amount - t.cost, t.lines, t.units, t.first,"
        " t.last) FROM (SELECT order_id, SUM(quantity * unit_price) AS amount,"
        " SUM(quantity * unit_cost) AS cost, COUNT(*) AS lines, SUM(quantity) AS units,"
        " MIN(date) AS first, MAX(date) AS last"
        " FROM shipments GROUP BY order_id) AS t WHERE orders.id = t.order_id"
    )
    _log("filled order totals", started)
    for name in PAYMENT_TRIGGERS:
        con.execute(f"DROP TRIGGER {name}")
    owing = con.execute(
        "SELECT id, date, amount FROM orders WHERE amount > 0 AND status_id != ?",
        (status["cancelled"],),
    ).fetchall()
    con.executemany(
        "INSERT INTO payments (order_id, date, amount, method, created_at) VALUES (?, ?, ?, ?, ?)",
        _payments(rng, owing, today),
    )
    con.execute(
        "UPDATE orders SET paid = t.paid FROM (SELECT order_id, SUM(amount) AS paid"
        " FROM payments GROUP BY order_id) AS t WHERE orders.id = t.order_id"
    )
    for sql in (*TRIGGERS.values(), *LIFECYCLE_TRIGGERS.values(), *PAYMENT_TRIGGERS.values()):
        con.execute(sql)
    con.execute("COMMIT")
    _log("paid the orders, re-created triggers", started)
    con.execute("ANALYZE")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    _log(f"analyzed; built {path.name}", started)


def ensure(path: Path = BIG_PATH, rebuild: bool = False) -> Path:
    """The cached base, built first (to a temporary name, then renamed) if missing."""
    if path.exists() and not rebuild:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.stem + ".building" + path.suffix)
    print(f"Building the big base at {path} ...", file=sys.stderr, flush=True)
    build(building)
    building.replace(path)
    return path


if __name__ == "__main__":
    ensure(rebuild="--rebuild" in sys.argv)
