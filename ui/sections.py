"""The main window's sections: their keys in the sidebar's order, and each one's view.

A view is made the first time its section is visited (or asked for), and its package is
imported only then: the first window needs Today's modules alone, and paints without waiting
for the other sections' code, their queries and matplotlib (make bench: "first window
painted"); a section never visited costs no memory (make bench: "peak RSS").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from services.storage import Database
    from ui.formatting import Formatter

# each section's key, in the sidebar's order; also its line icon in resources/icons/sections/
SECTION_KEYS = (
    "today", "contacts", "orders", "board", "products", "purchases", "calendar", "reports",
    "history",
)  # fmt: skip
# their places in the sidebar (and the View menu's Ctrl+1…9)
TODAY, CONTACTS, ORDERS, BOARD, PRODUCTS, PURCHASES, CALENDAR, REPORTS, HISTORY = range(
    len(SECTION_KEYS)
)

# The sections only a database's owner is offered (models/roles.py): purchases, the reports
# of costs and profit, and the change log with its undo.
OWNER_SECTIONS = (PURCHASES, REPORTS, HISTORY)


class SectionView(Protocol):
    """What the window asks of every section's view (a QWidget) besides being one."""

    def refresh(self) -> None:
        """Read the data again (a lazy section only notes that it must, while hidden)."""

    def save_state(self, settings: QSettings) -> None:
        """Its layout into `settings` (columns, splitters, chosen period…)."""

    def restore_state(self, settings: QSettings) -> None:
        """Its layout back from `settings`."""


def section(view: QWidget) -> SectionView:
    """A section's view as the window speaks to it: every one of them has these methods."""
    return cast("SectionView", view)


def make_view(
    key: str, database: Database, formatter: Formatter, parent: QWidget, first: bool = False
) -> QWidget:
    """The view of the section `key`, its module imported now (see the module's docstring).
    Board, Products and Purchases load their data when first shown, as they always did; the
    `first` window's Today reads its lists in a thread, so that the window paints at once."""
    # One import per branch: PyInstaller finds each view by these statements.
    if key == "today":
        from ui.today.view import TodayView

        return TodayView(database, formatter, parent, later=first)
    if key == "contacts":
        from ui.contacts.view import ContactsView

        return ContactsView(database, formatter, parent)
    if key == "orders":
        from ui.orders.view import OrdersView

        return OrdersView(database, formatter, parent)
    if key == "board":
        from ui.board.view import BoardView

        return BoardView(database, formatter, parent, lazy=True)
    if key == "products":
        from ui.products.view import ProductsView

        return ProductsView(database, formatter, parent, lazy=True)
    if key == "purchases":
        from ui.purchases.view import PurchasesView

        return PurchasesView(database, formatter, parent, lazy=True)
    if key == "calendar":
        from ui.calendar.view import CalendarView

        return CalendarView(database, formatter, parent)
    if key == "reports":
        from ui.reports.view import ReportsView

        return ReportsView(database, formatter, parent)  # computed when first shown
    if key == "history":
        from ui.history.view import HistoryView

        return HistoryView(database, formatter, parent)  # read when first shown
    raise KeyError(key)
