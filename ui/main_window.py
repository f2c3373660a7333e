"""The main window: a sidebar of sections, their toolbar actions, menus and remembered layout."""

from __future__ import annotations

import datetime as dt
import linecache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from models.roles import OWNER, VIEWER
from services import undoing
from services.errors import LavkaError
from services.history import HistoryEntry, last_entry_id, last_of_run
from services.search import ORDER, PRODUCT
from services.storage import Database, default_database_path
from ui import settings as options
from ui.formatting import Formatter
from ui.messages import error_text, role_name, window_translate
from ui.sections import (
    BOARD,
    CALENDAR,
    CONTACTS,
    HISTORY,
    ORDERS,
    OWNER_SECTIONS,
    PRODUCTS,
    PURCHASES,
    REPORTS,
    SECTION_KEYS,
    TODAY,
    make_view,
    section,
)
from ui.today.alarm import TaskAlarm
from ui.widgets.icons import line_icon
from ui.widgets.tables import text_width

if TYPE_CHECKING:
    from ui.board.view import BoardView
    from ui.calendar.view import CalendarView
    from ui.contacts.view import ContactsView
    from ui.history.view import HistoryView
    from ui.operation import Operation
    from ui.orders.view import OrdersView
    from ui.products.view import ProductsView
    from ui.purchases.view import PurchasesView
    from ui.reports.view import ReportsView
    from ui.search.popup import GlobalSearch
    from ui.server.live import LiveRefresh
    from ui.today.view import TodayView


class DemoOffer:
    """First-run question: fill the empty database with a demo business?"""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("QMainWindow", "Welcome to Lavka"),
            QCoreApplication.translate(
                "QMainWindow",
                "Your database is empty.\n\n"
                "Would you like to look around with a demo business first (a wholesaler "
                "of wallets with two years of orders)? You can start a clean database later.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


ICON_SIZE = 20
FIRST_SIZE = QSize(1200, 760)  # the window before any layout is remembered, if the screen has room
TITLE_BAR = 40  # room left on the screen for the window's title bar and frame
SECTION_ICONS = SECTION_KEYS  # each section's line icon in resources/icons/sections/


class MainWindow(QMainWindow):
    """The sidebar of sections and their views. A section's view is made on its first visit
    (ui/sections.py); until then the stack holds an empty placeholder in its place, and a
    refresh or the saved layout passes it by."""

    # The database file now holds a restored backup: app.py opens a new window on it.
    databaseReplaced = Signal()
    # The window is to be opened on another database (a server's URL) in this one's place.
    databaseSwitched = Signal(str)

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        settings: QSettings | None = None,
        first: bool = False,
    ) -> None:
        """`first`: the window Lavka starts with, which paints before Today's lists are read
        (make bench: "first window painted"); they fill in once read."""
        super().__init__()
        self.database = database
        self.formatter = formatter
        self.first = first
        self.settings = settings or options.user_settings()
        self.due_count = 0
        self.global_search: GlobalSearch | None = None  # made when first asked for
        self.views: dict[int, QWidget] = {}  # the sections made so far, by their index
        # Edit → Undo reaches back to the log's last entry when the window opened: this run's
        self.run_start = last_entry_id(database)
        self._set_title()
        self.resize(self._first_size())

        self.titles = [
            self.tr("Today"),
            self.tr("Contacts"),
            self.tr("Orders"),
            self.tr("Board"),
            self.tr("Products"),
            self.tr("Purchases"),
            self.tr("Calendar"),
            self.tr("Reports"),
            self.tr("History"),
        ]
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.sidebar.setSpacing(2)
        # as wide as the longest title (Russian runs long) with its icon and a count of 999
        widest = text_width(self.sidebar, *(f"{title} (999)" for title in self.titles))
        self.sidebar.setFixedWidth(max(150, widest + ICON_SIZE + 40))
        self.stack = QStackedWidget()
        for title in self.titles:
            self.sidebar.addItem(title)
            self.stack.addWidget(QWidget())  # the section's place, until it is first visited
        # A manager's or a viewer's role on a server (models/roles.py) closes the sections of
        # costs and of the change log to them: not offered at all.
        self.owner = database.role == OWNER
        self.closed_sections = () if self.owner else OWNER_SECTIONS
        for index in self.closed_sections:
            self.sidebar.item(index).setHidden(True)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._set_icons()

        self.section_bar = QToolBar(self.tr("Section"))
        self.section_bar.setObjectName("section_toolbar")
        self._build_actions()
        self.addToolBar(self.section_bar)
        self.sidebar.currentRowChanged.connect(self.show_section)
        self.today.countChanged.connect(self.show_due_count)
        self.show_due_count(self.today.page.due_count if self.today.page else 0)
        self.alarm = TaskAlarm(database, self)
        self.alarm.tasksDue.connect(self.announce)
        self.alarm.dayChanged.connect(self.refresh_all)
        self.alarm.start()
        self.live: LiveRefresh | None = None
        if database.url is not None:  # others' saves on the server: read again
            # imported here: a file's window never loads psycopg
            from ui.server.live import LiveRefresh

            self.live = LiveRefresh(database, self)
            self.live.changed.connect(self.refresh_all)
        self._restore_layout()
        said = self.tr("Database: %1").replace("%1", database.name)
        if not self.owner:
            said = self.tr("%1 (you work in it as: %2)").replace("%1", said, 1)
            said = said.replace("%2", role_name(database.role).lower(), 1)
        self.statusBar().showMessage(said)

    # --- the sections, each made on its first visit ----------------------------------------
    def section_view(self, index: int) -> QWidget:
        """The view of section `index`, made now if this is the first time it is asked for:
        wired to the window and given its remembered layout."""
        view = self.views.get(index)
        if view is not None:
            return view
        view = make_view(SECTION_KEYS[index], self.database, self.formatter, self, self.first)
        # PySide6's import hook reads the source of every module imported after it (looking
        # for its "features"), and linecache keeps all their lines: 27 MB once every section
        # is made (make bench "peak RSS"). Only tracebacks use them, and they read them again.
        linecache.clearcache()
        self.views[index] = view
        if hasattr(view, "orderActivated"):
            view.orderActivated.connect(self.open_order)
        if hasattr(view, "contactActivated"):
            view.contactActivated.connect(self.show_contact)
        if hasattr(view, "productActivated"):
            view.productActivated.connect(self.show_product)
        if hasattr(view, "dataChanged"):
            # the section that wrote has already reloaded itself: refresh the others
            view.dataChanged.connect(lambda v=view: self.refresh_all(skip=v))
        section(view).restore_state(self.settings)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, view)  # the stack's current widget stays current
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return view

    def current_view(self) -> QWidget:
        """The view of the section on screen."""
        return self.section_view(self.stack.currentIndex())

    @property
    def sections(self) -> list[tuple[str, QWidget]]:
        """Every section's title and view, in the sidebar's order: each view is made if it was
        not yet (the window itself goes through `views`, the ones made so far)."""
        return [(title, self.section_view(i)) for i, title in enumerate(self.titles)]

    @property
    def today(self) -> TodayView:
        return cast("TodayView", self.section_view(TODAY))

    @property
    def contacts(self) -> ContactsView:
        return cast("ContactsView", self.section_view(CONTACTS))

    @property
    def orders(self) -> OrdersView:
        return cast("OrdersView", self.section_view(ORDERS))

    @property
    def board(self) -> BoardView:
        return cast("BoardView", self.section_view(BOARD))

    @property
    def products(self) -> ProductsView:
        return cast("ProductsView", self.section_view(PRODUCTS))

    @property
    def purchases(self) -> PurchasesView:
        return cast("PurchasesView", self.section_view(PURCHASES))

    @property
    def calendar(self) -> CalendarView:
        return cast("CalendarView", self.section_view(CALENDAR))

    @property
    def reports(self) -> ReportsView:
        return cast("ReportsView", self.section_view(REPORTS))

    @property
    def history(self) -> HistoryView:
        return cast("HistoryView", self.section_view(HISTORY))

    # --- actions and menus -------------------------------------------------------------
    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work whichever section has the focus
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_order_action = self._action(self.tr("&New order…"), "Ctrl+N", self.quick_order)
        self.new_contact_action = self._action(
            self.tr("New &contact"), "Ctrl+Shift+N", self.new_contact
        )
        self.new_task_action = self._action(self.tr("New &task…"), "Ctrl+T", self.new_task)
        self.find_action = self._action(self.tr("&Find"), std.Find, self.focus_search)
        self.search_action = self._action(
            self.tr("Search &everything…"), "Ctrl+K", self.search_everything
        )
        self.save_action = self._action(self.tr("&Save"), std.Save, self.save_current)
        self.quit_action = self._action(self.tr("&Quit"), std.Quit, self.close)
        self.about_action = self._action(self.tr("&About Lavka"), None, self.about)
        self.settings_action = self._action(
            self.tr("Se&ttings…"), QKeySequence.StandardKey.Preferences, self.edit_settings
        )
        self.undo_action = self._action(self.tr("Undo"), std.Undo, self.undo)
        self.redo_action = self._action(self.tr("Redo"), None, self.redo)
        # Ctrl+Shift+Z everywhere, and Ctrl+Y as Windows and office programs have it
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

        self.export_action = self._action(self.tr("&Export…"), "Ctrl+E", self.export_view)
        export_menu = QMenu(self)
        export_menu.addAction(
            self.tr("Excel workbook (XLSX)…"), lambda: self.export_view(prefer="xlsx")
        )
        export_menu.addAction(self.tr("CSV…"), lambda: self.export_view(prefer="csv"))
        self.export_action.setMenu(export_menu)
        self.export_all_action = self._action(
            self.tr("Export &all data…"), None, self.export_everything
        )

        self.import_action = self._action(self.tr("&Import…"), "Ctrl+I", self.import_file)
        self.backup_action = self._action(self.tr("&Back up…"), "Ctrl+B", self.back_up)
        self.restore_action = self._action(
            self.tr("&Restore from backup…"), None, self.restore_from_backup
        )

        self.open_server_action = self._action(
            self.tr("Open a &server's database…"), None, self.open_server
        )
        self.move_action = self._action(self.tr("&Move to a server…"), None, self.move_to_server)
        if self.database.path is None:  # a server's database: its server backs it up
            for action in (self.backup_action, self.restore_action, self.move_action):
                action.setEnabled(False)
            self.backup_action.setToolTip(self.tr("The server's database is backed up on it."))
        if not self.owner:  # what reads costs or changes what all share: the owner's
            for action in (self.import_action, self.export_all_action, self.settings_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("Only the database's owner may do this."))
        if self.database.role == VIEWER:  # reads, and adds nothing
            for action in (self.new_order_action, self.new_contact_action, self.new_task_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("A viewer reads the database and changes nothing."))

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_order_action, self.new_contact_action, self.new_task_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action, self.export_all_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.open_server_action, self.move_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.search_action, self.save_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, title in enumerate(self.titles):
            action = self._action(title, f"Ctrl+{index + 1}", lambda _=False, i=index: self.go(i))
            action.setVisible(index not in self.closed_sections)
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        edit_menu.aboutToShow.connect(self.update_undo_actions)
        self.update_undo_actions()

    def show_section(self, index: int) -> None:
        view = self.section_view(index)  # made on the first visit
        self.stack.setCurrentIndex(index)
        # removed one by one: QToolBar.clear() deletes the actions of a section's menus (the
        # Orders' "Set status"), which the section still uses
        for action in self.section_bar.actions():
            self.section_bar.removeAction(action)
            if action.isSeparator() and action.parent() is self.section_bar:
                action.deleteLater()  # the bar's own separators, made anew each time
        self.section_bar.addActions(
            [self.new_order_action, self.new_contact_action, self.new_task_action]
        )
        self.section_bar.addAction(self.search_action)
        view_actions = view.section_actions() if hasattr(view, "section_actions") else []
        if view_actions:
            self.section_bar.addSeparator()
            self.section_bar.addActions(view_actions)
        self.section_bar.addSeparator()
        if hasattr(view, "export_table"):  # a grid to export (Reports export their own way)
            self.section_bar.addAction(self.export_action)
        self.section_bar.addAction(self.backup_action)

    def go(self, index: int) -> None:
        if index not in self.closed_sections:
            self.sidebar.setCurrentRow(index)

    # --- slots: each reads what it needs and hands over to one view or dialog ----------
    def open_order(self, order_id: int | None = None, contact_id: int | None = None) -> None:
        from ui.orders.editor import OrderEditor

        editor = OrderEditor(
            self.database, self.formatter, order_id=order_id, contact_id=contact_id, parent=self
        )
        editor.saved.connect(lambda _id: self.refresh_all())
        editor.deleted.connect(lambda _id: self.refresh_all())
        editor.taskAdded.connect(lambda _id: self.refresh_all())
        # payments are written as they are recorded, not on Save
        editor.paymentsChanged.connect(lambda _id: self.refresh_all())
        editor.open()

    def quick_order(self) -> None:
        """ "A customer just called": a phone finds or creates the contact, then a new order."""
        from ui.contacts.dialogs import QuickCapture

        contact_id = QuickCapture.run(self.database, self)
        if contact_id is not None:
            self.refresh_all()
            self.open_order(contact_id=contact_id)

    def new_contact(self) -> None:
        self.go(CONTACTS)
        self.contacts.new_contact()

    def new_task(self) -> bool:
        """Ctrl+T: a task about the contact on screen, or for the day chosen in the calendar."""
        shown = self.stack.currentIndex()  # the sections not made yet are not asked
        prefill: dict[str, Any] = {}
        if shown == CONTACTS and self.contacts.current_contact_id() is not None:
            prefill["contact_id"] = self.contacts.current_contact_id()
        elif shown == CALENDAR and self.calendar.selected_day() is not None:
            prefill["due"] = self.calendar.selected_day()
        return self.today.new_task(**prefill)

    def show_contact(self, contact_id: int) -> None:
        """A customer's card, from Today or a report's top list."""
        self.go(CONTACTS)
        self.contacts.select_contact(contact_id)

    def show_product(self, product_id: int) -> None:
        self.go(PRODUCTS)
        self.products.select_product(product_id)

    def search_everything(self) -> GlobalSearch:
        """Ctrl+K: one field over contacts, companies, orders and products; Enter opens."""
        from ui.search.popup import GlobalSearch

        if self.global_search is None:
            self.global_search = GlobalSearch(self.database, self.formatter, self)
            self.global_search.hitChosen.connect(self.open_hit)
        self.global_search.popup()
        return self.global_search

    def open_hit(self, kind: str, hit_id: int) -> None:
        """A hit of the global search: an order in its editor, as a double-click in the grid
        opens it; a contact or company on its card; a product in the Products section."""
        if kind == ORDER:
            self.open_order(order_id=hit_id)
        elif kind == PRODUCT:
            self.show_product(hit_id)
        else:
            self.show_contact(hit_id)

    def show_due_count(self, count: int) -> None:
        """The count of things due, on Today's place in the sidebar and in the title."""
        self.due_count = count
        title = self.titles[TODAY]
        self.sidebar.item(TODAY).setText(f"{title} ({count})" if count else title)
        self._set_title()

    def announce(self, tasks: list) -> None:
        """A task fell due while Lavka runs: a desktop notification, and Today again."""
        from ui.today.alarm import Notifier

        if len(tasks) == 1:
            text = tasks[0].title
        else:
            text = self.tr("%n task(s) are due now", "", len(tasks))
        Notifier.show(self, self.tr("Lavka: a task is due"), text)
        self.today.refresh()

    def focus_search(self) -> None:
        """Edit → Find: the search field of the section on screen, if it has one."""
        view = self.current_view()
        if hasattr(view, "focus_search"):
            view.focus_search()

    def save_current(self) -> None:
        view = self.current_view()
        if hasattr(view, "save"):
            view.save()

    def edit_settings(self) -> None:
        from services.settings_store import load_business_settings
        from ui.settings_dialog.dialog import SettingsDialog

        if SettingsDialog.ask(self.database, self, self.formatter):
            # every section shares this formatter, so a new currency symbol shows at once
            self.formatter.symbol = load_business_settings(self.database).currency_symbol
            self.refresh_all()

    def export_view(self, _checked: bool = False, prefer: str | None = None) -> Operation | None:
        """The grid on screen, as filtered and sorted, to XLSX or CSV."""
        from ui.exchange.export import export_grid

        view = self.current_view()
        if not hasattr(view, "export_table"):
            return None
        table = view.export_table()
        return export_grid(self, table, self.formatter.symbol, self.settings, prefer)

    def export_everything(self) -> Operation | None:
        """File → Export all data: the exchange format of the whole database."""
        from ui.exchange.export import export_database

        today = dt.date.today()
        return export_database(self, self.database, self.formatter.symbol, self.settings, today)

    def import_file(self) -> bool:
        """A sales log or an export into this database, after a preview; True if imported."""
        from PySide6.QtCore import QTimer

        from ui.backup import Notice
        from ui.exchange.import_dialog import ImportDialog, OpenFile

        path = OpenFile.ask(self, self.settings)
        if path is None:
            return False
        dialog = ImportDialog(self.database, path, self.settings, self, self.formatter)
        QTimer.singleShot(0, dialog.start)  # read and check once the dialog is on screen
        if dialog.exec() != ImportDialog.DialogCode.Accepted or dialog.outcome is None:
            return False
        self.refresh_all()
        Notice.inform(self, self.import_done_text(dialog.outcome))
        return True

    def import_done_text(self, outcome) -> str:
        result = outcome.result
        text = (
            self.tr(
                "Imported %1 new orders and updated %5, with %2 lines; %3 new contacts, "
                "%4 new products."
            )
            .replace("%1", str(result.orders))
            .replace("%2", str(result.lines))
            .replace("%3", str(result.contacts_created))
            .replace("%4", str(result.products_created))
            .replace("%5", str(result.updated))
        )
        if result.unchanged:
            text += "\n" + self.tr("%1 orders were already here, unchanged.").replace(
                "%1", str(result.unchanged)
            )
        if result.conflicts_kept:
            text += "\n" + self.tr(
                "%1 orders changed here and in the file kept Lavka's version."
            ).replace("%1", str(result.conflicts_kept))
        if outcome.backup is not None:
            text += "\n" + self.tr("The data as it was before is saved as\n%1").replace(
                "%1", str(outcome.backup.path)
            )
        for path in outcome.rejected_files:
            text += "\n" + self.tr("Skipped rows are in %1").replace("%1", str(path))
        if outcome.rejected_error is not None:
            text += "\n" + error_text(outcome.rejected_error)
        return text

    def back_up(self) -> Operation | None:
        """A verified copy on a USB stick (or any folder), keeping the newest N there."""
        from services.backup import backup_to
        from ui.backup import BackupTargetDialog, Notice, backup_written_text
        from ui.operation import Operation

        chosen = BackupTargetDialog.ask(self.settings, self)
        if chosen is None:
            return None
        folder, keep = chosen
        source = self.database.path
        if source is None:  # a server's database: backed up by its server (README)
            return None

        def work(progress):
            _make_backup_folder(folder)
            return backup_to(source, folder, keep, progress=progress)

        def done(info) -> None:
            Notice.inform(self, backup_written_text(info))

        label = self.tr("Backing up to %1…").replace("%1", str(folder))
        return Operation(self, label, work, done).start()

    def restore_from_backup(self) -> Operation | None:
        """Replace all data with a backup, after verifying it and saving today's data aside."""
        from services.restore import restore_backup, safety_folder
        from ui.backup import Notice, RestoreDialog, backup_folders, when_text
        from ui.operation import Operation

        path = self.database.path
        if path is None:  # a server's database: restored by its server (README)
            return None
        chosen = RestoreDialog.ask(backup_folders(path, self.settings), self)
        if chosen is None:
            return None
        question = self.tr(
            "Replace all data in Lavka with the backup\n%1?\n\nThe data as it is now is saved "
            "as a backup first, so this can be undone."
        ).replace("%1", str(chosen))
        if not Notice.confirm(self, question):
            return None
        safety = safety_folder(path)
        # From here this window cannot read or write the file; whatever happens, a new window
        # opens on it afterwards (the restored data, or the data as it was if this failed).
        self.database.close()

        def done(result) -> None:
            text = self.tr("Restored the backup taken %1.").replace(
                "%1", when_text(result.restored)
            )
            if result.saved_current is not None:
                text += "\n" + self.tr("The data as it was before is saved as\n%1").replace(
                    "%1", str(result.saved_current.path)
                )
            Notice.inform(self, text)

        def work(progress):
            return restore_backup(chosen, path, safety, progress)

        operation = Operation(self, self.tr("Restoring…"), work, done)
        operation.done.connect(lambda _result: self.databaseReplaced.emit())
        return operation.start()

    def open_server(self) -> None:
        """Work on a server's database (PostgreSQL) in this window's place."""
        from ui.server import ask_server

        url = ask_server(self)
        if url is not None:
            self.databaseSwitched.emit(url)

    def move_to_server(self) -> Operation | None:
        """Copy this file's data into an empty server database, then offer to work there."""
        from ui.server import move_to_server

        path = self.database.path
        if path is None:
            return None
        return move_to_server(self, path, self.formatter, self.databaseSwitched.emit)

    def _set_icons(self) -> None:
        """The sections' line icons, in this palette's text colours (again after a switch
        between light and dark)."""
        palette = self.palette()  # the window's: its children learn of a change after it
        for row, name in enumerate(SECTION_ICONS):
            self.sidebar.item(row).setIcon(line_icon(f"sections/{name}", palette, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "sidebar"):
            self._set_icons()

    def _first_size(self) -> QSize:
        """FIRST_SIZE, made smaller on a small screen (1280×720 and its task bar)."""
        screen = self.screen()
        if screen is None:
            return FIRST_SIZE
        room = screen.availableGeometry().size() - QSize(0, TITLE_BAR)
        return FIRST_SIZE.boundedTo(room)

    def _set_title(self) -> None:
        title = self.tr("Lavka — %1").replace("%1", self.database.title)
        if self.due_count:
            title += " — " + self.tr("%n due today", "", self.due_count)
        self.setWindowTitle(title)

    def refresh_all(self, skip: QWidget | None = None) -> None:
        """Every section made so far reads its data again (but `skip`); the others read theirs
        when they are made."""
        for view in list(self.views.values()):
            if view is not skip:
                section(view).refresh()
        self.update_undo_actions()

    # --- undo and redo ------------------------------------------------------------------
    def undo_candidates(self) -> tuple[HistoryEntry | None, HistoryEntry | None]:
        """What Edit → Undo and Edit → Redo would reverse now, among this run's changes."""
        return last_of_run(self.database, self.run_start)

    def update_undo_actions(self) -> None:
        """ "Undo: Order No. 5: move shipment to 03.12.2026", or a plain "Undo" greyed."""
        # Undo plays the change log back, which only the owner reads in full.
        undo, redo = self.undo_candidates() if self.owner else (None, None)
        for action, entry, named, plain in (
            (self.undo_action, undo, self.tr("Undo: %1"), self.tr("Undo")),
            (self.redo_action, redo, self.tr("Redo: %1"), self.tr("Redo")),
        ):
            action.setEnabled(entry is not None)
            if entry is None:
                action.setText(plain)
            else:
                # an ampersand in a name is a letter, not the menu's shortcut mark
                name = entry.action_name(window_translate).replace("&", "&&")
                action.setText(named.replace("%1", name))

    def undo(self) -> bool:
        """Edit → Undo: the newest change of this run still in effect, reversed."""
        undo, _redo = self.undo_candidates()
        return self._reverse(undo, self.tr("Undone: %1"))

    def redo(self) -> bool:
        """Edit → Redo: the newest undo of this run reversed, while no new change came after."""
        _undo, redo = self.undo_candidates()
        return self._reverse(redo, self.tr("Redone: %1"))

    def _reverse(self, entry: HistoryEntry | None, said: str) -> bool:
        from ui.history.refusal import UndoRefusal
        from ui.orders.editor import OrderEditor

        if entry is None:
            self.update_undo_actions()
            return False
        try:
            undoing.undo(self.database, entry.id)
        except LavkaError as error:
            UndoRefusal.say(self, error)
            self.update_undo_actions()
            return False
        self.refresh_all()
        for editor in self.findChildren(OrderEditor):
            if editor.isVisible():
                editor.refresh_history()
        name = entry.action_name(window_translate)
        self.statusBar().showMessage(said.replace("%1", name), 10_000)
        return True

    def about(self) -> None:
        from ui.about import AboutDialog

        path = self.database.path
        if path is not None:
            AboutDialog(path, self).exec()
        else:
            AboutDialog(default_database_path().parent, self, shown=self.database.name).exec()

    # --- remembered layout ------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = options.WINDOW_GEOMETRY.get(self.settings)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = options.WINDOW_STATE.get(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        self.go(TODAY)  # every start opens on Today: what to do now

    def save_layout(self) -> None:
        options.WINDOW_GEOMETRY.set(self.settings, self.saveGeometry())
        options.WINDOW_STATE.set(self.settings, self.saveState())
        for view in self.views.values():  # a section never made keeps what it had
            section(view).save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self.live is not None:
            self.live.close()
        super().closeEvent(event)


def _make_backup_folder(folder: Path) -> None:
    """The "Lavka backups" folder on a drive that is connected; a missing drive stays an
    error, said by backup_to."""
    from services.errors import BackupError
    from services.files import make_folder
    from ui.backup import FOLDER_NAME

    if folder.name == FOLDER_NAME and folder.parent.is_dir() and not folder.exists():
        make_folder(folder, BackupError)  # a refusal said by its reason ("files.folder.…")
