"""Layout helpers that keep every page inside small laptop screens: a flow layout for rows of buttons that wrap
instead of widening the page (Qt's "Flow Layout" example), a wrapped title label for group boxes (a QGroupBox title
never wraps), and a window size and position that fit the available screen, remembered per screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QWidget

SCREEN_SHARE = 0.95  # of the available screen a window takes at most when it opens


class FlowLayout(QLayout):
    """Items laid out left to right, wrapping to the next line when the width runs out; items added with
    `add_stretch()` before them go to the right end of their line (like a stretch in a QHBoxLayout)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from: int | None = None  # items from this index on are right-aligned
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add_stretch(self) -> None:
        self._right_from = len(self._items)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(len(self._visible()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width + 24, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _do_layout(self, rect: QRect, apply: bool) -> int:
        lines: list[list[tuple[QLayoutItem, QSize, bool]]] = [[]]
        x = 0
        for index, item in enumerate(self._items):
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            right = self._right_from is not None and index >= self._right_from
            if lines[-1] and x + hint.width() > rect.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint, right))
            x += hint.width() + self._spacing
        y = rect.y()
        for line in lines:
            if not line:
                continue
            height = max(h.height() for _i, h, _r in line)
            if apply:
                left = [(i, h) for i, h, r in line if not r]
                right = [(i, h) for i, h, r in line if r]
                x = rect.x()
                for item, hint in left:
                    item.setGeometry(QRect(QPoint(x, y), QSize(min(hint.width(), rect.width()), height)))
                    x += hint.width() + self._spacing
                x = rect.right() + 1
                for item, hint in reversed(right):
                    x -= hint.width()
                    item.setGeometry(QRect(QPoint(max(x, rect.x()), y), QSize(min(hint.width(), rect.width()), height)))
                    x -= self._spacing
            y += height + self._spacing
        return y - rect.y() - self._spacing


def wrapped_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold, wrapping title (what a QGroupBox's own title cannot do)."""
    label = QLabel(text, parent)
    label.setObjectName("groupTitle")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def screen_key(widget: QWidget) -> str:
    """A name for the screen a window is on, with its available size: geometry is remembered per screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return "none"
    area = screen.availableGeometry()
    name = "".join(ch if ch.isalnum() else "_" for ch in (screen.name() or "screen"))
    return f"{name}_{area.width()}x{area.height()}"


def fit_to_screen(widget: QWidget, preferred: tuple[int, int]) -> None:
    """Resize to `preferred` (or less, to fit the available screen) and centre on the screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(*preferred)
        return
    area = screen.availableGeometry()
    width = min(preferred[0], int(area.width() * SCREEN_SHARE))
    height = min(preferred[1], int(area.height() * SCREEN_SHARE))
    widget.resize(width, height)
    frame = widget.frameGeometry()
    frame.moveCenter(area.center())
    widget.move(frame.topLeft())


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a (restored) window so that it lies inside the available screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    geometry = widget.geometry()
    if area.contains(geometry):
        return
    width, height = min(geometry.width(), area.width()), min(geometry.height(), area.height())
    widget.resize(width, height)
    x = min(max(geometry.x(), area.left()), area.right() - width + 1)
    y = min(max(geometry.y(), area.top()), area.bottom() - height + 1)
    widget.move(x, y)
