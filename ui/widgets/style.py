"""The look the sections share: figures aligned right, the red of a loss (and of an error said
next to its field), the amber of a warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NEGATIVE = QColor("#c62828")  # a loss, and an error said next to its field
WARNING = "#b45309"  # amber: allowed, but worth a second look
