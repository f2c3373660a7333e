"""The Qt binding Lavka runs on keeps Python's reference counts straight."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget

CALLS = 1000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_qt_calls_that_return_nothing_keep_nones_reference_count(qtbot):
    # PySide6 6.12.0 lost a reference to None at each such call; on Python 3.11 the window then
    # aborted after a few thousand paints ("none_dealloc"). pyproject.toml pins it out.
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.update()
        widget.setEnabled(True)
    assert sys.getrefcount(None) - before > -CALLS // 10
