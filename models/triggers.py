"""SQLite triggers that keep each order's line totals equal to the sum of its shipments."""

from __future__ import annotations

from sqlalchemy import DDL, event

from models.entities import Shipment

# Recomputing from the order's own lines (an indexed lookup) rather than adding deltas means
# a total can never drift, whatever sequence of writes happened.
_RECOMPUTE = """
UPDATE orders SET (amount, cost, profit, line_count, units) = (
    SELECT COALESCE(SUM(quantity * unit_price), 0),
           COALESCE(SUM(quantity * unit_cost), 0),
           COALESCE(SUM(quantity * (unit_price - unit_cost)), 0),
           COUNT(*),
           COALESCE(SUM(quantity), 0)
    FROM shipments WHERE order_id = {ref}.order_id
) WHERE id = {ref}.order_id;
"""

TRIGGERS: dict[str, str] = {
    "trg_shipments_totals_insert": (
        "CREATE TRIGGER trg_shipments_totals_insert AFTER INSERT ON shipments BEGIN"
        + _RECOMPUTE.format(ref="NEW")
        + "END"
    ),
    "trg_shipments_totals_update": (
        "CREATE TRIGGER trg_shipments_totals_update"
        " AFTER UPDATE OF order_id, quantity, unit_price, unit_cost ON shipments BEGIN"
        + _RECOMPUTE.format(ref="NEW")
        + _RECOMPUTE.format(ref="OLD")
        + "END"
    ),
    "trg_shipments_totals_delete": (
        "CREATE TRIGGER trg_shipments_totals_delete AFTER DELETE ON shipments BEGIN"
        + _RECOMPUTE.format(ref="OLD")
        + "END"
    ),
}

for _sql in TRIGGERS.values():
    event.listen(Shipment.__table__, "after_create", DDL(_sql))
