"""Hand-written SQL for the period report: the raw-SQLite baseline the services are held to.

Each query computes what its service function returns (services/figures.py): lost (Cancelled)
orders left out, shipments after `today` planned, realized ones up to and including it.
"""

from __future__ import annotations

import sqlite3

SELLING = "o.status_id NOT IN (SELECT id FROM order_statuses WHERE role = 'lost')"
REALIZED = "s.date <= :today"

PERIOD_TOTALS = f"""
SELECT SUM(CASE WHEN {REALIZED} THEN s.quantity * s.unit_price ELSE 0 END),
       SUM(CASE WHEN {REALIZED} THEN s.quantity * s.unit_cost ELSE 0 END),
       SUM(CASE WHEN s.date > :today THEN s.quantity * s.unit_price ELSE 0 END),
       SUM(CASE WHEN s.date > :today THEN s.quantity * s.unit_cost ELSE 0 END),
       COUNT(DISTINCT CASE WHEN {REALIZED} THEN s.order_id END),
       SUM({REALIZED}),
       SUM(CASE WHEN {REALIZED} THEN s.quantity ELSE 0 END)
FROM shipments s JOIN orders o ON o.id = s.order_id
WHERE {SELLING} AND s.date BETWEEN :start AND :end
"""

NEW_AND_RETURNING = f"""
WITH buyers AS (
    SELECT DISTINCT o.contact_id FROM orders o JOIN shipments s ON s.order_id = o.id
    WHERE {SELLING} AND {REALIZED} AND s.date BETWEEN :start AND :end
)
SELECT COUNT(*), SUM(EXISTS (
    SELECT 1 FROM orders o JOIN shipments s ON s.order_id = o.id
    WHERE o.contact_id = buyers.contact_id AND {SELLING} AND s.date < :start
)) FROM buyers
"""

TOP_CUSTOMERS = f"""
SELECT c.id, c.name, c.phone, COUNT(DISTINCT s.order_id),
       SUM(s.quantity * s.unit_price) AS amount, SUM(s.quantity * s.unit_cost)
FROM shipments s JOIN orders o ON o.id = s.order_id JOIN contacts c ON c.id = o.contact_id
WHERE {SELLING} AND {REALIZED} AND s.date BETWEEN :start AND :end
GROUP BY c.id ORDER BY amount DESC, c.id LIMIT 10
"""

PRODUCTS = f"""
SELECT p.id, p.name, p.sku, p.active, COALESCE(t.units, 0), COALESCE(t.orders, 0),
       t.amount, t.cost
FROM products p LEFT JOIN (
    SELECT s.product_id, SUM(s.quantity) AS units, COUNT(DISTINCT s.order_id) AS orders,
           SUM(s.quantity * s.unit_price) AS amount, SUM(s.quantity * s.unit_cost) AS cost
    FROM shipments s JOIN orders o ON o.id = s.order_id
    WHERE {SELLING} AND {REALIZED} AND s.date BETWEEN :start AND :end
    GROUP BY s.product_id
) t ON t.product_id = p.id
ORDER BY COALESCE(t.amount, 0) - COALESCE(t.cost, 0) DESC, p.name
"""


def run(con: sqlite3.Connection, params: dict, *queries: str) -> list[list]:
    """Run the queries with `params` (start, end, today as ISO dates), fetching every row."""
    return [con.execute(sql, params).fetchall() for sql in queries]


# The rest of what the Reports section shows: the ranking by profit, and the chart series.
TOP_CUSTOMERS_BY_PROFIT = TOP_CUSTOMERS.replace(
    "ORDER BY amount DESC", "ORDER BY amount - SUM(s.quantity * s.unit_cost) DESC"
)
SERIES = f"""
SELECT strftime('%Y-%m', s.date), o.channel_id,
       SUM(s.quantity * s.unit_price), SUM(s.quantity * s.unit_cost)
FROM shipments s JOIN orders o ON o.id = s.order_id
WHERE {SELLING} AND {REALIZED} AND s.date BETWEEN :start AND :end
GROUP BY 1, 2
"""


# Stock and channels (issue #18). Stock levels: per product what was bought and found up to
# today, the units its consumers took up to today (the last one's place in the FIFO sequence
# plus its own), and the planned units of its sequence.
STOCK_LEVELS = """
SELECT p.id, p.name, p.min_stock,
    (SELECT MIN(d) FROM (
        SELECT pu.date AS d FROM purchase_lines pl JOIN purchases pu ON pu.id = pl.purchase_id
        WHERE pl.product_id = p.id
        UNION ALL SELECT date FROM stock_adjustments WHERE product_id = p.id)),
    (SELECT COALESCE(SUM(pl.quantity), 0) FROM purchase_lines pl
        JOIN purchases pu ON pu.id = pl.purchase_id
        WHERE pl.product_id = p.id AND pu.date <= :today),
    (SELECT COALESCE(SUM(quantity), 0) FROM stock_adjustments
        WHERE product_id = p.id AND quantity > 0 AND date <= :today),
    (SELECT fifo_start + quantity FROM shipments
        WHERE product_id = p.id AND date <= :today AND fifo_start IS NOT NULL
        ORDER BY date DESC, fifo_start DESC LIMIT 1),
    (SELECT fifo_start - quantity FROM stock_adjustments
        WHERE product_id = p.id AND date <= :today AND fifo_start IS NOT NULL
        ORDER BY date DESC, fifo_start DESC LIMIT 1),
    (SELECT COALESCE(SUM(quantity), 0) FROM shipments
        WHERE product_id = p.id AND date > :today AND fifo_start IS NOT NULL)
FROM products p ORDER BY p.name
"""

# Customers acquired per channel: each contact's first realized purchase ever (its orders'
# earliest first shipped day, of orders not lost, up to today) in the period, counted under
# the channel of the order that has it (the first entered, of two that day).
ACQUIRED_BY_CHANNEL = f"""
WITH firsts AS (
    SELECT o.contact_id, MIN(o.first_ship_date) AS day FROM orders o
    WHERE {SELLING} AND o.first_ship_date <= :today
    GROUP BY o.contact_id HAVING day BETWEEN :start AND :end
), chosen AS (
    SELECT MIN(o.id) AS id FROM orders o
    JOIN firsts f ON f.contact_id = o.contact_id AND f.day = o.first_ship_date
    WHERE {SELLING} GROUP BY f.contact_id
)
SELECT o.channel_id, COUNT(*) FROM orders o JOIN chosen c ON c.id = o.id GROUP BY o.channel_id
"""

# The period's expenses by category and channel (the ads per channel among them), up to today,
# and the channels' names.
EXPENSES_BY_CHANNEL = """
SELECT category, channel_id, SUM(amount), (SELECT group_concat(name) FROM channels)
FROM expenses WHERE date <= :today AND date BETWEEN :start AND :end
GROUP BY category, channel_id
"""
