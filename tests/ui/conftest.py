"""What the window's tests share: the shipped Russian catalogue, installed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from ui.translation import CATALOGUE, FOLDER


@pytest.fixture
def russian(qapp):
    """The shipped Russian catalogue installed, as install_translation does for "ru"."""
    translator = QTranslator()
    assert translator.load(CATALOGUE, str(FOLDER))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
