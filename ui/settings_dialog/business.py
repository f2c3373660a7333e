"""Settings → Business: the currency, the phone region and the seller's details on documents."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import phonenumbers
from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services.documents.content import DocumentImages, SellerDetails
from services.documents.seller import IMAGE_MAX_KB, load_seller
from services.errors import Problem
from services.settings_store import load_business_settings, save_business
from ui.settings_dialog.common import show_by_field
from ui.widgets.fields import error_label, with_error
from ui.widgets.tables import PHONE_SAMPLE

IMAGES = ("logo", "stamp")
PREVIEW_WIDTH = 160
PREVIEW_HEIGHT = 80
_EDIT_PADDING = 16  # a line edit's frame and text margins around a sample of what it holds
# The seller's text fields in the order they are shown (names of SellerDetails' fields).
SELLER_FIELDS = ("name", "tax_id", "kpp", "ogrn", "address", "phone", "email")
BANK_FIELDS = ("bank", "bik", "account", "correspondent_account")
# Widest sample each short field is made to show whole (spaces typed in numbers are dropped).
SAMPLES = {
    "currency_code": "WWWW",
    "currency_symbol": "WWWWWW",
    "tax_id": "0" * 15,
    "kpp": "0" * 12,
    "ogrn": "0" * 18,
    "phone": PHONE_SAMPLE + "00",
    "email": "ivan.petrov.shop@example.com",
    "signer": "Константинопольский И. И.",
    "bik": "0" * 12,
    "account": "0" * 24,
    "correspondent_account": "0" * 24,
}


class BusinessPage(QWidget):
    """Currency, phone region and the seller's details (with the logo and the stamp) that
    invoices, delivery notes and receipts carry; like a Picard options page it only loads and
    saves. The page scrolls: a problem is said under its field, which is scrolled into sight."""

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self._images: dict[str, bytes | None] = dict.fromkeys(IMAGES)
        self._images_changed = False

        self.currency_code = QLineEdit()
        self.currency_code.setMaxLength(3)
        self.currency_symbol = QLineEdit()
        self.currency_symbol.setMaxLength(5)
        self.phone_region = QComboBox()
        for code in sorted(phonenumbers.SUPPORTED_REGIONS):
            territory = QLocale.codeToTerritory(code)
            name = QLocale.territoryToString(territory) if territory.value else ""
            self.phone_region.addItem(f"{code} — {name}" if name else code, code)

        self.edits: dict[str, QLineEdit] = {
            field: QLineEdit() for field in (*SELLER_FIELDS, *BANK_FIELDS)
        }
        self.signer = QLineEdit()
        self.signer.setPlaceholderText(self.tr("e.g. Petrov I. I."))
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText(self.tr("e.g. Sole proprietor"))
        self.vat_rate = QLineEdit()
        self.vat_rate.setPlaceholderText(self.tr("empty — without VAT"))
        self.payment_terms = QLineEdit()
        self.payment_terms.setPlaceholderText(self.tr("e.g. Payment within 3 banking days"))
        self.footer = QPlainTextEdit()
        self.footer.setTabChangesFocus(True)
        self.footer.setFixedHeight(self.footer.fontMetrics().lineSpacing() * 4 + 12)
        self.edits.update(
            signer=self.signer,
            signer_title=self.signer_title,
            payment_terms=self.payment_terms,
        )
        self.previews = {key: QLabel() for key in IMAGES}
        self.choose_buttons = {key: QPushButton(self.tr("Choose…")) for key in IMAGES}
        self.remove_buttons = {key: QPushButton(self.tr("Remove")) for key in IMAGES}
        for key in IMAGES:
            preview = self.previews[key]
            preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
            preview.setFrameShape(QFrame.Shape.StyledPanel)
            preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            preview.setWordWrap(True)
            self.choose_buttons[key].clicked.connect(lambda _=False, k=key: self.choose_image(k))
            self.remove_buttons[key].clicked.connect(lambda _=False, k=key: self.remove_image(k))

        # Where each problem is said and which widget takes the cursor for it.
        self.fields: dict[str, QWidget] = {
            "currency_code": self.currency_code,
            "currency_symbol": self.currency_symbol,
            "phone_region": self.phone_region,
            **self.edits,
            "vat_rate": self.vat_rate,
            "footer": self.footer,
            **{key: self.choose_buttons[key] for key in IMAGES},
        }
        for field, sample in SAMPLES.items():
            edit = self.fields[field]
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance(sample) + _EDIT_PADDING)
        placeholder = self.vat_rate.placeholderText()
        self.vat_rate.setMaximumWidth(
            self.vat_rate.fontMetrics().horizontalAdvance(placeholder + "00") + _EDIT_PADDING
        )
        self.errors = {field: error_label() for field in self.fields}
        self.other_errors = error_label()
        self._captions: list[QLabel] = []

        content = QWidget()
        column = self._page_layout = QVBoxLayout(content)
        column.addWidget(self._general_group())
        column.addWidget(self._seller_group())
        column.addWidget(self._bank_group())
        column.addWidget(self._documents_group())
        column.addWidget(self.other_errors)
        column.addStretch(1)
        # One column of captions down the page, as wide as the widest (Russian runs long).
        widest = max(caption.sizeHint().width() for caption in self._captions)
        for caption in self._captions:
            caption.setMinimumWidth(widest)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        order = [
            self.currency_code,
            self.currency_symbol,
            self.phone_region,
            *(self.edits[f] for f in (*SELLER_FIELDS, *BANK_FIELDS, "signer", "signer_title")),
            self.vat_rate,
            self.payment_terms,
            self.footer,
        ]
        for key in IMAGES:
            order += [self.choose_buttons[key], self.remove_buttons[key]]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._show_images()

    # --- building
    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return group, form

    def _row(self, form: QFormLayout, caption: str, field: str, widget: QWidget | None = None):
        label = QLabel(caption)
        widget = widget if widget is not None else self.fields[field]
        label.setBuddy(self.fields[field])
        self._captions.append(label)
        form.addRow(label, with_error(widget, self.errors[field]))

    def _general_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Currency and phones"))
        self._row(form, self.tr("Currency code:"), "currency_code")
        self._row(form, self.tr("Currency symbol:"), "currency_symbol")
        self._row(form, self.tr("Phone region:"), "phone_region")
        return group

    def _seller_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Seller"))
        note = QLabel(self.tr("Printed on invoices, delivery notes and receipts."))
        note.setWordWrap(True)
        form.addRow(note)
        captions = {
            "name": self.tr("Name or legal name:"),
            "tax_id": self.tr("INN:"),
            "kpp": self.tr("KPP:"),
            "ogrn": self.tr("OGRN / OGRNIP:"),
            "address": self.tr("Address:"),
            "phone": self.tr("Phone:"),
            "email": self.tr("E-mail:"),
        }
        for field in SELLER_FIELDS:
            self._row(form, captions[field], field)
        return group

    def _bank_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Bank details"))
        captions = {
            "bank": self.tr("Bank:"),
            "bik": self.tr("BIK:"),
            "account": self.tr("Account:"),
            "correspondent_account": self.tr("Correspondent account:"),
        }
        for field in BANK_FIELDS:
            self._row(form, captions[field], field)
        return group

    def _documents_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Documents"))
        self._row(form, self.tr("Signed by:"), "signer")
        self._row(form, self.tr("Signer's title:"), "signer_title")
        self._row(form, self.tr("VAT rate, %:"), "vat_rate")
        self._row(form, self.tr("Payment terms:"), "payment_terms")
        self._row(form, self.tr("Footer text:"), "footer")
        captions = {"logo": self.tr("Logo:"), "stamp": self.tr("Stamp and signature:")}
        for key in IMAGES:
            self._row(form, captions[key], key, self._image_row(key))
        hint = QLabel(self.tr("PNG or JPEG, at most %1 KB each.").replace("%1", str(IMAGE_MAX_KB)))
        hint.setEnabled(False)  # drawn muted: a hint, not a value
        form.addRow("", hint)
        return group

    def _image_row(self, key: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previews[key])
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_buttons[key])
        buttons.addWidget(self.remove_buttons[key])
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return row

    # --- the page
    def title(self) -> str:
        return self.tr("Business")

    def load(self) -> None:
        current = load_business_settings(self._database)
        self.currency_code.setText(current.currency_code)
        self.currency_symbol.setText(current.currency_symbol)
        index = self.phone_region.findData(current.phone_region)
        if index < 0:  # a region this phonenumbers build does not know: show it, let it be fixed
            self.phone_region.addItem(current.phone_region, current.phone_region)
            index = self.phone_region.count() - 1
        self.phone_region.setCurrentIndex(index)
        details, images = load_seller(self._database)
        for field, edit in self.edits.items():
            edit.setText(getattr(details, field))
        self.vat_rate.setText("" if details.vat_rate is None else str(details.vat_rate))
        self.footer.setPlainText(details.footer)
        self._images = {key: getattr(images, key) for key in IMAGES}
        self._images_changed = False
        self._show_images()

    def seller_details(self) -> SellerDetails:
        """The details as typed (the service trims and checks them)."""
        # the text fields by name (the VAT rate, a number, is read apart)
        typed: dict[str, Any] = {field: edit.text() for field, edit in self.edits.items()}
        return SellerDetails(**typed, footer=self.footer.toPlainText())

    def save(self) -> None:
        """The business settings and the seller's details as one action, in one transaction:
        when anything is refused, nothing is kept and every problem is said at its field."""
        images = DocumentImages(**self._images) if self._images_changed else None
        save_business(
            self._database,
            self.currency_code.text(),
            self.currency_symbol.text(),
            self.phone_region.currentData(),
            self.seller_details(),
            images,
            vat_rate=self.vat_rate.text(),
        )

    def show_problems(self, problems: list[Problem]) -> None:
        show_by_field(self.errors, self.other_errors, problems)

    def focus_problem(self, problem: Problem) -> None:
        field = self.fields.get(problem.field)
        error = self.errors.get(problem.field, self.other_errors)
        # the labels just shown have not been placed yet: place them before scrolling to one
        self._page_layout.activate()
        self.scroll_area.ensureWidgetVisible(error)
        if field is not None:
            self.scroll_area.ensureWidgetVisible(field)
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    # --- images
    @staticmethod
    def choose_image_file(parent: QWidget | None, caption: str) -> Path | None:
        """The native open dialog for a PNG or JPEG picture (tests patch this)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _ = QFileDialog.getOpenFileName(
            parent,
            caption,
            folder,
            QCoreApplication.translate("BusinessPage", "Images (*.png *.jpg *.jpeg)"),
        )
        return Path(path) if path else None

    def choose_image(self, key: str) -> None:
        captions = {
            "logo": self.tr("Choose the logo"),
            "stamp": self.tr("Choose the stamp and signature"),
        }
        path = self.choose_image_file(self, captions[key])
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            message = self.tr("Could not read %1: %2")
            self.errors[key].setText(
                message.replace("%1", path.name, 1).replace("%2", error.strerror or str(error), 1)
            )
            self.errors[key].show()
            return
        self.errors[key].clear()
        self.errors[key].hide()
        self._images[key] = data
        self._images_changed = True
        self._show_images()

    def remove_image(self, key: str) -> None:
        self._images[key] = None
        self._images_changed = True
        self.errors[key].clear()
        self.errors[key].hide()
        self._show_images()

    def image(self, key: str) -> bytes | None:
        """The picture as it will be saved (None: none)."""
        return self._images[key]

    def _show_images(self) -> None:
        for key in IMAGES:
            preview = self.previews[key]
            data = self._images[key]
            self.remove_buttons[key].setEnabled(data is not None)
            preview.clear()
            if data is None:
                preview.setText(self.tr("No image"))
                continue
            pixmap = QPixmap()
            if not pixmap.loadFromData(data):
                preview.setText(self.tr("Cannot show this image"))
                continue
            ratio = preview.devicePixelRatioF()
            room = preview.contentsRect().size() * ratio
            if pixmap.width() > room.width() or pixmap.height() > room.height():
                pixmap = pixmap.scaled(
                    room,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )  # shrunk to fit, never blown up: a small logo stays sharp
            pixmap.setDevicePixelRatio(ratio)
            preview.setPixmap(pixmap)
