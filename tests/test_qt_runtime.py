"""Guards against known defects of the Qt binding we ship with."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox


class _EmptyModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 1

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_empty_values_from_qt_keep_the_reference_to_none(qapp):
    """PySide6 6.12.0 on Python 3.11 lost one reference to None per empty value returned by Qt, until the
    interpreter aborted ("none_dealloc"). The pinned version must not."""
    model = _EmptyModel()
    index = model.index(0, 0)
    combo = QComboBox()
    combo.addItem("— wybierz —")
    before = sys.getrefcount(None)
    for _ in range(500):
        index.data(Qt.ItemDataRole.UserRole)
        combo.currentData()
    assert sys.getrefcount(None) >= before - 5
