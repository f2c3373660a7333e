"""The strip under the board: how many orders of the period reached each stage and were won."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from services.funnel import Conversion
from ui.formatting import Formatter
from ui.widgets.flow import FlowRows
from ui.widgets.tables import text_width


class ConversionStrip(QWidget):
    """A block per open stage ("New reached 973 → won 952 (97,8 %)") and one for all the
    period's orders, won, lost and conversion; the blocks wrap into rows on a narrow window."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self.flow = FlowRows(self, spacing=16)
        self.flow.setContentsMargins(0, 2, 0, 0)
        self.heading = QLabel(self.tr("Conversion by stage:"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.flow.add(self.heading, text_width(self.heading, self.heading.text()) + 4)
        self.blocks: list[tuple[QLabel, QLabel]] = []  # (title, figures), stages then total

    def show_conversion(self, result: Conversion) -> None:
        fmt = self._formatter
        texts = [
            (
                f"{stage.name}:",
                self.tr("reached %1 → won %2 (%3)")
                .replace("%1", fmt.integer(stage.reached))
                .replace("%2", fmt.integer(stage.won))
                .replace("%3", fmt.percent(stage.rate)),
            )
            for stage in result.stages
        ]
        texts.append(
            (
                self.tr("All orders:"),
                self.tr("orders %1 · won %2 · lost %3 · conversion %4")
                .replace("%1", fmt.integer(result.orders))
                .replace("%2", fmt.integer(result.won))
                .replace("%3", fmt.integer(result.lost))
                .replace("%4", fmt.percent(result.rate)),
            )
        )
        while len(self.blocks) < len(texts):
            self.blocks.append(self._block())
        for n, (title, figures) in enumerate(self.blocks):
            block = self._block_of(title)
            if n >= len(texts):  # a stage fewer than before (one was removed in the settings)
                block.hide()
                continue
            name, said = texts[n]
            title.setText(name)
            figures.setText(said)
            least = text_width(title, name) + text_width(figures, said) + 8
            self.flow.set_least_width(block, least)
            block.show()

    def texts(self) -> list[str]:
        """Each block as "title: figures", in order (what tests and a screen reader read)."""
        return [
            f"{title.text()} {figures.text()}"
            for title, figures in self.blocks
            if self._block_of(title).isVisibleTo(self)
        ]

    def _block(self) -> tuple[QLabel, QLabel]:
        block = QWidget(self)
        title, figures = QLabel(), QLabel()
        layout = QHBoxLayout(block)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(figures)
        layout.addStretch(1)
        self.flow.add(block, 1)  # its least width is set with its text
        return title, figures

    @staticmethod
    def _block_of(title: QLabel) -> QWidget:
        block = title.parentWidget()
        assert block is not None  # _block() lays each title out in its block
        return block
