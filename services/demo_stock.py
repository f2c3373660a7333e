"""The demo business's goods in and money out: half a year of purchases in batches (so its
last months' lines are costed by FIFO), two stock adjustments, minimum levels (one wallet has
run below its own), and a year of expenses — ads on two channels, packaging, fees."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models import (
    Channel,
    Expense,
    Order,
    Product,
    Purchase,
    PurchaseLine,
    Shipment,
    StockAdjustment,
)
from services.choices import lost_status_ids

STOCK_DAYS = 180  # stock is kept from this many days before the demo's day
SUPPLIER = "Фабрика «Кожгалантерея», Москва"
# SKU → the minimum stock Ivan set: the Slim model sells fastest and is short today.
MINIMUMS = {"WL-CL-01": 40, "WL-SL-02": 60, "WL-TR-03": 15}
UNTRACKED = "WL-MN-04"  # the card holder: bought by the box and never counted (typed costs)
BATCH_DAYS = 28  # a purchase about every four weeks …
COVER_DAYS = 40  # … covering the next weeks' sales and a margin


def add_stock_and_expenses(
    rng: random.Random, session: Session, products: list[Product], today: dt.date
) -> None:
    """Purchases, adjustments, minimums and expenses for the flushed demo orders; the lines
    are re-costed when the demo's unit of work commits."""
    start = today - dt.timedelta(days=STOCK_DAYS)
    tracked = [product for product in products if product.sku != UNTRACKED]
    sold = _daily_sales(session, start, today)
    day, number = start, 1
    bought: dict[int, int] = defaultdict(int)
    last = today - dt.timedelta(days=2)  # the last delivery came the day before yesterday
    while day <= last:
        lines = []
        for product in tracked:
            sales = sold[product.id]
            on_hand = bought[product.id] - sum(u for when, u in sales.items() if when < day)
            cover = day + dt.timedelta(days=COVER_DAYS)
            ahead = sum(units for when, units in sales.items() if day <= when < cover)
            # Ivan keeps twice his minimum in hand, but the factory is short of the Slim
            sku = product.sku or ""  # (every demo product has one)
            reserve = MINIMUMS[sku] * (2 if sku != "WL-SL-02" else 0)
            quantity = -(-(ahead + reserve - on_hand) // 10) * 10  # whole boxes of ten
            if quantity <= 0:
                continue
            bought[product.id] += quantity
            change = Decimal(1) + Decimal(rng.randint(-3, 3)) / 100
            cost = (product.default_cost * change).quantize(Decimal(1), ROUND_HALF_UP)
            lines.append(PurchaseLine(product=product, quantity=quantity, unit_cost=cost))
        if lines:
            purchase = Purchase(
                date=day,
                supplier_name=SUPPLIER,
                document=f"ТН-{day.year}-{number:03d}",
                delivery_cost=Decimal(rng.choice((1500, 1800, 2200, 2500))),
                lines=lines,
            )
            _spread(purchase)
            session.add(purchase)
            number += 1
        following = day + dt.timedelta(days=BATCH_DAYS + rng.randint(-3, 3))
        day = following if following < last - dt.timedelta(days=7) or day == last else last
    by_sku = {product.sku: product for product in products}
    session.add_all(
        [
            StockAdjustment(
                date=today - dt.timedelta(days=40),
                product=by_sku["WL-CL-01"],
                kind="write_off",
                quantity=-2,
                reason="Брак: порвана подкладка",
            ),
            StockAdjustment(
                date=today - dt.timedelta(days=12),
                product=by_sku["WL-TR-03"],
                kind="count",
                quantity=3,
                reason="Пересчёт склада: нашлась коробка",
            ),
        ]
    )
    for sku, minimum in MINIMUMS.items():
        by_sku[sku].min_stock = minimum
    session.add_all(_expenses(rng, session, today))
    session.flush()
    # ON CONFLICT DO NOTHING: SQLite's and PostgreSQL's words both (not SQLite's OR IGNORE)
    session.execute(
        text("INSERT INTO stock_dirty (product_id, since) VALUES (:p, :d) ON CONFLICT DO NOTHING"),
        [{"p": product.id, "d": start.isoformat()} for product in tracked],
    )


def _daily_sales(session: Session, start: dt.date, today: dt.date) -> dict[int, dict[dt.date, int]]:
    """Units of each product shipped per day from `start` on (planned ones too)."""
    sold: dict[int, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    rows = session.execute(
        select(Shipment.product_id, Shipment.date, Shipment.quantity)
        .join(Order, Order.id == Shipment.order_id)
        .where(Shipment.date >= start, Order.status_id.not_in(lost_status_ids()))
    )
    for product_id, day, quantity in rows:
        sold[product_id][day] += quantity
    return sold


def _spread(purchase: Purchase) -> None:
    """The delivery over the lines by value, as services.purchases does for a typed one."""
    values = [line.quantity * line.unit_cost for line in purchase.lines]
    whole = sum(values)
    shares = [
        (purchase.delivery_cost * value / whole).quantize(Decimal("0.01")) for value in values
    ]
    shares[0] += purchase.delivery_cost - sum(shares)
    for line, share in zip(purchase.lines, shares, strict=True):
        line.delivery_share = share


def _expenses(rng: random.Random, session: Session, today: dt.date) -> list[Expense]:
    """A year of monthly costs: ads on Avito and the website, packaging, the bank's fees."""
    channels = list(session.scalars(select(Channel).order_by(Channel.position)))[:2]
    found = []
    for months_back in range(12):
        back = today.year * 12 + today.month - 1 - months_back
        month = dt.date(back // 12, back % 12 + 1, 1)
        for channel, low, high in zip(channels, (3000, 1500), (6000, 2500), strict=False):
            found.append(
                Expense(
                    date=month + dt.timedelta(days=rng.randint(0, 4)),
                    amount=Decimal(rng.randrange(low, high, 100)),
                    category="ads",
                    channel_id=channel.id,
                    comment="Продвижение объявлений" if channel is channels[0] else "Реклама сайта",
                )
            )
        found.append(
            Expense(
                date=month + dt.timedelta(days=rng.randint(5, 20)),
                amount=Decimal(rng.randrange(800, 1600, 50)),
                category="packaging",
                comment="Коробки и пакеты",
            )
        )
        found.append(
            Expense(
                date=month + dt.timedelta(days=27),
                amount=Decimal(490),
                category="fees",
                comment="Обслуживание счёта",
            )
        )
    return [expense for expense in found if expense.date <= today]
