"""The Russian translation ships compiled, loads, and the menus read in Russian."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

import app
from ui import settings as options
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.translation import catalogue_sources, install_translation

QM = Path(app.__file__).resolve().parent / "resources" / "translations" / "lavka_ru.qm"


def test_every_message_in_the_code_is_translated(tmp_path):
    """lupdate over today's code, into a copy of the shipped source: nothing new, nothing
    unfinished (a string added without its Russian fails here, not in front of Ivan)."""
    copy = tmp_path / "lavka_ru.ts"
    shutil.copy(QM.with_suffix(".ts"), copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(path) for path in catalogue_sources()]
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    text = copy.read_text(encoding="utf-8")
    assert text.count("<source>") > 150
    untranslated = re.findall(r'<source>(.*?)</source>\s*<translation type="unfinished"', text)
    assert untranslated == []


def test_russian_menus_and_plural_forms(qtbot, qapp, db, tmp_path):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    try:
        window = MainWindow(
            db, Formatter(QLocale(QLocale.Language.Russian), "₽"), QSettings(str(tmp_path / "s"))
        )
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Файл", "&Правка", "&Вид", "&Справка"]
        assert window.sidebar.item(0).text() == "Сегодня"
        assert window.sidebar.item(1).text() == "Клиенты"
        plural = [
            QCoreApplication.translate("OrdersView", "%n order(s)", None, n) for n in (1, 3, 5)
        ]
        assert plural == ["1 заказ", "3 заказа", "5 заказов"]
    finally:
        qapp.removeTranslator(translator)


def test_language_setting_chooses_russian(qapp, monkeypatch):
    installed = []
    monkeypatch.setattr(qapp, "installTranslator", lambda t: installed.append(t) or True)
    options.LANGUAGE.set(options.user_settings(), "ru")
    default_locale = QLocale()
    try:
        install_translation(qapp)
        assert installed, "the Russian translation was not installed"
    finally:
        options.LANGUAGE.set(options.user_settings(), "")
        QLocale.setDefault(default_locale)
