"""Back up to a USB stick, restore from a backup: the dialogs, the drives, the messages."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStorageInfo, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.backup import BackupInfo, list_backups, local_backup_folder
from services.restore import safety_folder
from ui import settings as options
from ui.widgets.fields import qt_datetime

LAST_TARGET = options.Option("backup/target", "")
KEEP = options.Option("backup/keep", 10)
FOLDER_NAME = "Lavka backups"  # made on the chosen drive, so the stick's other files stay apart
# Where each system mounts removable media; QStorageInfo cannot tell a stick from a disk.
REMOVABLE_ROOTS = {"linux": ("/media/", "/run/media/", "/mnt/"), "darwin": ("/Volumes/",)}
_PATH_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Drive:
    name: str
    root: Path
    free: int  # bytes

    @property
    def folder(self) -> Path:
        return self.root / FOLDER_NAME


def removable_drives(volumes: list[QStorageInfo] | None = None) -> list[Drive]:
    """Mounted, writable volumes where the platform puts removable media (on Windows: every
    drive but the system one, since USB sticks get a letter of their own)."""
    volumes = QStorageInfo.mountedVolumes() if volumes is None else volumes
    system = Path(QStorageInfo.root().rootPath())
    found = []
    for volume in volumes:
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            removable = Path(root) != system
        else:
            prefixes = REMOVABLE_ROOTS.get(sys.platform, REMOVABLE_ROOTS["linux"])
            removable = root.startswith(prefixes)
        if removable:
            name = volume.displayName() or Path(root).name or root
            found.append(Drive(name, Path(root), volume.bytesAvailable()))
    return found


def size_text(size: int) -> str:
    """`492 KB`, `1,2 GB`: the units people see in their file manager."""
    traditional = QLocale.DataSizeFormat.DataSizeTraditionalFormat
    return QLocale().formattedDataSize(size, 1, traditional)


def when_text(info: BackupInfo) -> str:
    return QLocale().toString(qt_datetime(info.taken_at), QLocale.FormatType.ShortFormat)


class BackupTargetDialog(QDialog):
    """Where to back up: a removable drive, the last folder used, or any folder."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backup", "Back up"))
        self.setMinimumWidth(560)
        self._settings = settings
        self.targets = QListWidget()
        self.keep = QSpinBox()
        self.keep.setRange(1, 999)
        self.keep.setValue(KEEP.get(settings))
        self.keep.setSuffix(QCoreApplication.translate("Backup", " newest backups"))
        choose = QPushButton(QCoreApplication.translate("Backup", "Choose folder…"))
        choose.clicked.connect(self.choose_folder)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(
            QCoreApplication.translate("Backup", "Back up now"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Backup", "Keep on the target:"), self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(QCoreApplication.translate("Backup", "Write a verified copy of all data to:"))
        )
        layout.addWidget(self.targets)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.targets.itemDoubleClicked.connect(lambda _item: self.accept())
        self.targets.currentRowChanged.connect(lambda row: self.ok.setEnabled(row >= 0))
        self._fill()

    def _fill(self) -> None:
        last = LAST_TARGET.get(self._settings)
        for drive in removable_drives():
            label = QCoreApplication.translate("Backup", "%1 — %2 free").replace("%1", drive.name)
            self._add(label.replace("%2", size_text(drive.free)), drive.folder)
        if last and Path(last) not in self.paths():
            self._add(
                QCoreApplication.translate("Backup", "Last used: %1").replace("%1", last),
                Path(last),
            )
        paths = self.paths()
        self.targets.setCurrentRow(paths.index(Path(last)) if Path(last) in paths else 0)
        self.ok.setEnabled(self.targets.currentRow() >= 0)

    def _add(self, label: str, folder: Path) -> None:
        item = QListWidgetItem(f"{label}\n{folder}")
        item.setData(_PATH_ROLE, str(folder))
        self.targets.addItem(item)

    def paths(self) -> list[Path]:
        return [Path(self.targets.item(i).data(_PATH_ROLE)) for i in range(self.targets.count())]

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("Backup", "Back up to folder")
        )
        if folder:
            self._add(QCoreApplication.translate("Backup", "Chosen folder"), Path(folder))
            self.targets.setCurrentRow(self.targets.count() - 1)

    def target(self) -> Path | None:
        item = self.targets.currentItem()
        return Path(item.data(_PATH_ROLE)) if item else None

    @classmethod
    def ask(cls, settings: QSettings, parent: QWidget | None = None) -> tuple[Path, int] | None:
        """The folder and how many backups to keep there; remembered for next time."""
        dialog = cls(settings, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target() is None:
            return None
        folder = dialog.target()
        assert folder is not None
        LAST_TARGET.set(settings, str(folder))
        KEEP.set(settings, dialog.keep.value())
        return folder, dialog.keep.value()


def backup_written_text(info: BackupInfo) -> str:
    counts = info.counts or {}
    return (
        QCoreApplication.translate(
            "Backup", "Backup written and verified:\n%1\n\n%2, %3\n%4 contacts, %5 orders, %6 lines"
        )
        .replace("%1", str(info.path))
        .replace("%2", size_text(info.size))
        .replace("%3", when_text(info))
        .replace("%4", str(counts.get("contacts", 0)))
        .replace("%5", str(counts.get("orders", 0)))
        .replace("%6", str(counts.get("shipments", 0)))
    )


class Notice:
    """Information and questions about backups (tests patch these instead of modal boxes)."""

    @staticmethod
    def inform(parent: QWidget | None, text: str) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("Backup", "Lavka"), text)

    @staticmethod
    def confirm(parent: QWidget | None, text: str) -> bool:
        answer = QMessageBox.question(parent, QCoreApplication.translate("Backup", "Lavka"), text)
        return answer == QMessageBox.StandardButton.Yes


class RestoreDialog(QDialog):
    """The backups found (newest first) with their date, size and counts, or any file."""

    COLUMNS = 5

    def __init__(self, folders: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backup", "Restore from backup"))
        self.resize(720, 380)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Backup", "Taken"),
                QCoreApplication.translate("Backup", "Size"),
                QCoreApplication.translate("Backup", "Contacts"),
                QCoreApplication.translate("Backup", "Orders"),
                QCoreApplication.translate("Backup", "Folder"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        choose = QPushButton(QCoreApplication.translate("Backup", "Choose file…"))
        choose.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(
            QCoreApplication.translate("Backup", "Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Backup", "Backups found; each is verified before it is restored."
                )
            )
        )
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.chosen: Path | None = None
        backups = [info for folder in folders for info in list_backups(folder, with_counts=True)]
        for info in sorted(backups, key=lambda b: b.taken_at, reverse=True):
            self._add(info)
        self.table.resizeColumnsToContents()
        if self.table.rowCount():
            self.table.selectRow(0)

    def _add(self, info: BackupInfo) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        counts = info.counts or {}
        values = (
            when_text(info),
            size_text(info.size),
            QLocale().toString(counts["contacts"]) if "contacts" in counts else "—",
            QLocale().toString(counts["orders"]) if "orders" in counts else "—",
            str(info.path.parent),
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(_PATH_ROLE, str(info.path))
            if column in (1, 2, 3):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("Backup", "Restore from backup"),
            "",
            QCoreApplication.translate("Backup", "Lavka backups (*.sqlite3);;All files (*)"),
        )
        if path:
            self.chosen = Path(path)
            super().accept()

    def accept(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        self.chosen = Path(item.data(_PATH_ROLE))
        super().accept()

    @classmethod
    def ask(cls, folders: list[Path], parent: QWidget | None = None) -> Path | None:
        dialog = cls(folders, parent)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


def backup_folders(db_path: Path, settings: QSettings) -> list[Path]:
    """Where backups of this database are looked for: the automatic ones, the copies saved
    before a restore, and the last backup target."""
    folders = [local_backup_folder(db_path), safety_folder(db_path)]
    if LAST_TARGET.get(settings):
        folders.append(Path(LAST_TARGET.get(settings)))
    return folders
