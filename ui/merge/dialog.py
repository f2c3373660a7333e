"""The merge dialog: two cards side by side, the one to keep, and the value kept per field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError
from services.merge import (
    BOTH,
    KEEP,
    OTHER,
    FieldPair,
    MergeCounts,
    MergePreview,
    MergeResult,
    merge_contacts,
    merge_preview,
    suggested_keep,
)
from services.storage import Database
from ui.formatting import EMPTY, Formatter
from ui.messages import QT_TRANSLATE_NOOP, error_text
from ui.widgets.fields import error_label
from ui.widgets.style import WARNING

_CONTEXT = "MergeDialog"
_FIELDS = {
    "name": QT_TRANSLATE_NOOP("MergeDialog", "Name"),
    "legal_name": QT_TRANSLATE_NOOP("MergeDialog", "Legal name"),
    "tax_id": QT_TRANSLATE_NOOP("MergeDialog", "INN"),
    "job_title": QT_TRANSLATE_NOOP("MergeDialog", "Job title"),
    "company": QT_TRANSLATE_NOOP("MergeDialog", "Company"),
    "phone": QT_TRANSLATE_NOOP("MergeDialog", "Main phone"),
    "email": QT_TRANSLATE_NOOP("MergeDialog", "Main e-mail"),
    "address": QT_TRANSLATE_NOOP("MergeDialog", "Address"),
    "notes": QT_TRANSLATE_NOOP("MergeDialog", "Notes"),
    "channel": QT_TRANSLATE_NOOP("MergeDialog", "Channel"),
    "payment_terms": QT_TRANSLATE_NOOP("MergeDialog", "Payment terms"),
}
_COMPANY_NAME = QT_TRANSLATE_NOOP("MergeDialog", "Company name")
_SHOWN_MAX = 80  # characters of a long value (notes) on its button; the whole in a tooltip


class MergeDialog(QDialog):
    """Pick the card to keep (the one with more orders, then the older, at first) and, for
    each field the cards differ in, the value to keep; Merge moves everything of the other
    card to the kept one in one transaction and removes the other. A refusal is said in the
    dialog, which stays open."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        first_id: int,
        second_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self.ids = (first_id, second_id)
        self.merged: MergeResult | None = None
        self.preview: MergePreview | None = None
        self.setWindowTitle(self.tr("Merge cards"))
        self.keep_buttons: tuple[QRadioButton, QRadioButton] | None = None
        # per field that differs: the button of each side (first card, second card)
        self.choice_buttons: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.both_button: QRadioButton | None = None
        self._groups: list[QButtonGroup] = []
        # under each card's title: whether it stays or goes
        self.fates: list[QLabel] = []

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the card to keep and, where the cards differ, the value to keep."
                " Everything of the other card moves to the kept one."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING}")
        self.error = error_label()
        for label in (self.summary, self.warning, self.error):
            layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        try:
            keep = suggested_keep(database, first_id, second_id)
            self.preview = merge_preview(database, keep, self._other_of(keep))
        except LavkaError as error:  # the same card twice, a person and a company, one gone
            self._refuse(error)
            return
        self.setWindowTitle(
            self.tr("Merge companies")
            if self.preview.keep.kind == "company"
            else self.tr("Merge contacts")
        )
        self._build()
        self._show_kept(keep)
        self.setMinimumWidth(640)

    # -- building -------------------------------------------------------------------------

    def _other_of(self, contact_id: int) -> int:
        first, second = self.ids
        return second if contact_id == first else first

    def _side_preview(self, side: int):
        """The card summary of a side (0: the first card, 1: the second) in the preview."""
        assert self.preview is not None
        return self.preview.keep if self.preview.keep.id == self.ids[side] else self.preview.other

    def _build(self) -> None:
        group = QButtonGroup(self)
        self._groups.append(group)
        keep_buttons = []
        for side in (0, 1):
            card = self._side_preview(side)
            button = QRadioButton(self.tr("Keep this card"))
            group.addButton(button, side)
            keep_buttons.append(button)
            title = QLabel(f"<b>{_escaped(card.name)}</b>")
            title.setWordWrap(True)
            facts = [self.tr("%n order(s)", "", card.orders)]
            facts.append(self.tr("added %1").replace("%1", self._formatter.date(card.created_at)))
            if card.archived:
                facts.append(self.tr("archived"))
            about = QLabel(" · ".join(facts))
            about.setEnabled(False)
            column = QVBoxLayout()
            column.setSpacing(2)
            fate = QLabel()
            self.fates.append(fate)
            for widget in (button, title, about, fate):
                column.addWidget(widget)
            self.grid.addLayout(column, 0, side + 1)
        self.keep_buttons = (keep_buttons[0], keep_buttons[1])
        group.idClicked.connect(lambda side: self._show_kept(self.ids[side]))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, 1, 0, 1, 3)
        row = 2
        assert self.preview is not None
        for pair in self.preview.fields:
            words = _FIELDS[pair.field]
            if pair.field == "name" and self.preview.keep.kind == "company":
                words = _COMPANY_NAME
            label = QLabel(QCoreApplication.translate(_CONTEXT, words) + ":")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(label, row, 0)
            values = self._values_by_side(pair)
            if not pair.differs:
                same = QLabel(values[0])
                same.setEnabled(False)  # greyed: nothing to choose
                same.setToolTip(self.tr("The same on both cards"))
                label.setEnabled(False)
                self.grid.addWidget(same, row, 1, 1, 2)
                row += 1
                continue
            field_group = QButtonGroup(self)
            self._groups.append(field_group)
            sides = []
            for side in (0, 1):
                button = QRadioButton(_short(values[side]))
                if len(values[side]) > _SHOWN_MAX or "\n" in values[side]:
                    button.setToolTip(values[side])
                field_group.addButton(button, side)
                self.grid.addWidget(button, row, side + 1)
                sides.append(button)
            self.choice_buttons[pair.field] = (sides[0], sides[1])
            row += 1
            if pair.field == "notes" and pair.keep and pair.other:
                self.both_button = QRadioButton(self.tr("Both, the kept card's first"))
                field_group.addButton(self.both_button, 2)
                self.grid.addWidget(self.both_button, row, 1, 1, 2)
                row += 1

    def _values_by_side(self, pair: FieldPair) -> tuple[str, str]:
        """The field's value of the first and of the second card, as shown."""
        assert self.preview is not None
        kept_first = self.preview.keep.id == self.ids[0]
        first, second = (pair.keep, pair.other) if kept_first else (pair.other, pair.keep)
        return self._shown(pair.field, first), self._shown(pair.field, second)

    def _shown(self, field: str, value) -> str:
        if field == "payment_terms":
            return self.tr("%n day(s)", "", int(value or 0))
        if value is None or value == "":
            return EMPTY
        if field == "phone":
            return self._formatter.phone(value)
        return str(value)

    # -- the kept card --------------------------------------------------------------------

    def kept_id(self) -> int:
        assert self.keep_buttons is not None
        return self.ids[0] if self.keep_buttons[0].isChecked() else self.ids[1]

    def _show_kept(self, keep: int) -> None:
        """The card to keep changed (or is first shown): its preview, each field's default
        side, what moves and which card goes."""
        assert self.keep_buttons is not None
        side = self.ids.index(keep)
        self.keep_buttons[side].setChecked(True)
        if self.preview is None or self.preview.keep.id != keep:
            try:
                self.preview = merge_preview(self._database, keep, self._other_of(keep))
            except LavkaError as error:  # a card removed meanwhile
                self._refuse(error)
                return
        for pair in self.preview.fields:
            buttons = self.choice_buttons.get(pair.field)
            if buttons is None:
                continue
            if pair.default == BOTH and self.both_button is not None:
                self.both_button.setChecked(True)
            else:
                chosen = side if pair.default == KEEP else 1 - side
                buttons[chosen].setChecked(True)
        self.summary.setText(self.moves_text(self.preview.moves))
        for index, fate in enumerate(self.fates):
            stays = index == side
            fate.setText(self.tr("Stays") if stays else self.tr("Will be removed"))
            fate.setStyleSheet("" if stays else f"color: {WARNING}")
        removed = self.preview.other.name
        self.warning.setText(
            self.tr("The card “%1” will be removed. This cannot be undone.").replace("%1", removed)
        )

    def moves_text(self, moves: MergeCounts) -> str:
        """ "Moves to the kept card: 12 orders, 3 tasks, 1 phone." in the interface language."""
        # self.tr with plain names: lupdate reads plural forms only from tr(text, "", n)
        orders, ordered_by, payments, follow_ups = (
            moves.orders, moves.ordered_by, moves.payments, moves.follow_ups,
        )  # fmt: skip
        tasks, notes, reminders, phones = moves.tasks, moves.notes, moves.reminders, moves.phones
        emails, tags, people = moves.emails, moves.tags, moves.people
        counted = (
            (orders, self.tr("%n order(s)", "", orders)),
            (ordered_by, self.tr("%n order(s) placed for a company", "", ordered_by)),
            (payments, self.tr("%n payment(s)", "", payments)),
            (follow_ups, self.tr("%n follow-up(s)", "", follow_ups)),
            (tasks, self.tr("%n task(s)", "", tasks)),
            (notes, self.tr("%n note(s)", "", notes)),
            (reminders, self.tr("%n reminder answer(s)", "", reminders)),
            (phones, self.tr("%n phone(s)", "", phones)),
            (emails, self.tr("%n e-mail(s)", "", emails)),
            (tags, self.tr("%n tag(s)", "", tags)),
            (people, self.tr("%n contact person(s)", "", people)),
        )
        parts = [text for count, text in counted if count]
        if not parts:
            return self.tr("Nothing else moves to the kept card.")
        return self.tr("Moves to the kept card: %1.").replace("%1", ", ".join(parts))

    def choices(self) -> dict[str, str]:
        """Each differing field's side, as merge_contacts takes it."""
        keep_side = self.ids.index(self.kept_id())
        chosen = {}
        for field, buttons in self.choice_buttons.items():
            if field == "notes" and self.both_button is not None and self.both_button.isChecked():
                chosen[field] = BOTH
            elif buttons[keep_side].isChecked():
                chosen[field] = KEEP
            elif buttons[1 - keep_side].isChecked():
                chosen[field] = OTHER
        return chosen

    # -- merging --------------------------------------------------------------------------

    def merge(self) -> None:
        if self.preview is None:
            return
        self.error.hide()
        keep = self.kept_id()
        try:
            self.merged = merge_contacts(self._database, keep, self._other_of(keep), self.choices())
        except LavkaError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        self.accept()

    def _refuse(self, error: LavkaError) -> None:
        self.preview = None
        self.error.setText(error_text(error))
        self.error.show()
        self.summary.hide()
        self.warning.hide()
        self.merge_button.setEnabled(False)

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        first_id: int,
        second_id: int,
        parent: QWidget | None = None,
    ) -> int | None:
        """The id of the card kept, or None when nothing was merged (tests replace this)."""
        dialog = cls(database, formatter, first_id, second_id, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.merged is None:
            return None
        return dialog.merged.kept_id


def _short(text: str) -> str:
    """A value on one line, cut to _SHOWN_MAX characters."""
    line = " / ".join(part.strip() for part in text.splitlines() if part.strip()) or text
    line = line if len(line) <= _SHOWN_MAX else line[: _SHOWN_MAX - 1].rstrip() + "…"
    return line.replace("&", "&&")  # a button's text: "&" would mark a shortcut


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
