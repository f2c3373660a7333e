"""The main window: a sidebar of sections, their toolbar actions, menus and remembered layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from services.storage import Database
from ui import settings as options
from ui.formatting import Formatter


class DemoOffer:
    """First-run question: fill the empty database with a demo business?"""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QMainWindow.tr("Welcome to Lavka"),
            QMainWindow.tr(
                "Your database is empty.\n\n"
                "Would you like to look around with a demo business first (a wholesaler "
                "of wallets with two years of orders)? You can start a clean database later."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


class MainWindow(QMainWindow):
    def __init__(
        self, database: Database, formatter: Formatter, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        from ui.calendar_view import CalendarView
        from ui.contacts_view import ContactsView
        from ui.orders_view import OrdersView
        from ui.products_view import ProductsView

        self.database = database
        self.formatter = formatter
        self.settings = settings or options.user_settings()
        self.setWindowTitle(self.tr("Lavka — %1").replace("%1", database.path.name))
        self.resize(1200, 760)

        self.contacts = ContactsView(database, formatter, self)
        self.orders = OrdersView(database, formatter, self)
        self.products = ProductsView(database, formatter, self, lazy=True)
        self.calendar = CalendarView(database, formatter, self)
        self.sections: list[tuple[str, QWidget]] = [
            (self.tr("Contacts"), self.contacts),
            (self.tr("Orders"), self.orders),
            (self.tr("Products"), self.products),
            (self.tr("Calendar"), self.calendar),
        ]
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.stack = QStackedWidget()
        for title, view in self.sections:
            self.sidebar.addItem(title)
            self.stack.addWidget(view)
            if hasattr(view, "orderActivated"):
                view.orderActivated.connect(self.open_order)
            if hasattr(view, "dataChanged"):
                # the section that wrote has already reloaded itself: refresh the others
                view.dataChanged.connect(lambda v=view: self.refresh_all(skip=v))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.section_bar = QToolBar(self.tr("Section"))
        self.section_bar.setObjectName("section_toolbar")
        self._build_actions()
        self.addToolBar(self.section_bar)
        self.sidebar.currentRowChanged.connect(self.show_section)
        self._restore_layout()
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", str(database.path)))

    # --- actions and menus -------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None, slot) -> QAction:
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
        self.find_action = self._action(self.tr("&Find"), std.Find, self.find)
        self.save_action = self._action(self.tr("&Save"), std.Save, self.save_current)
        self.quit_action = self._action(self.tr("&Quit"), std.Quit, self.close)
        self.about_action = self._action(self.tr("&About Lavka"), None, self.about)
        self.settings_action = self._action(
            self.tr("Se&ttings…"), QKeySequence.StandardKey.Preferences, self.edit_settings
        )

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_order_action, self.new_contact_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.find_action, self.save_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, (title, _view) in enumerate(self.sections):
            action = self._action(title, f"Ctrl+{index + 1}", lambda _=False, i=index: self.go(i))
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def show_section(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        view = self.stack.currentWidget()
        self.section_bar.clear()
        self.section_bar.addActions([self.new_order_action, self.new_contact_action])
        view_actions = view.section_actions() if hasattr(view, "section_actions") else []
        if view_actions:
            self.section_bar.addSeparator()
            self.section_bar.addActions(view_actions)

    def go(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    # --- slots: each reads what it needs and hands over to one view or dialog ----------
    def open_order(self, order_id: int | None = None, contact_id: int | None = None) -> None:
        from ui.order_editor import OrderEditor

        editor = OrderEditor(
            self.database, self.formatter, order_id=order_id, contact_id=contact_id, parent=self
        )
        editor.saved.connect(lambda _id: self.refresh_all())
        editor.open()

    def quick_order(self) -> None:
        """ "A customer just called": a phone finds or creates the contact, then a new order."""
        from ui.quick_capture import QuickCapture

        contact_id = QuickCapture.run(self.database, self)
        if contact_id is not None:
            self.refresh_all()
            self.open_order(contact_id=contact_id)

    def new_contact(self) -> None:
        self.go(self.sections.index((self.tr("Contacts"), self.contacts)))
        self.contacts.new_contact()

    def find(self) -> None:
        view = self.stack.currentWidget()
        if hasattr(view, "focus_search"):
            view.focus_search()

    def save_current(self) -> None:
        view = self.stack.currentWidget()
        if hasattr(view, "save"):
            view.save()

    def edit_settings(self) -> None:
        from services.settings_store import load_business_settings
        from ui.settings_dialog import SettingsDialog

        if SettingsDialog.ask(self.database, self):
            # every section shares this formatter, so a new currency symbol shows at once
            self.formatter.symbol = load_business_settings(self.database).currency_symbol
            self.refresh_all()

    def refresh_all(self, skip: QWidget | None = None) -> None:
        for _title, view in self.sections:
            if view is not skip:
                view.refresh()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Lavka"),
            self.tr("Lavka — a desktop CRM for a one-person business.\n\nDatabase: %1").replace(
                "%1", str(self.database.path)
            ),
        )

    # --- remembered layout ------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = options.WINDOW_GEOMETRY.get(self.settings)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = options.WINDOW_STATE.get(self.settings)
        if not state.isEmpty():
            self.restoreState(state)
        for _title, view in self.sections:
            view.restore_state(self.settings)
        section = options.LAST_SECTION.get(self.settings)
        self.go(section if 0 <= section < len(self.sections) else 1)

    def save_layout(self) -> None:
        options.WINDOW_GEOMETRY.set(self.settings, self.saveGeometry())
        options.WINDOW_STATE.set(self.settings, self.saveState())
        options.LAST_SECTION.set(self.settings, self.stack.currentIndex())
        for _title, view in self.sections:
            view.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
