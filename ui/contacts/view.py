"""The Contacts section: search as you type, the contact card, its figures and its orders."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.roles import OWNER
from services import choices
from services.contacts import (
    ContactInput,
    ContactView,
    EmailEntry,
    PhoneEntry,
    contact_exists,
    create_contact,
    delete_contact,
    get_contact,
    list_companies,
    set_archived,
    update_contact,
)
from services.errors import DuplicatePhone, EditConflict, LavkaError, NotFound, ValidationError
from services.figures import contact_figures
from services.history import HistoryFilter
from services.lifecycle import SEGMENTS
from services.order_list import OrderFilter, OrderQuery, list_orders
from services.payments import TERMS_MAX, ContactDebt, contact_debt
from services.phones import normalize_phone
from services.segments import ContactSegment, contact_list, contact_segment
from services.storage import Database
from services.tables import Table
from ui.contacts.activity import ContactActivity
from ui.contacts.conflict import TypedNames, card_conflict_rows
from ui.contacts.entries import EntryRows
from ui.contacts.models import ContactListModel, ContactOrdersModel, PeopleModel
from ui.documents.menu import DocumentsMenu, OrderDocuments
from ui.formatting import EMPTY, Formatter
from ui.history.grid import HistoryList
from ui.merge import DuplicatesDialog, MergeDialog
from ui.messages import error_text, problem_text, segment_name
from ui.orders.payment_dialog import PaymentDialog
from ui.tags import TagEditor, TagFilter
from ui.today.task_dialog import TaskDialog
from ui.widgets.confirm import Confirm
from ui.widgets.conflict import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from ui.widgets.fields import error_label, with_error
from ui.widgets.icons import line_icon
from ui.widgets.style import NEGATIVE, RIGHT
from ui.widgets.tables import (
    MONEY_SAMPLE,
    PHONE_SAMPLE,
    closed_columns,
    fit_columns,
    hide_columns,
    read_only_rows,
    stretch_column,
)

_SEARCH_DELAY_MS = 150  # a pause in typing, so every keystroke does not query
_LIMIT = 500  # contacts listed for one search; a longer list means: type more


def side_by_side(
    first: QWidget, caption: str, second: QWidget, stretches: tuple[int, int] = (2, 1)
) -> QWidget:
    """Two fields on one row of the card, the second with its caption: the orders below keep
    their room on a small screen."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, stretches[0])
    layout.addSpacing(12)
    label = QLabel(caption)
    label.setAlignment(Qt.AlignmentFlag.AlignTop)  # level with the field's first line
    label.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(label)
    layout.addWidget(second, stretches[1])
    return row


class ContactsView(QWidget):
    """A search list beside the card of the chosen contact (or of a new one)."""

    orderActivated = Signal(int)
    dataChanged = Signal()

    FIGURES: ClassVar[tuple[str, ...]] = (
        "orders", "revenue", "profit", "margin", "average_check",
        "first_purchase", "last_purchase", "planned_revenue",
    )  # fmt: skip

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        self._contact_id: int | None = None
        # The card's version as shown: a save from it is refused when someone else has saved
        # the card since (services/contacts.py update_contact).
        self._version: int | None = None
        self._archived = False
        self.splitter = QSplitter()
        self.splitter.addWidget(self._build_search())
        self.splitter.addWidget(self._build_card())
        self.splitter.setStretchFactor(1, 1)
        # room for a name beside the phone and the segment, until the person drags it
        self.splitter.setSizes([480, 920])
        QVBoxLayout(self).addWidget(self.splitter)
        self.save_action = QAction(self.tr("Save contact"), self)
        self.archive_action = QAction(self.tr("Archive"), self)
        self.delete_action = QAction(self.tr("Delete contact…"), self)
        self.merge_action = QAction(self.tr("Merge the two chosen…"), self)
        self.merge_action.setToolTip(
            self.tr("Choose two contacts (or two companies) in the list with Ctrl, then merge")
        )
        self.duplicates_action = QAction(self.tr("Possible duplicates…"), self)
        # merging, finding duplicates and deleting: one drop-down on the toolbar
        self.tidy_action = QAction(self.tr("Tidy up"), self)
        self.tidy_action.setToolTip(self.tr("Merge duplicates, find them, delete a card"))
        self.tidy_action.setMenu(self.list_menu())
        self._connect()
        self._load_channels()
        self.new_contact()
        self.apply_search()

    def _build_search(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or phone"))
        self.search.setClearButtonEnabled(True)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("People and companies"), None)
        self.kind_filter.addItem(self.tr("People"), "person")
        self.kind_filter.addItem(self.tr("Companies"), "company")
        self.tag_filter = TagFilter(self._database)
        self.segment_filter = QComboBox()
        self.segment_filter.addItem(self.tr("All segments"), None)
        for code in SEGMENTS:
            self.segment_filter.addItem(segment_name(code), code)
        self.list_model = ContactListModel(self._formatter, self)
        self.list_model.set_company_icon(line_icon("kinds/company", self.palette(), 16))
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self._table_style(self.list_view)
        # two chosen with Ctrl or Shift are merged (Tidy up ▸ Merge)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.list_view.horizontalHeader()
        # the phone and the segment whole (and their headers, in any language); the name
        # takes the room left
        segments = max((segment_name(code) for code in SEGMENTS), key=len)
        fit_columns(self.list_view, {1: PHONE_SAMPLE, 2: segments}, stretch=0)
        # a click on a column sorts the whole list in SQL, not just the rows shown
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SEARCH_DELAY_MS)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.segment_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        more_filters = QHBoxLayout()  # on a row of their own: the list stays narrow
        more_filters.addWidget(self.tag_filter)
        more_filters.addStretch(1)
        more_filters.addWidget(self.show_archived)
        left_layout.addLayout(filters)
        left_layout.addLayout(more_filters)
        left_layout.addWidget(self.list_view, 1)
        return left

    def _build_card(self) -> QWidget:
        self.name = QLineEdit()
        self.phones = EntryRows(PHONE_SAMPLE, self.tr("Add a phone"))
        self.emails = EntryRows("name@example.com", self.tr("Add an e-mail"))
        # the main phone and e-mail: the first rows
        self.phone, self.email = self.phones.edit(0), self.emails.edit(0)
        self.company = QComboBox()  # the company a person works at
        self.company.setEditable(True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.company.completer()
        assert completer is not None  # an editable combo box makes its own
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.job_title, self.legal_name, self.tax_id = QLineEdit(), QLineEdit(), QLineEdit()
        self.tax_id.setMaxLength(20)
        self.address, self.notes = QPlainTextEdit(), QPlainTextEdit()
        for edit, lines in ((self.address, 2), (self.notes, 2)):
            edit.setTabChangesFocus(True)
            # a few lines: the orders and the activity below keep their room on a small screen
            height = edit.fontMetrics().lineSpacing() * lines
            edit.setMaximumHeight(height + 2 * edit.frameWidth() + 8)
        self.channel = QComboBox()
        self.terms = QSpinBox()
        self.terms.setRange(0, TERMS_MAX)
        self.terms.setToolTip(self.tr("Days after an order's date its payment is due"))
        fields = (
            "name", "phone", "email", "channel", "payment_terms", "company", "legal_name",
            "tax_id", "kind", "tags",
        )  # fmt: skip
        self.errors = {f: error_label() for f in fields}
        # the further phones' and e-mails' problems are said with the main one's
        self.errors["phones"], self.errors["emails"] = self.errors["phone"], self.errors["email"]
        self.errors["job_title"] = self.errors["company"]
        self.general_error = error_label()
        self.duplicate_link = QLabel()
        self.duplicate_link.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.duplicate_link.hide()
        phone_box = with_error(self.phones, self.errors["phone"], self.duplicate_link)
        self.form = form = QFormLayout()
        self.name_caption = QLabel(self.tr("Name:"))
        # the tags beside the name: the orders below keep their room on a small screen
        self.tags = TagEditor(self._database)
        name_box = side_by_side(
            with_error(self.name, self.errors["name"], self.errors["kind"]),
            self.tr("Tags:"),
            with_error(self.tags, self.errors["tags"]),
            (3, 2),
        )
        form.addRow(self.name_caption, name_box)
        self.company_row = side_by_side(self.company, self.tr("Job title:"), self.job_title)
        # the form's rows shown for a person only, or for a company only (_apply_kind)
        self.company_box = with_error(self.company_row, self.errors["company"])
        form.addRow(self.tr("Company:"), self.company_box)
        self.legal_row = side_by_side(self.legal_name, self.tr("INN:"), self.tax_id, (3, 1))
        self.legal_box = with_error(
            self.legal_row, self.errors["legal_name"], self.errors["tax_id"]
        )
        form.addRow(self.tr("Legal name:"), self.legal_box)
        form.addRow(self.tr("Phones:"), phone_box)
        form.addRow(self.tr("E-mails:"), with_error(self.emails, self.errors["email"]))
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Notes:"), self.notes)
        # the channel and the payment terms share a row: the orders below keep their room
        channel_row = QHBoxLayout()
        channel_row.setContentsMargins(0, 0, 0, 0)
        channel_row.addWidget(self.channel, 1)
        channel_row.addSpacing(12)
        channel_row.addWidget(QLabel(self.tr("Payment terms, days:")))
        channel_row.addWidget(self.terms)
        channel_box = QWidget()
        channel_box.setLayout(channel_row)
        form.addRow(
            self.tr("Channel:"),
            with_error(channel_box, self.errors["channel"], self.errors["payment_terms"]),
        )

        self.save_button = QPushButton(self.tr("Save"))
        self.new_button = QPushButton(self.tr("New contact"))
        self.new_company_button = QPushButton(self.tr("New company"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.task_button = QPushButton(self.tr("New task…"))
        buttons = QHBoxLayout()
        for button in (
            self.save_button, self.new_button, self.new_company_button, self.archive_button
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.task_button)
        self.lifecycle = QLabel()
        self.lifecycle.setWordWrap(True)
        self.debt = QLabel()  # what the customer owes, when they do
        self.debt.setWordWrap(True)
        self.debt.hide()

        captions = (
            self.tr("Orders:"), self.tr("Revenue:"), self.tr("Profit:"), self.tr("Margin:"),
            self.tr("Average check:"), self.tr("First purchase:"), self.tr("Last purchase:"),
            self.tr("Planned revenue:"),
        )  # fmt: skip
        self.figure_labels = {key: QLabel(EMPTY) for key in self.FIGURES}
        figures_box = QGroupBox(self.tr("Figures"))
        value_width = self.fontMetrics().horizontalAdvance(MONEY_SAMPLE)
        grid = QGridLayout(figures_box)  # two columns of four: the orders table keeps room
        # a manager or viewer on a server reads no cost (models/roles.py): nor its figures
        owner = self._database.role == OWNER
        for i, (key, caption) in enumerate(zip(self.FIGURES, captions, strict=True)):
            self.figure_labels[key].setAlignment(RIGHT)
            self.figure_labels[key].setMinimumWidth(value_width)  # columns stay put
            named = QLabel(caption)
            grid.addWidget(named, i % 4, (i // 4) * 3)
            grid.addWidget(self.figure_labels[key], i % 4, (i // 4) * 3 + 1)
            for label in (named, self.figure_labels[key]):
                label.setVisible(owner or key not in ("profit", "margin"))
        grid.setColumnMinimumWidth(2, 24)
        grid.setColumnStretch(5, 1)
        # rows close together: the line of what the customer owes fits a 720-pixel screen
        grid.setVerticalSpacing(2)

        self.orders_model = ContactOrdersModel(self._formatter, self)
        self.orders_view = QTableView()
        self.orders_view.setModel(self.orders_model)
        self._table_style(self.orders_view)
        orders = ContactOrdersModel
        fit_columns(
            self.orders_view,
            {orders.NUMBER: "000 000", orders.DATE: "00.00.0000", orders.STATUS: 100,
             orders.AMOUNT: MONEY_SAMPLE, orders.PROFIT: MONEY_SAMPLE, orders.MARGIN: "-100,0 %"},
            stretch=orders.STATUS,
        )  # fmt: skip
        hide_columns(
            self.orders_view, closed_columns(self._database, (orders.PROFIT, orders.MARGIN))
        )
        self.orders_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.open_order_action = QAction(self.tr("Open order"), self)
        self.payment_action = QAction(self.tr("Payment received…"), self)
        # the chosen order's invoice, delivery note or receipt
        self.documents = OrderDocuments(
            self._database, self._formatter, self, self.current_order_id, today=self.today
        )
        self.documents_menu = DocumentsMenu(self.documents, self)
        self.payment_button = QPushButton(self.tr("Payment received…"))
        self.payment_button.setToolTip(self.tr("Record money received for the chosen order"))
        self.activity = ContactActivity(self._database, self._formatter, self._today)
        self.people_model = PeopleModel(self._formatter, self)
        self.people_view = QTableView()
        self.people_view.setModel(self.people_model)
        self._table_style(self.people_view)
        people = PeopleModel
        fit_columns(
            self.people_view,
            {people.JOB_TITLE: 120, people.PHONE: PHONE_SAMPLE, people.EMAIL: 160},
            stretch=people.NAME,
        )
        self.add_person_button = QPushButton(self.tr("Add a person…"))
        self.add_person_button.setToolTip(self.tr("A new contact person at this company"))
        self.people_tab = QWidget()
        people_layout = QVBoxLayout(self.people_tab)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.people_view, 1)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(self.add_person_button)
        people_buttons.addStretch(1)
        people_layout.addLayout(people_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.orders_view, self.tr("Orders"))
        self.tabs.addTab(self.activity, self.tr("Activity"))
        self.tabs.addTab(self.people_tab, self.tr("People"))
        # what was changed on the card and its orders, newest first (read when the tab shows)
        self.history = HistoryList(self._database, self._formatter)
        if owner:  # the change log's values are the owner's (ui/sections.py OWNER_SECTIONS)
            self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.setCornerWidget(self.payment_button, Qt.Corner.TopRightCorner)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.general_error)
        about = QVBoxLayout()  # the segment and, when they owe, the debt: read as one
        about.setSpacing(0)
        about.addWidget(self.lifecycle)
        about.addWidget(self.debt)
        right_layout.addLayout(about)
        right_layout.addWidget(figures_box)
        right_layout.addWidget(self.tabs, 1)
        return right

    def _connect(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.apply_search)
        self.show_archived.toggled.connect(self.apply_search)
        self.segment_filter.currentIndexChanged.connect(self.apply_search)
        self.kind_filter.currentIndexChanged.connect(self.apply_search)
        self.tag_filter.changed.connect(self.apply_search)
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(self.apply_search)
        self.task_button.clicked.connect(self.new_task)
        self.activity.orderActivated.connect(self.orderActivated)
        self.activity.noteAdded.connect(self.dataChanged)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.phones.editingFinished.connect(self.check_phone)
        self.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        self.new_button.clicked.connect(self.new_contact)
        self.new_company_button.clicked.connect(self.new_company)
        self.add_person_button.clicked.connect(self.new_person_at_company)
        self.people_view.doubleClicked.connect(self._person_activated)
        self.delete_action.triggered.connect(self.delete_contact)
        self.merge_action.triggered.connect(self.merge_chosen)
        self.duplicates_action.triggered.connect(self.review_duplicates)
        self.list_view.selectionModel().selectionChanged.connect(self._update_merge)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._show_list_menu)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.archive_action.triggered.connect(self.toggle_archived)
        self.duplicate_link.linkActivated.connect(self.open_link)
        self.orders_view.doubleClicked.connect(self._order_double_clicked)
        self.orders_view.customContextMenuRequested.connect(self._show_orders_menu)
        self.orders_view.selectionModel().currentRowChanged.connect(self._update_payment)
        self.orders_model.modelReset.connect(self._update_payment)
        self.tabs.currentChanged.connect(self._update_payment)
        self.open_order_action.triggered.connect(
            lambda: self._order_double_clicked(self.orders_view.currentIndex())
        )
        self.payment_action.triggered.connect(self.record_payment)
        self.payment_button.clicked.connect(self.record_payment)

    # --- public API ---------------------------------------------------------------------
    def section_actions(self) -> list[QAction]:
        return [self.save_action, self.archive_action, self.tidy_action]

    def export_table(self) -> Table:
        """Every contact the search finds: the list shows the first _LIMIT, the file has all."""
        from ui.exchange.export import as_shown

        database, query = self._database, self._list_query()
        model = self.list_model

        def rows():
            for contact in contact_list(database, **query, limit=None, with_tags=True):
                yield model.export_row(contact)

        table = self.list_model.export_table(rows)
        return as_shown(table, self.list_view.horizontalHeader())

    def current_contact_id(self) -> int | None:
        return self._contact_id

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        """Reload the list, the channels, the figures and orders; typed edits are kept."""
        self._load_channels()
        self.tags.refresh()
        if not self.tag_filter.reload():  # a tag deleted in Settings re-runs the search itself
            self.apply_search()
        if self._contact_id is not None:
            self._load_activity()

    def apply_search(self) -> None:
        self._timer.stop()
        rows = contact_list(self._database, **self._list_query(), limit=_LIMIT)
        self.list_model.set_rows(rows)
        self._mark_current_row()
        self._update_merge()

    def new_task(self) -> bool:
        """A task about the contact on the card (due today unless changed)."""
        if self._contact_id is None:
            return False
        task = TaskDialog.ask(
            self._database, self._formatter, self, contact_id=self._contact_id, due=self.today()
        )
        if task is None:
            return False
        self._load_activity()
        self.dataChanged.emit()
        return True

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def select_contact(self, contact_id: int) -> None:
        """Show this contact's card, and mark it in the list when the list holds it."""
        try:
            contact = get_contact(self._database, contact_id)
        except NotFound as error:
            self._show_general(error_text(error))
            return
        self._show_card(contact)
        self._mark_current_row()

    def new_contact(self, kind: str = "person", company_id: int | None = None) -> None:
        """An empty card of a person (or a company); Save creates it."""
        self._contact_id, self._archived, self._version = None, False, None
        self.name.clear()
        for edit in (self.job_title, self.legal_name, self.tax_id):
            edit.clear()
        self.phones.set_entries([])
        self.emails.set_entries([])
        self.tags.set_tags([])
        self._load_companies(company_id)
        self._apply_kind(kind)
        self.people_model.set_rows([])
        self.address.clear()
        self.notes.clear()
        self.channel.setCurrentIndex(0)
        self.terms.setValue(0)
        self._clear_errors()
        self._update_archive_text()
        for label in self.figure_labels.values():
            label.setText(EMPTY)
        self.orders_model.set_rows([])
        self.activity.show_contact(None)
        self.history.set_filter(None)
        self.lifecycle.clear()
        self.debt.clear()
        self.debt.hide()
        self.task_button.setEnabled(False)
        self.list_view.selectionModel().clear()
        self.name.setFocus()

    def new_company(self) -> None:
        self.new_contact("company")

    def new_person_at_company(self) -> None:
        """A new person's card, at the company on the card."""
        if self._contact_id is not None and self._kind == "company":
            self.new_contact("person", self._contact_id)

    def delete_contact(self) -> bool:
        """Remove the card, after asking; one with orders is refused with the reason."""
        if self._contact_id is None:
            return False
        question = self.tr("Delete '%1'? Its notes and reminders go with it.").replace(
            "%1", self.name.text()
        )
        if not Confirm.ask(self, self.tr("Delete contact"), question):
            return False
        try:
            delete_contact(self._database, self._contact_id)
        except LavkaError as error:
            self._show_general(error_text(error))
            return False
        self.new_contact()
        self.apply_search()
        self.dataChanged.emit()
        return True

    def _person_activated(self, index: QModelIndex) -> None:
        """A person double-clicked in a company's people: their own card."""
        if index.isValid():
            self.select_contact(self.people_model.person_id(index.row()))

    def merge_chosen(self) -> bool:
        """The two cards chosen in the list, side by side, merged into the one kept; its card
        is shown then. True when merged."""
        chosen = self.chosen_contacts()
        if len(chosen) != 2:
            return False
        first, second = chosen
        kept = MergeDialog.ask(self._database, self._formatter, first, second, self)
        if kept is None:
            return False
        self._after_merges(kept)
        return True

    def review_duplicates(self) -> bool:
        """The pairs that may be one customer twice, to merge or to dismiss. True when a
        merge was made."""
        if not DuplicatesDialog.ask(self._database, self._formatter, self):
            return False
        self._after_merges(self._contact_id)
        return True

    def _after_merges(self, shown: int | None) -> None:
        """The list again, and the card shown unless it was merged away."""
        self.apply_search()
        if shown is not None and contact_exists(self._database, shown):
            self.select_contact(shown)
        else:
            self.new_contact()
        self.dataChanged.emit()

    def chosen_contacts(self) -> list[int]:
        """The contacts chosen in the list, in list order."""
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedRows())
        return [self.list_model.contact_id(row) for row in rows]

    def check_phone(self, row: int = 0) -> None:
        """Leaving a phone field: say what is wrong, or show the number formatted."""
        self._show_error("phone", "")
        if not 0 <= row < self.phones.count():
            return
        edit = self.phones.edit(row)
        text = edit.text()
        if not text.strip():
            return
        with self._database.session() as session:
            region = choices.business_settings(session).phone_region
        try:
            edit.setText(self._formatter.phone(normalize_phone(text, region)))
        except ValidationError as error:
            self._show_error("phone", error_text(error))

    def save(self) -> bool:
        """Create or update the contact; problems are shown next to their fields."""
        self._clear_errors()
        company = self._kind == "company"
        try:
            company_id = None if company else self._chosen_company()
        except LookupError as unknown:
            said = self.tr("There is no company '%1': pick one from the list, or make it with")
            said += " " + self.tr("New company") + "."
            self._show_error("company", said.replace("%1", str(unknown)))
            return False
        data = ContactInput(
            name=self.name.text(),
            address=self.address.toPlainText(),
            notes=self.notes.toPlainText(),
            channel_id=self.channel.currentData(),
            payment_terms_days=self.terms.value(),
            kind=self._kind,
            company_id=company_id,
            job_title=None if company else self.job_title.text(),
            legal_name=self.legal_name.text() if company else None,
            tax_id=self.tax_id.text() if company else None,
            phones=[PhoneEntry(text, label) for text, label in self.phones.entries()],
            emails=[EmailEntry(text, label) for text, label in self.emails.entries()],
            tag_ids=self.tags.tag_ids(),
            new_tags=self.tags.new_names(),
            version=self._version,
        )
        try:
            if self._contact_id is None:
                contact: ContactView | None = create_contact(self._database, data)
            else:
                contact = self._update(self._contact_id, data)
        except DuplicatePhone as error:
            self._show_error("phone", error_text(error))
            link = self.tr("Open %1").replace("%1", html.escape(error.existing_name))
            self.duplicate_link.setText(f'<a href="contact:{error.existing_id}">{link}</a>')
            self.duplicate_link.show()
            return False
        except ValidationError as error:
            for problem in error.problems:
                self._show_error(problem.field, problem_text(problem))
            return False
        except LavkaError as error:
            self._show_general(error_text(error))
            return False
        if contact is None:  # someone else's card shown, or back to editing
            return False
        self._show_card(contact)
        self.apply_search()
        self.dataChanged.emit()
        return True

    def _update(self, contact_id: int, data: ContactInput) -> ContactView | None:
        """Save the card over the version it was opened at; when someone else saved it since,
        ask: keep mine (save over theirs), take theirs (shown, the edits dropped: None), or
        cancel (back to editing, nothing saved: None)."""
        while True:
            try:
                return update_contact(self._database, contact_id, data)
            except EditConflict as conflict:
                theirs: ContactView = conflict.theirs
                names = TypedNames(
                    None if data.company_id is None else self.company.currentText(),
                    None if data.channel_id is None else self.channel.currentText(),
                    [tag.name for tag in self.tags.tags()] + self.tags.new_names(),
                )
                with self._database.session() as session:
                    region = choices.business_settings(session).phone_region
                rows = card_conflict_rows(self._formatter, region, theirs, data, names)
                answer = ConflictDialog.ask(self, "contact", theirs.name, rows)
                if answer == KEEP_MINE:
                    data = replace(data, version=theirs.version)
                    continue
                if answer == TAKE_THEIRS:
                    self._show_card(theirs)
                    self.apply_search()  # the list as saved too (a name, a phone)
                else:
                    self._show_general(error_text(conflict))
                return None

    def toggle_archived(self) -> None:
        if self._contact_id is None:
            return
        try:
            contact = set_archived(self._database, self._contact_id, not self._archived)
        except LavkaError as error:
            self._show_general(error_text(error))
            return
        self._archived = contact.archived
        self._update_archive_text()
        self.apply_search()
        self.dataChanged.emit()

    def open_link(self, href: str) -> None:
        """The "Open <name>" link of a duplicate phone: show the contact who has it."""
        kind, _, ident = href.partition(":")
        if kind == "contact" and ident.isdigit():
            self.select_contact(int(ident))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("contacts/splitter", self.splitter.saveState())
        settings.setValue("contacts/list_header", self.list_view.horizontalHeader().saveState())
        settings.setValue("contacts/orders_header", self.orders_view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, restore in (
            ("contacts/splitter", self.splitter.restoreState),
            ("contacts/list_header", self.list_view.horizontalHeader().restoreState),
            ("contacts/orders_header", self.orders_view.horizontalHeader().restoreState),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                restore(state)
        stretch_column(self.list_view, ContactListModel.NAME)
        stretch_column(self.orders_view, ContactOrdersModel.STATUS)

    # --- internals ----------------------------------------------------------------------
    def _list_query(self) -> dict:
        """The list's search, segment and sort, as contact_list's arguments."""
        header = self.list_view.horizontalHeader()
        return {
            "today": self.today(),
            "text": self.search.text(),
            "segment": self.segment_filter.currentData(),
            "sort": ContactListModel.SORTS[header.sortIndicatorSection()],
            "descending": header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            "include_archived": self.show_archived.isChecked(),
            "kind": self.kind_filter.currentData(),
            "tag_ids": self.tag_filter.selected_ids(),
        }

    @staticmethod
    def _table_style(view: QTableView) -> None:
        read_only_rows(view)
        view.horizontalHeader().setStretchLastSection(True)

    def _apply_kind(self, kind: str) -> None:
        """A company's card asks its legal name and INN and lists its people; a person's asks
        the company and the job title."""
        self._kind = kind
        company = kind == "company"
        self.name_caption.setText(self.tr("Company:") if company else self.tr("Name:"))
        self.form.setRowVisible(self.company_box, not company)
        self.form.setRowVisible(self.legal_box, company)
        self.tabs.setTabVisible(self.tabs.indexOf(self.people_tab), company)
        self.add_person_button.setEnabled(company and self._contact_id is not None)

    def _load_companies(self, chosen: int | None = None, chosen_name: str | None = None) -> None:
        """The companies a person can be at (an archived one stays when it is theirs)."""
        self.company.clear()
        self.company.addItem(EMPTY, None)
        for company_id, name in list_companies(self._database):
            self.company.addItem(name, company_id)
        if chosen is not None and self.company.findData(chosen) < 0:
            self.company.addItem(chosen_name or "", chosen)
        self.company.setCurrentIndex(max(self.company.findData(chosen), 0))

    def _chosen_company(self) -> int | None:
        """The company picked, or the one whose name is typed whole; None for none. A name
        that is no company's raises LookupError."""
        text = self.company.currentText().strip()
        if not text or text == EMPTY:
            return None
        index = self.company.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise LookupError(text)
        return self.company.itemData(index)

    def _update_merge(self) -> None:
        self.merge_action.setEnabled(len(self.list_view.selectionModel().selectedRows()) == 2)

    def list_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addActions([self.merge_action, self.duplicates_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_list_menu(self, pos: QPoint) -> None:
        menu = self.list_menu()
        menu.exec(self.list_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _load_channels(self) -> None:
        chosen, chosen_name = self.channel.currentData(), self.channel.currentText()
        with self._database.session() as session:
            found = choices.channels(session)
        self.channel.clear()
        self.channel.addItem(EMPTY, None)
        for choice in found:
            self.channel.addItem(choice.name, choice.id)
        if chosen is not None and self.channel.findData(chosen) < 0:
            self.channel.addItem(chosen_name, chosen)  # a channel made inactive stays chosen
        self.channel.setCurrentIndex(max(self.channel.findData(chosen), 0))

    def _show_card(self, contact: ContactView) -> None:
        self._contact_id, self._archived = contact.id, contact.archived
        self._version = contact.version
        self.name.setText(contact.name)
        self.phones.set_entries(
            [(self._formatter.phone(p.number), p.label) for p in contact.phones]
        )
        self.emails.set_entries([(e.address, e.label) for e in contact.emails])
        self._load_companies(contact.company_id, contact.company)
        self.job_title.setText(contact.job_title or "")
        self.legal_name.setText(contact.legal_name or "")
        self.tax_id.setText(contact.tax_id or "")
        self._apply_kind(contact.kind)
        self.people_model.set_rows(list(contact.people))
        self.tags.set_tags(list(contact.tags))
        self.address.setPlainText(contact.address or "")
        self.notes.setPlainText(contact.notes or "")
        if contact.channel_id is not None and self.channel.findData(contact.channel_id) < 0:
            self.channel.addItem(contact.channel or "", contact.channel_id)  # an inactive one
        self.channel.setCurrentIndex(max(self.channel.findData(contact.channel_id), 0))
        self.terms.setValue(contact.payment_terms_days)
        self._clear_errors()
        self._update_archive_text()
        self._load_activity()

    def _load_activity(self) -> None:
        """The customer's figures and orders, as of today."""
        assert self._contact_id is not None
        fig = contact_figures(self._database, self._contact_id, today=self._today)
        fmt = self._formatter
        texts = {
            "orders": fmt.integer(fig.orders),
            "revenue": fmt.money(fig.realized.amount),
            "profit": fmt.money(fig.realized.profit),
            "margin": fmt.percent(fig.realized.margin),
            "average_check": fmt.money(fig.average_check),
            "first_purchase": fmt.date(fig.first_purchase) or EMPTY,
            "last_purchase": fmt.date(fig.last_purchase) or EMPTY,
            "planned_revenue": fmt.money(fig.planned.amount),
        }
        for key, text in texts.items():
            self.figure_labels[key].setText(text)
        query = OrderQuery(OrderFilter(contact_id=self._contact_id), limit=_LIMIT)
        self.orders_model.set_rows(list_orders(self._database, query).rows)
        self.activity.show_contact(self._contact_id)
        self.history.set_filter(HistoryFilter(contact_id=self._contact_id))
        found = contact_segment(self._database, self._contact_id, self.today())
        self.lifecycle.setText(self.lifecycle_text(found))
        self._show_debt(contact_debt(self._database, self._contact_id, self.today()))
        self.task_button.setEnabled(True)

    def _show_debt(self, debt: ContactDebt) -> None:
        """`Owed: 2 500,00 ₽ · oldest debt: 01.05.2026 (45 days overdue)`; red when overdue."""
        text = self.debt_text(debt)
        self.debt.setText(text)
        self.debt.setVisible(bool(text))
        self.debt.setStyleSheet(f"color: {NEGATIVE.name()}" if debt.overdue > 0 else "")

    def debt_text(self, debt: ContactDebt) -> str:
        if debt.owed <= 0 or debt.oldest_due is None:
            return ""
        fmt = self._formatter
        parts = [self.tr("Owed: %1").replace("%1", fmt.money(debt.owed))]
        if debt.overdue > 0 and debt.overdue != debt.owed:
            parts.append(self.tr("overdue: %1").replace("%1", fmt.money(debt.overdue)))
        late = (self.today() - debt.oldest_due).days
        if late > 0:
            oldest = self.tr("Oldest debt: %1 (%n day(s) overdue)", "", late)
        else:
            oldest = self.tr("Oldest debt: %1 (not due yet)")
        parts.append(oldest.replace("%1", fmt.date(debt.oldest_due)))
        return " · ".join(parts)

    def record_payment(self) -> bool:
        """Money received for the order chosen in the card's orders; the card then shows
        what is still owed. True when a payment was recorded."""
        index = self.orders_view.currentIndex()
        if self._contact_id is None or not index.isValid():
            return False
        order_id = self.orders_model.order_id(index.row())
        recorded = PaymentDialog.ask(
            self._database, self._formatter, order_id, self, today=self.today()
        )
        if recorded is None:
            return False
        self._load_activity()
        row = self.orders_model.row_of(order_id)
        if row is not None:
            self.orders_view.setCurrentIndex(self.orders_model.index(row, 0))
        self.dataChanged.emit()
        return True

    def orders_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.open_order_action)
        menu.addAction(self.payment_action)
        menu.addMenu(self.documents_menu)
        return menu

    def current_order_id(self) -> int | None:
        """The order chosen in the card's orders."""
        index = self.orders_view.currentIndex()
        if self._contact_id is None or not index.isValid():
            return None
        return self.orders_model.order_id(index.row())

    def _show_orders_menu(self, pos: QPoint) -> None:
        index = self.orders_view.indexAt(pos)
        if not index.isValid():
            return
        self.orders_view.setCurrentIndex(index)
        menu = self.orders_menu()
        menu.exec(self.orders_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _update_payment(self) -> None:
        """Payment received… for a chosen order that is not cancelled, on the Orders tab."""
        index = self.orders_view.currentIndex()
        payable = index.isValid() and not self.orders_model.order(index.row()).cancelled
        self.payment_action.setEnabled(payable)
        self.open_order_action.setEnabled(index.isValid())
        self.payment_button.setEnabled(payable and self.tabs.currentWidget() is self.orders_view)

    def lifecycle_text(self, found: ContactSegment) -> str:
        """`Regular · buys every ~30 days · last purchase 41 days ago`."""
        parts = [segment_name(found.segment)]
        if found.purchases >= 2 and found.cadence_days is not None:
            parts.append(self.tr("buys every ~%n day(s)", "", round(found.cadence_days)))
        if found.days_since_last is not None:
            parts.append(self.tr("last purchase %n day(s) ago", "", found.days_since_last))
        if found.due_to_reorder:
            parts.append(self.tr("due to reorder"))
        return " · ".join(parts)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            contact_id = self.list_model.contact_id(current.row())
            if contact_id != self._contact_id:
                self.select_contact(contact_id)

    def _mark_current_row(self) -> None:
        row = None if self._contact_id is None else self.list_model.row_of(self._contact_id)
        if row is None:
            self.list_view.selectionModel().clear()  # so a click on any row loads its card
        else:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def _order_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.orderActivated.emit(self.orders_model.order_id(index.row()))

    def _update_archive_text(self) -> None:
        text = self.tr("Unarchive") if self._archived else self.tr("Archive")
        for widget in (self.archive_button, self.archive_action):
            widget.setText(text)
            widget.setEnabled(self._contact_id is not None)
        self.delete_action.setEnabled(self._contact_id is not None)

    def _show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.general_error)
        label.setText(message)
        label.setVisible(bool(message))
        if field == "phone":
            self.duplicate_link.hide()

    def _show_general(self, message: str) -> None:
        self._show_error("", message)

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error, self.duplicate_link):
            label.clear()
            label.hide()
