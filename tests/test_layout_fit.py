"""Every page of the demo fits small laptop screens (1366×768, 1280×720, 1024×700, each also at 125, 150 and 200 %
scaling, as logical sizes: the window size divided by the scale) in Polish and English: no horizontal scroll bar, no
widget reaching past the right edge, the navigation and the save status inside the window. One window per language
is resized through the whole matrix. `--screenshot --size --scale` is run once in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from forms.demo import make_demo
from forms.loader import load_form
from tests import ui_lang
from tests.conftest import store
from ui.session import Session

pytestmark = pytest.mark.usefixtures("no_modal_dialogs")
language = ui_lang.language  # the fixture: every test taking `language` runs in Polish and in English

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1280, 720), (1024, 700))
SCALES = (1.0, 1.25, 1.5, 2.0)


def demo_window(qtbot, repo):
    from ui.wizard.window import WizardWindow

    app_id = store(repo, make_demo(load_form("kkk-2019")), "Demo")
    w = WizardWindow(Session(repo, app_id))
    qtbot.addWidget(w)
    w.show()
    return w


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def overflowing(page: QWidget) -> list[str]:
    """Visible widgets of the page that reach past the right edge of what the page shows."""
    if isinstance(page, QScrollArea):
        area, root = page.viewport(), page.widget()
    else:
        area, root = page, page
    right = area.mapToGlobal(QPoint(area.width(), 0)).x()
    out = []
    for child in [root, *root.findChildren(QWidget)]:
        if not child.isVisible() or child.width() == 0 or child.window() is not page.window():
            continue
        if child.parentWidget() is not None and child.parentWidget().inherits("QAbstractScrollArea"):
            continue  # a table's own viewport and scroll bars scroll inside the table
        edge = child.mapToGlobal(QPoint(child.width(), 0)).x()
        if edge > right + 1:
            out.append(f"{type(child).__name__} {child.objectName()!r} {edge - right}px")
    return out


def inside(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


def test_every_page_fits_every_size_and_scale(qtbot, repo, language):
    w = demo_window(qtbot, repo)
    failures: list[str] = []
    for width, height in SIZES:
        for scale in SCALES:
            size = (round(width / scale), round(height / scale))
            w.resize(*size)
            settle()
            where = f"{width}x{height}@{scale:g} ({size[0]}x{size[1]}) {language}"
            if (w.width(), w.height()) != size:
                failures.append(f"{where}: the window cannot be that small ({w.width()}x{w.height()})")
                continue
            for page_id in w.page_ids():
                w.show_page(page_id)
                settle()
                page = w.stack.currentWidget()
                if isinstance(page, QScrollArea) and page.horizontalScrollBar().maximum() > 0:
                    failures.append(f"{where} {page_id}: horizontal scroll bar")
                wide = overflowing(page)
                if wide:
                    failures.append(f"{where} {page_id}: past the edge: {wide[:3]}")
                for name in ("back_button", "next_button", "save_label", "problem_label"):
                    if not inside(w, getattr(w, name)):
                        failures.append(f"{where} {page_id}: {name} not visible")
    assert not failures, "\n".join(failures[:20])


def test_window_opens_inside_the_available_screen(qtbot, repo):
    w = demo_window(qtbot, repo)
    area = w.screen().availableGeometry()
    assert area.contains(w.frameGeometry()) or (w.width() <= area.width() and w.height() <= area.height())


def test_geometry_is_remembered_per_screen(qtbot, repo):
    from ui.layout import screen_key

    w = demo_window(qtbot, repo)
    assert w._geometry_name() == f"wizard/{screen_key(w)}"
    assert screen_key(w).endswith(f"{w.screen().availableGeometry().width()}x{w.screen().availableGeometry().height()}")


def test_screenshots_at_a_size_and_scale(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KLASTER_SETTINGS_DIR=str(tmp_path / "settings"))
    out = tmp_path / "shots"
    proc = subprocess.run(
        [sys.executable, "main.py", "--demo", "--screenshot", str(out), "--size", "1024x700", "--scale", "1.25"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    shots = sorted(out.glob("*.png"))
    assert len(shots) >= 10  # the start window and every page
    for shot in shots:
        image = QImage(str(shot))
        assert abs(image.width() - 1024) <= 2 and abs(image.height() - 700) <= 2, (shot.name, image.size())
