"""Where a line's cost comes from, in words: typed by hand, or by FIFO from the purchases (with
the batches it took), and which products' lines are costed by FIFO at all."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from services.stock import CostSource, SourcePart, Tracking
from ui.formatting import Formatter

# --- the words ------------------------------------------------------------------------------


class CostSourceText(QObject):
    """The words for a line's cost source: a short label for a column, a tooltip in full."""

    def __init__(self, formatter: Formatter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._formatter = formatter

    def typed_label(self) -> str:
        return self.tr("Typed")

    def pending_label(self) -> str:
        return self.tr("FIFO when saved")

    def fifo_label(self, source: CostSource) -> str:
        beyond = source.beyond_stock
        return self.tr("FIFO, %n beyond stock", "", beyond) if beyond else self.tr("FIFO")

    def labels_sample(self) -> tuple[str, ...]:
        """The short texts a column of sources shows, for its width."""
        return (
            self.typed_label(),
            self.pending_label(),
            self.tr("FIFO, %n beyond stock", "", 999),
        )

    def part_text(self, part: SourcePart) -> str:
        """ "10 × 500,00 ₽ (purchase No. 3 of 01.05.2026, document 145)"."""
        fmt = self._formatter
        if part.document:
            where = self.tr("purchase No. %1 of %2, document %3")
        else:
            where = self.tr("purchase No. %1 of %2")
        where = (
            where.replace("%1", str(part.purchase_id))
            .replace("%2", fmt.date(part.purchase_date))
            .replace("%3", part.document or "")
        )
        if part.beyond_stock:
            text = self.tr("%1 × %2 beyond stock (at the cost of %3)")
        else:
            text = self.tr("%1 × %2 (%3)")
        return (
            text.replace("%1", fmt.integer(part.quantity))
            .replace("%2", fmt.money(part.unit_cost))
            .replace("%3", where)
        )

    def fifo_tip(self, source: CostSource) -> str:
        """The batches a FIFO line took, one a line, and what ran beyond the stock."""
        parts = [self.part_text(part) for part in source.parts]
        lines = [self.tr("FIFO: %1").replace("%1", parts[0] if parts else "")]
        lines += ["+ " + part for part in parts[1:]]
        beyond = source.beyond_stock
        if beyond:
            lines.append(
                self.tr(
                    "%n unit(s) beyond stock, costed at the last purchase until stock arrives",
                    "",
                    beyond,
                )
            )
        return "\n".join(lines)

    def pending_tip(self) -> str:
        return self.tr(
            "The cost is computed by FIFO from the purchases when the order is saved; "
            "the cost shown until then is an estimate."
        )

    def read_only_tip(self) -> str:
        return self.tr("Computed by FIFO from the purchases when the order is saved: not typed.")

    def typed_tip(self, tracking: Tracking, day: dt.date, lost: bool) -> str:
        """Why a line keeps the cost typed on it."""
        if tracking.purchased and lost:
            return self.tr("Typed: the lines of a lost order take no goods from the stock.")
        if tracking.purchased and tracking.start is not None and day < tracking.start:
            text = self.tr("Typed: the line is dated before the product's stock is counted (%1).")
            return text.replace("%1", self._formatter.date(tracking.start))
        return self.tr(
            "Typed: the product has no purchases, so the line keeps the cost typed on it."
        )
