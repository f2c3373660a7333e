"""Lavka's line icons (resources/icons/), drawn in the theme's colours."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent.parent / "resources" / "icons"


def line_icon(name: str, palette: QPalette, size: int = 20) -> QIcon:
    """The line icon resources/icons/<name>.svg (name "sections/today"), drawn in
    `currentColor`, in the palette's colours: its text colour, and the highlighted text
    colour when selected, so it reads on a light and on a dark theme. A null icon when the
    file is missing."""
    try:
        source = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    icon = QIcon()
    for mode, role in (
        (QIcon.Mode.Normal, QPalette.ColorRole.Text),
        (QIcon.Mode.Selected, QPalette.ColorRole.HighlightedText),
        (QIcon.Mode.Active, QPalette.ColorRole.Text),
    ):
        colour = palette.color(QPalette.ColorGroup.Active, role).name()
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode()))
        if not renderer.isValid():
            return QIcon()
        for scale in (1, 2):  # sharp on a HiDPI screen too
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap, mode)
    return icon
