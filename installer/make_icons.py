"""Render resources/icons/lavka.svg into the PNG sizes of the Linux icon theme, a Windows .ico
and a macOS .icns. The outputs are committed; run this only after changing the SVG:

    .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 — QPainter needs one
    renderer = QSvgRenderer(str(ICONS / "lavka.svg"))
    if not renderer.isValid():
        print("lavka.svg could not be read", file=sys.stderr)
        return 1
    images = {}
    for size in SIZES:
        png = render(renderer, size)
        (ICONS / f"lavka-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png))
    images[256].save(ICONS / "lavka.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    images[512].save(ICONS / "lavka.icns")
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
