"""A fixture for GUI tests that run in both languages: the translators installed as ui/app.py installs them, the
previous state restored afterwards. Import `language` into a test module to use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale


@pytest.fixture(params=["pl", "en"])
def language(request, qapp):
    from ui.i18n import install_translators

    before = list(getattr(qapp, "_klaster_translators", []))
    previous = getattr(qapp, "_klaster_language", "pl")
    old_locale = QLocale()
    install_translators(qapp, request.param)
    yield request.param
    for t in getattr(qapp, "_klaster_translators", []):
        qapp.removeTranslator(t)
    for t in before:
        qapp.installTranslator(t)
    qapp._klaster_translators = before
    qapp._klaster_language = previous
    QLocale.setDefault(old_locale)
