"""Demo data: two years of Ivan's wholesale wallet business, generated into an empty database."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import phonenumbers
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from models import (
    Channel,
    Contact,
    ContactNote,
    ContactTag,
    FollowUp,
    Order,
    OrderStage,
    OrderStatus,
    Payment,
    Product,
    Shipment,
    Tag,
    Task,
    fold,
)
from services import choices
from services.choices import FOLLOW_UPS_SINCE, lost_status_ids, put_setting
from services.demo_stock import add_stock_and_expenses
from services.documents.content import SellerDetails
from services.documents.seller import put_seller
from services.errors import ValidationError
from services.follow_ups import DEFAULT_DAYS
from services.scoring import remember_peak
from services.storage import Database
from services.tax_ids import inn_is_valid
from services.uow import UnitOfWork

HISTORY_DAYS = 730
PLANNED_DAYS = 28
CONTACT_COUNT = 60
# (name, SKU, default cost, default price): what the wallets cost Ivan today and sell for.
PRODUCTS = (
    ("Кошелёк Classic", "WL-CL-01", "620", "1190"),
    ("Кошелёк Slim", "WL-SL-02", "450", "890"),
    ("Портмоне Travel", "WL-TR-03", "880", "1490"),
    ("Картхолдер Mini", "WL-MN-04", "360", "720"),
)
MALE_NAMES = ("Алексей", "Николай", "Дмитрий", "Сергей", "Андрей", "Максим", "Олег", "Павел")
FEMALE_NAMES = ("Анна", "Елена", "Ольга", "Марина", "Татьяна", "Наталья", "Светлана", "Юлия")
SURNAMES = (
    "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков",
    "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
    "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров",
)  # fmt: skip
# Four Igors; the two Igor Petrovs (different people, different phones) are both loyal big
# buyers, so reports show why customers are told apart by phone, never by name.
NAMESAKES = ("Игорь Петров", "Игорь Петров", "Игорь Смирнов", "Игорь Волков")
SHOPS = (
    "ИП Соколова", "ИП Гусев", "Магазин «Кожа и стиль»", "ООО «Галантерея Плюс»",
    "Лавка подарков «Сувенир»", "ИП Белова",
)  # fmt: skip
CITIES = ("Москва", "Подольск", "Химки", "Тверь", "Тула", "Рязань", "Калуга")
STREETS = ("ул. Ленина", "ул. Гагарина", "Садовая ул.", "пр. Мира", "ул. Победы", "ул. Лесная")
NOTES = (
    "Звонить после 18:00.", "Предпочитает WhatsApp.", "Забирает сам, склад на окраине.",
    "Просит чек и накладную.", "Берёт в основном тёмные цвета.",
)  # fmt: skip
COMMENTS = ("Самовывоз", "Доставка мной", "Оплата переводом", "Отправка СДЭК", "Просил скидку")
QUANTITIES = (5, 10, 10, 15, 20, 20, 25, 30, 40, 50)
# kind → (cadence in days, r on the demo's day): three due to reorder, one recently asleep
DUE = {"due-21": (21, 1.2), "due-28": (28, 1.2), "due-35": (35, 1.25), "asleep-30": (30, 2.5)}
FOLLOW_UP_HISTORY_DAYS = 30  # follow-ups began this long ago; all but the last days' done
TASKS = (  # (days from the demo's day, time, title, kind of customer it is about)
    (-2, None, "Перезвонить насчёт оплаты", "due-21"),
    (0, dt.time(11, 0), "Позвонить: пора повторить заказ", "due-28"),
    (0, None, "Отправить прайс на новую коллекцию", None),
    (3, dt.time(15, 30), "Встреча: показать образцы", "loyal"),
)
DATED_NOTES = (
    "Звонил, закажет после 15-го.",
    "Просил придержать 20 шт. Slim до конца месяца.",
    "Интересуется картхолдерами в подарочной упаковке.",
)
ANSWERS = ("Всё понравилось, ждёт новую партию.", "Довольны, просят такие же цвета.")
_LATIN = str.maketrans(
    dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeeziyklmnoprstufye", strict=True))
    | {"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ь": "",
       "ю": "yu", "я": "ya"}
)  # fmt: skip


@dataclass(frozen=True)
class DemoSummary:
    """How many rows the demo business wrote."""

    contacts: int
    products: int
    orders: int
    shipments: int


def create_demo_business(
    database: Database, today: dt.date | None = None, seed: int = 7
) -> DemoSummary:
    """Fill an empty database with a believable business; the same `today` and `seed` give
    the same rows. Refuses a database that already has contacts, products or orders."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    with UnitOfWork(database) as uow:
        session = uow.session
        if any(session.scalar(select(m.id).limit(1)) for m in (Contact, Order, Product)):
            raise ValidationError.of("database", "demo.not_empty")
        status = {
            code: choices.status_by_code(session, code).id
            for code in ("new", "confirmed", "paid", "shipped", "completed", "cancelled")
        }
        reasons = [reason.id for reason in choices.loss_reasons(session)]
        channel_ids: list[int | None] = [channel.id for channel in choices.channels(session)]
        channel_ids = channel_ids or [None]
        products = [
            Product(name=name, sku=sku, default_cost=Decimal(cost), default_price=Decimal(price))
            for name, sku, cost, price in PRODUCTS
        ]
        session.add_all(products)
        people = _people(rng, channel_ids, today)
        # Contact numbers follow the first purchase, as if typed in over the two years.
        people.sort(key=lambda person: person[0].created_at)
        plans: list[tuple[dt.date, dt.date, int, Contact]] = []
        for contact, dates, _kind in people:
            session.add(contact)
            plans.extend((day, day, 0, contact) for day in dates)
        planned_for = [c for c, dates, kind in people if len(dates) > 8 and kind not in DUE]
        regulars = planned_for or [people[0][0]]
        for _ in range(rng.randint(10, 15)):  # planned shipments, agreed in the last days
            ordered = today - dt.timedelta(days=rng.randint(0, 5))
            ship = today + dt.timedelta(days=rng.randint(1, PLANNED_DAYS))
            plans.append((ordered, ship, 1, rng.choice(regulars)))
        # Deals in flight and deals lost: drawn from a generator of their own, so the orders
        # above come out the same whatever the leads are.
        leads = random.Random(seed + 1)
        plans.extend(_leads(leads, people, today))
        plans.sort(key=lambda plan: (plan[0], plan[2], plan[3].created_at))
        shipments = 0
        clockwork = {id(contact) for contact, _dates, kind in people if kind in DUE}
        for ordered, ship, planned, contact in plans:
            if planned >= FIRST_LEAD:
                lead = LEADS[planned - FIRST_LEAD]
                referral = channel_ids[2] if len(channel_ids) > 2 else None
                session.add(_lead(leads, contact, ordered, lead, status, reasons, referral))
                continue
            order = _order(rng, contact, ordered, ship, products, today)
            code = _status_code(rng, (today - ordered).days, bool(planned))
            if code == "cancelled" and id(contact) in clockwork:
                code = "completed"  # their cadence must hold to the day
            order.status_id = status[code]
            if code == "cancelled":
                order.loss_reason_id = rng.choice(reasons) if reasons else None
                order.loss_note = None if reasons else "Клиент передумал"
            session.add(order)
            shipments += len(order.lines)
        session.flush()
        staff = _staff(random.Random(seed + 2), session, [c for c, _d, _k in people])
        _activity(rng, session, {kind: contact for contact, _d, kind in people}, today)
        _payments(rng, session, today)
        _stages(leads, session, today)
        _modifiers(session)
        put_seller(session, SELLER)
        session.flush()
        add_stock_and_expenses(random.Random(seed + 3), session, products, today)
        for order_id, day in session.execute(
            select(Order.id, Order.date).where(
                Order.line_count == 0, Order.status_id == status["new"]
            )
        ):
            remember_peak(session, order_id, day)  # their class when they came in
        uow.name("demo.created")
        uow.commit()
    return DemoSummary(len(people) + staff, len(products), len(plans), shipments)


# The seller on the demo's documents: a sole trader with a bank account (numbers that pass
# their check digits, as a real one's would).
SELLER = SellerDetails(
    name="ИП Петров Иван Сергеевич",
    tax_id="500100732259",
    ogrn="304500116000157",
    address="127018, г. Москва, ул. Сущёвский Вал, д. 5, стр. 3",
    phone="+7 916 555-12-34",
    email="petrov.opt@example.ru",
    bank="ПАО Сбербанк, г. Москва",
    bik="044525225",
    account="40802810838000012345",
    correspondent_account="30101810400000000225",
    signer="Петров И. С.",
    signer_title="Индивидуальный предприниматель",
    payment_terms="Оплата в течение 5 банковских дней. Товар отпускается после поступления "
    "денег на расчётный счёт.",
    footer="Спасибо за заказ! Кошельки и портмоне оптом от 10 штук.",
)


# Shops pay later: an order of the last weeks is still unpaid this often, and paid in part
# this often of those; every older one was paid, by transfer mostly, within a week.
UNPAID_RECENT_DAYS, UNPAID_SHARE, PART_PAID_SHARE = 21, 0.35, 0.3
SHOP_TERMS_DAYS = 14
METHODS = ("transfer", "transfer", "transfer", "cash", "card")


def _payments(rng: random.Random, session: Session, today: dt.date) -> None:
    """The payments of the orders written (their amounts kept by the triggers, so read after
    the flush): the debtors list shows a few shops that owe for their last orders."""
    lost = set(session.scalars(select(OrderStatus.id).where(OrderStatus.role == "lost")))
    said_paid = set(session.scalars(select(OrderStatus.id).where(OrderStatus.code == "paid")))
    orders = session.execute(select(Order.id, Order.date, Order.amount, Order.status_id)).all()
    for order_id, day, amount, status_id in orders:
        age = (today - day).days
        if status_id in lost or amount <= 0 or age < 0:
            continue
        paid = amount
        owing = age < UNPAID_RECENT_DAYS and rng.random() < UNPAID_SHARE
        if owing and status_id not in said_paid:  # an order in the Paid status was paid
            if rng.random() >= PART_PAID_SHARE:
                continue
            paid = (amount / 2).quantize(Decimal("0.01"), ROUND_HALF_UP)
        when = day + dt.timedelta(days=rng.randint(0, min(7, age)))
        session.add(Payment(order_id=order_id, date=when, amount=paid, method=rng.choice(METHODS)))


# Deals at their first stage, without lines yet (a shop asks for a price list, a wholesale
# buyer wants samples): their age in days and what they are expected to bring. Seven are open,
# five were lost this quarter.
FIRST_LEAD = 2  # a plan's kind: 0 an order, 1 a planned shipment, FIRST_LEAD + i LEADS[i]
# (age in days, expected amount, came through a referral, lost): the two oldest open ones were
# big referrals never answered, and have slid down since (C2).
LEADS = (
    (1, "120000", False, False),
    (4, "45000", False, False),
    (9, "90000", False, False),
    (18, "60000", False, False),
    (26, "30000", False, False),
    (44, "250000", True, False),
    (66, "150000", True, False),
    (6, "30000", False, True),
    (13, "60000", False, True),
    (24, "15000", False, True),
    (39, "90000", True, True),
    (58, "45000", False, True),
)
# Percentage points a deal gains by its status (by code) and its channel (by place in the
# list: Avito, Website, Referral, Phone call, Repeat customer).
STATUS_MODIFIERS = {"confirmed": 20, "paid": 45, "shipped": 60}
CHANNEL_MODIFIERS = (-5, 0, 25, 10, 30)
# The statuses an order passes through on its way to each one.
PATHS = {
    "new": ("new",),
    "confirmed": ("new", "confirmed"),
    "paid": ("new", "confirmed", "paid"),
    "shipped": ("new", "confirmed", "paid", "shipped"),
    "completed": ("new", "confirmed", "paid", "shipped", "completed"),
}


def _leads(
    rng: random.Random, people: list[tuple[Contact, list[dt.date], str]], today: dt.date
) -> list[tuple[dt.date, dt.date, int, Contact]]:
    """Plans of the leads: each for a customer who had bought before its day."""
    plans = []
    for index, (age, _amount, _referral, _lost) in enumerate(LEADS):
        day = today - dt.timedelta(days=age)
        known = [contact for contact, dates, _kind in people if dates[0] < day]
        plans.append((day, day, FIRST_LEAD + index, rng.choice(known)))
    return plans


def _lead(
    rng: random.Random,
    contact: Contact,
    day: dt.date,
    lead: tuple[int, str, bool, bool],
    status: dict[str, int],
    reasons: list[int],
    referral: int | None,
) -> Order:
    _age, amount, through_referral, lost = lead
    created = dt.datetime.combine(day, dt.time(rng.randint(10, 18), rng.randrange(60)))
    order = Order(
        date=day,
        contact=contact,
        channel_id=referral if through_referral and referral else contact.channel_id,
        expected_amount=Decimal(amount),
        status_id=status["cancelled" if lost else "new"],
        created_at=created,
        updated_at=created,
    )
    if lost:
        order.loss_reason_id = rng.choice(reasons) if reasons else None
        order.loss_note = None if reasons else "Клиент передумал"
    return order


def _stages(rng: random.Random, session: Session, today: dt.date) -> None:
    """Each order's way through the statuses, a day a step (the triggers wrote only the one
    it was created in): what the funnel's conversion reads. A lost order fell at its first
    or second stage."""
    codes = {  # the demo's statuses are the built-in ones: each has its code
        status_id: code
        for status_id, code in session.execute(select(OrderStatus.id, OrderStatus.code))
        if code is not None
    }
    ids = {code: status_id for status_id, code in codes.items()}
    orders = session.execute(select(Order.id, Order.date, Order.status_id).order_by(Order.id))
    rows = []
    for order_id, day, status_id in orders:
        code = codes[status_id]
        if code == "cancelled":
            path = (*PATHS[rng.choice(("new", "confirmed"))], "cancelled")
        else:
            path = PATHS.get(code, (code,))
        for step, passed in enumerate(path):
            entered = min(day + dt.timedelta(days=step), today)
            rows.append({"order_id": order_id, "status_id": ids[passed], "entered_on": entered})
    session.execute(delete(OrderStage))
    session.execute(insert(OrderStage), rows)


def _modifiers(session: Session) -> None:
    """The scoring's modifiers of the demo's statuses and channels."""
    for status in session.scalars(select(OrderStatus)):
        status.score_modifier = STATUS_MODIFIERS.get(status.code or "", 0)
    channels = session.scalars(select(Channel).order_by(Channel.position, Channel.id))
    for channel, modifier in zip(channels, CHANNEL_MODIFIERS, strict=False):
        channel.score_modifier = modifier


def _people(
    rng: random.Random, channel_ids: list[int | None], today: dt.date
) -> list[tuple[Contact, list[dt.date], str]]:
    """The customers, each with the days of their purchases (all on or before today) and
    the kind of buyer they are."""
    names = list(NAMESAKES) + rng.sample(SHOPS, 4)
    while len(names) < CONTACT_COUNT:
        female = rng.random() < 0.4
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        surname = rng.choice(SURNAMES) + ("а" if female else "")
        if f"{first} {surname}" not in names:
            names.append(f"{first} {surname}")
    kinds = ["regular"] * 32 + ["occasional"] * 16 + ["once"] * (CONTACT_COUNT - 50)
    rng.shuffle(kinds)
    kinds[:0] = ["loyal", "loyal"]
    # Today is never empty on a first run: these buy like clockwork and are due to call now
    # (three due to reorder, one fallen asleep), whatever day the demo is made on.
    for index, kind in zip(rng.sample(range(8, CONTACT_COUNT), len(DUE)), DUE, strict=True):
        kinds[index] = kind
    phones: list[str] = []
    people = []
    for name, kind in zip(names, kinds, strict=True):
        dates = _purchase_days(rng, kind, today)
        created = dt.datetime.combine(dates[0], dt.time(9, rng.randrange(60)))  # before the order
        is_person = not name.startswith(("ИП", "ООО", "Магазин", "Лавка"))
        contact = Contact(
            name=name,
            kind="person" if is_person else "company",
            phone=_phone(rng, phones),
            channel_id=channel_ids[0] if rng.random() < 0.7 else rng.choice(channel_ids),
            created_at=created,
            updated_at=created,
        )
        if is_person and rng.random() < 0.3:
            first, surname = name.lower().translate(_LATIN).split()
            domain = rng.choice(("mail.ru", "yandex.ru", "gmail.com", "bk.ru"))
            contact.email = f"{first}.{surname}{rng.randint(1, 99)}@{domain}"
        if not is_person:
            contact.payment_terms_days = SHOP_TERMS_DAYS  # shops pay later
        if not is_person or rng.random() < 0.25:
            contact.address = (
                f"г. {rng.choice(CITIES)}, {rng.choice(STREETS)}, д. {rng.randint(1, 120)}"
            )
        if rng.random() < 0.2:
            contact.notes = rng.choice(NOTES)
        people.append((contact, dates, kind))
    return people


# A shop's people: who Ivan talks to there, each on a number of their own.
STAFF = (("Ольга", "владелец"), ("Дмитрий", "закупщик"), ("Ирина", "бухгалтер"))
TAGS = (("опт", "#1565c0"), ("VIP", "#ef6c00"), ("самовывоз", "#2e7d32"))


def _staff(rng: random.Random, session: Session, customers: list[Contact]) -> int:
    """The shops' people (one to three each), their legal names and INNs, "ordered by" on
    the shops' orders, and a few tags. From a generator of its own, so the orders and the
    figures come out the same. How many people were added."""
    taken = [c.phone for c in customers if c.phone]
    tags = [Tag(name=name, name_key=fold(name), colour=colour) for name, colour in TAGS]
    session.add_all(tags)
    session.flush()
    added = 0
    # put in lately, one after the other, after the last customer (numbers follow dates)
    since = max(c.created_at for c in customers)
    for contact in customers:
        if contact.kind != "company":
            if rng.random() < 0.15:
                session.add(ContactTag(contact_id=contact.id, tag_id=tags[2].id))
            continue
        if contact.name.startswith("ООО"):  # (not stamped with the clock: same seed, same rows)
            session.execute(
                update(Contact)
                .where(Contact.id == contact.id)
                .values(legal_name=contact.name, tax_id=_inn(rng), updated_at=Contact.updated_at)
            )
        session.add(ContactTag(contact_id=contact.id, tag_id=tags[0].id))
        people = []
        for first, title in rng.sample(STAFF, rng.randint(1, 3)):
            surname = rng.choice(SURNAMES) + ("а" if first in FEMALE_NAMES else "")
            added += 1
            created = since + dt.timedelta(minutes=added)
            person = Contact(
                name=f"{first} {surname}",
                phone=_phone(rng, taken),
                company_id=contact.id,
                job_title=title,
                created_at=created,
                updated_at=created,
            )
            session.add(person)
            people.append(person)
        session.flush()
        for order_id in session.scalars(select(Order.id).where(Order.contact_id == contact.id)):
            session.execute(
                update(Order)
                .where(Order.id == order_id)
                .values(person_id=rng.choice(people).id, updated_at=Order.updated_at)
            )
    loyal = session.scalars(select(Contact).where(Contact.name == NAMESAKES[0])).first()
    if loyal is not None:
        session.add(ContactTag(contact_id=loyal.id, tag_id=tags[1].id))
    return added


def _inn(rng: random.Random) -> str:
    """A company's INN (10 digits) whose check digit adds up."""
    while True:
        digits = f"77{rng.randrange(10**7):07d}"
        for last in "0123456789":
            if inn_is_valid(digits + last):
                return digits + last


def _purchase_days(rng: random.Random, kind: str, today: dt.date) -> list[dt.date]:
    """Loyal and regular buyers come back every 2–6 weeks, occasional ones every few months;
    some regulars stop coming. The DUE kinds keep an exact cadence up to a last purchase
    `r` cadences ago (r = 1.2: due to reorder; 2.5: recently asleep)."""
    if kind in DUE:
        cadence, r = DUE[kind]
        last = today - dt.timedelta(days=round(cadence * r))
        return [last - dt.timedelta(days=cadence * k) for k in range(rng.randint(5, 9), -1, -1)]
    start = today - dt.timedelta(days=HISTORY_DAYS)
    if kind == "once":
        return [start + dt.timedelta(days=rng.randrange(HISTORY_DAYS + 1))]
    cadence = rng.randint(*{"loyal": (14, 20), "regular": (14, 42)}.get(kind, (60, 150)))
    early = kind == "loyal" or rng.random() < 0.5
    day = start + dt.timedelta(days=rng.randrange(cadence if early else 450))
    asleep = kind != "loyal" and rng.random() < 0.2
    end = today - dt.timedelta(days=rng.randint(60, 240)) if asleep else today
    days = []
    while day <= end:
        days.append(day)
        day += dt.timedelta(days=max(7, cadence + rng.randint(-5, 5)))
    return days or [min(day, today)]


def _activity(
    rng: random.Random, session: Session, by_kind: dict[str, Contact], today: dt.date
) -> None:
    """A month of Ivan's follow-ups (done, some with the answer in the notes; the last
    days' still open), his tasks around today and a few dated notes."""
    start = today - dt.timedelta(days=FOLLOW_UP_HISTORY_DAYS)
    put_setting(session, FOLLOW_UPS_SINCE, start.isoformat())
    days = dt.timedelta(days=DEFAULT_DAYS)
    delivered = [
        (order_id, contact_id, shipped)
        for order_id, contact_id, shipped in session.execute(
            select(Order.id, Order.contact_id, Order.last_ship_date).where(
                Order.last_ship_date >= start - days,
                Order.last_ship_date <= today - days,
                Order.status_id.not_in(lost_status_ids()),
            )
        )
        if shipped is not None  # (the range leaves out orders not shipped)
    ]
    newest = max((shipped for _o, _c, shipped in delivered), default=None)
    for order_id, contact_id, shipped in delivered:
        due = shipped + days
        if due >= today - dt.timedelta(days=1) or shipped == newest:
            continue  # the last days' (at least the newest one) are still to do
        session.add(FollowUp(order_id=order_id, state="done", resolved_on=due))
        if rng.random() < 0.3:
            text = rng.choice(ANSWERS)
            session.add(ContactNote(contact_id=contact_id, day=due, text=text, order_id=order_id))
    for offset, time, title, kind in TASKS:
        contact = by_kind.get(kind) if kind else None
        session.add(
            Task(
                title=title,
                due_date=today + dt.timedelta(days=offset),
                due_time=time,
                contact_id=contact.id if contact else None,
            )
        )
    done = Task(
        title="Сверить остатки с поставщиком",
        due_date=today - dt.timedelta(days=4),
        done=True,
        done_at=dt.datetime.combine(today - dt.timedelta(days=4), dt.time(12)),
        contact_id=by_kind["loyal"].id if "loyal" in by_kind else None,
    )
    session.add(done)
    kinds = ("loyal", "due-35", "asleep-30")
    for offset, text, kind in zip((12, 5, 2), DATED_NOTES, kinds, strict=True):
        if kind in by_kind:
            day = today - dt.timedelta(days=offset)
            session.add(ContactNote(contact_id=by_kind[kind].id, day=day, text=text))


def _status_code(rng: random.Random, age: int, planned: bool) -> str:
    """Planned orders are agreed or paid; the last days' are paid or on the way; older ones
    are completed, except about 3% that fell through."""
    if planned:
        return rng.choice(("confirmed", "paid"))
    if age > 3 and rng.random() < 0.03:
        return "cancelled"
    if age <= 3:
        return rng.choice(("paid", "shipped"))
    return rng.choice(("shipped", "completed")) if age <= 10 else "completed"


def _phone(rng: random.Random, taken: list[str]) -> str:
    """A valid Russian mobile number in E.164 that no other demo contact has."""
    while True:
        phone = f"+79{rng.randrange(10**9):09d}"
        if phone not in taken and phonenumbers.is_valid_number(phonenumbers.parse(phone)):
            taken.append(phone)
            return phone


def _order(rng: random.Random, contact: Contact, ordered: dt.date, ship: dt.date,
           products: list[Product], today: dt.date) -> Order:  # fmt: skip
    """An order of 1–3 wallet models; the supplier raised prices about 4% every half year."""
    factor = 1 - Decimal("0.04") * ((today - ordered).days // 182)
    lines = []
    for position, product in enumerate(rng.sample(products, rng.choice((1, 1, 1, 2, 2, 3)))):
        quantity = rng.choice(QUANTITIES)
        discount = Decimal(rng.choice(("0.93", "0.95"))) if quantity >= 30 else Decimal(1)
        if rng.random() < 0.1:
            discount *= Decimal("0.97")  # haggled a little
        lines.append(
            Shipment(
                position=position,
                date=ship,
                product=product,
                quantity=quantity,
                unit_price=_to_half(product.default_price * factor * discount),
                unit_cost=(product.default_cost * factor).quantize(Decimal(1), ROUND_HALF_UP),
            )
        )
    created = dt.datetime.combine(ordered, dt.time(rng.randint(10, 18), rng.randrange(60)))
    return Order(
        date=ordered,
        contact=contact,
        channel_id=contact.channel_id,
        comment=rng.choice(COMMENTS) if rng.random() < 0.1 else None,
        lines=lines,
        created_at=created,
        updated_at=created,
    )


def _to_half(value: Decimal) -> Decimal:
    """Round to whole roubles or fifty kopecks, as a seller quotes a price."""
    return ((value * 2).quantize(Decimal(1), ROUND_HALF_UP) / 2).quantize(Decimal("0.01"))
