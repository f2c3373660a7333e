"""Settings → Business: the seller's details for documents, typed in the page and checked
through services.documents.seller."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from services.choices import DEFAULT_SETTINGS, BusinessSettings
from services.documents.content import DocumentImages, SellerDetails
from services.documents.seller import load_seller, save_seller
from services.settings_store import load_business_settings
from ui.settings_dialog.business import BusinessPage
from ui.settings_dialog.dialog import SettingsDialog

OLD = SellerDetails(
    name="ИП Петров Иван Иванович",
    tax_id="500100732259",
    ogrn="304500116000157",
    bik="044525225",
    account="40802810838000012345",
)
TYPED = {
    "name": "ИП Петров Иван Иванович",
    "tax_id": "5001 0073 2259",  # spaces as read off a paper: dropped
    "kpp": "",
    "ogrn": "304500116000157",
    "address": "141070, Московская обл., г. Королёв, ул. Ленина, д. 1",
    "phone": "+7 916 123-45-67",
    "email": "shop@example.ru",
    "bank": "ПАО Сбербанк",
    "bik": "044525225",
    "account": "40802810838000012345",
    "correspondent_account": "30101810400000000225",
    "signer": "Петров И. И.",
    "signer_title": "Индивидуальный предприниматель",
    "payment_terms": "Оплата в течение 3 банковских дней",
}


def png(path: Path, width: int = 8, height: int = 4) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(path), "PNG")
    return path


@pytest.fixture
def dialog(qtbot, db):
    widget = SettingsDialog(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(monkeypatch, page: BusinessPage, key: str, path: Path) -> None:
    """Pick `path` in the (patched) file dialog for the logo or the stamp."""
    asked = []
    monkeypatch.setattr(
        BusinessPage,
        "choose_image_file",
        staticmethod(lambda parent, caption: asked.append(caption) or path),
    )
    page.choose_buttons[key].click()
    assert len(asked) == 1


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def shown_errors(page: BusinessPage) -> set[str]:
    return {field for field, label in page.errors.items() if label.isVisibleTo(page)}


def test_typed_details_and_a_logo_are_saved(dialog, db, monkeypatch, tmp_path):
    page = dialog.business
    assert page.image("logo") is None and not page.remove_buttons["logo"].isEnabled()
    for field, text in TYPED.items():
        page.edits[field].setText(text)
    page.vat_rate.setText("20")
    page.footer.setPlainText("Спасибо за покупку!\nВозврат в течение 14 дней.")
    logo = png(tmp_path / "logo.png")
    choose(monkeypatch, page, "logo", logo)
    assert page.previews["logo"].pixmap().width() == 8  # a small logo is shown as it is
    assert page.remove_buttons["logo"].isEnabled()
    ok(dialog)
    assert not dialog.isVisible()
    details, images = load_seller(db)
    expected = {**TYPED, "tax_id": "500100732259"}
    assert details == SellerDetails(
        **expected, vat_rate=20, footer="Спасибо за покупку!\nВозврат в течение 14 дней."
    )
    assert images == DocumentImages(logo=logo.read_bytes(), stamp=None)


def test_the_page_shows_what_is_stored(qtbot, db, tmp_path):
    stamp = png(tmp_path / "stamp.png", 400, 400).read_bytes()
    save_seller(db, OLD, DocumentImages(stamp=stamp), vat_rate="10")
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    page = dialog.business
    assert page.edits["tax_id"].text() == "500100732259"
    assert page.edits["account"].text() == "40802810838000012345"
    assert page.edits["kpp"].text() == ""
    assert page.vat_rate.text() == "10"
    assert page.image("stamp") == stamp and page.image("logo") is None
    preview = page.previews["stamp"]
    shown = preview.pixmap()
    # shrunk into the preview, square kept square
    assert shown.height() / shown.devicePixelRatio() <= preview.contentsRect().height()
    assert shown.width() == shown.height()


def test_a_wrong_inn_and_account_save_nothing_of_the_page(qtbot, db):
    save_seller(db, OLD)
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.business
    page.currency_symbol.setText("руб.")  # saved with the seller or not at all
    page.edits["name"].setText("ООО Ромашка")
    page.edits["tax_id"].setText("500100732258")  # the last digit does not add up
    page.edits["account"].setText("40802810838000012346")  # does not fit the BIK
    dialog.tabs.setCurrentIndex(3)
    ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert shown_errors(page) == {"tax_id", "account"}
    assert "500100732258" in page.errors["tax_id"].text()
    assert "40802810838000012346" in page.errors["account"].text()
    assert "044525225" in page.errors["account"].text()
    assert load_seller(db) == (OLD, DocumentImages())
    assert load_business_settings(db) == BusinessSettings(**DEFAULT_SETTINGS)
    # Put right, the next OK saves both, and the errors go.
    page.edits["tax_id"].setText("500100732259")
    page.edits["account"].setText("40802810838000012345")
    ok(dialog)
    assert not dialog.isVisible()
    assert shown_errors(page) == set()
    assert load_seller(db)[0].name == "ООО Ромашка"
    assert load_business_settings(db).currency_symbol == "руб."


def test_a_wrong_currency_keeps_the_seller_unsaved(dialog, db):
    page = dialog.business
    page.currency_code.setText("RU")
    page.edits["name"].setText("ООО Ромашка")
    ok(dialog)
    assert dialog.isVisible()
    assert shown_errors(page) == {"currency_code"}
    assert load_seller(db)[0] == SellerDetails()


def test_the_seller_is_checked_against_the_region_saved_with_it(dialog, db):
    page = dialog.business
    page.phone_region.setCurrentIndex(page.phone_region.findData("KZ"))
    page.edits["tax_id"].setText("990140000385")  # a Kazakh BIN: no Russian checksum applies
    ok(dialog)
    assert not dialog.isVisible()
    assert load_business_settings(db).phone_region == "KZ"
    assert load_seller(db)[0].tax_id == "990140000385"


def test_removing_the_logo_removes_it_and_keeps_the_stamp(qtbot, db, tmp_path):
    logo = png(tmp_path / "logo.png").read_bytes()
    stamp = png(tmp_path / "stamp.png", 6, 6).read_bytes()
    save_seller(db, OLD, DocumentImages(logo=logo, stamp=stamp))
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.business
    assert not page.previews["logo"].pixmap().isNull()
    page.remove_buttons["logo"].click()
    assert page.image("logo") is None
    assert page.previews["logo"].pixmap().isNull() and page.previews["logo"].text()
    assert not page.remove_buttons["logo"].isEnabled()
    ok(dialog)
    assert not dialog.isVisible()
    assert load_seller(db) == (OLD, DocumentImages(logo=None, stamp=stamp))


def test_a_file_that_is_not_a_picture_is_refused_under_its_row(dialog, db, monkeypatch, tmp_path):
    page = dialog.business
    fake = tmp_path / "stamp.png"
    fake.write_bytes(b"GIF89a not really a PNG")
    choose(monkeypatch, page, "stamp", fake)
    ok(dialog)
    assert dialog.isVisible()
    assert shown_errors(page) == {"stamp"}
    assert "PNG or JPEG" in page.errors["stamp"].text()
    assert load_seller(db)[1] == DocumentImages()


def test_a_problem_far_down_is_scrolled_into_sight(dialog, db):
    page = dialog.business
    page.vat_rate.setText("двадцать")
    assert page.scroll_area.verticalScrollBar().value() == 0
    dialog.tabs.setCurrentIndex(2)  # OK pressed on another page: this one is brought up
    ok(dialog)
    assert dialog.tabs.currentWidget() is page
    assert shown_errors(page) == {"vat_rate"}
    viewport = page.scroll_area.viewport()
    for widget in (page.vat_rate, page.errors["vat_rate"]):
        place = widget.rect().translated(widget.mapTo(viewport, widget.rect().topLeft()))
        assert viewport.rect().contains(place), widget
    assert page.scroll_area.verticalScrollBar().value() > 0
    assert load_seller(db)[0].vat_rate is None


def test_tab_goes_down_the_page(dialog):
    page = dialog.business
    content = page.scroll_area.widget()
    fields = set(page.fields.values()) | set(page.remove_buttons.values())
    seen: list[QWidget] = []
    widget = page.currency_code
    while widget not in seen[:1]:
        if widget in fields:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert len(seen) == len(fields)
    tops = [w.mapTo(content, w.rect().topLeft()) for w in seen]
    assert [(p.y(), p.x()) for p in tops] == sorted((p.y(), p.x()) for p in tops)
