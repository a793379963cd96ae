"""„Połącz z bazą zespołu…”: a team database (PostgreSQL) chosen from a saved list or entered anew.

The list keeps addresses only (`postgresql://user@host:port/dbname?sslmode=…`, never a password); a password typed
here goes to the system keyring (`models.backend.store_password`) when "Zapamiętaj hasło" is ticked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from models.backend import display_url, is_url, parse_url, store_password

SETTINGS_KEY = "team/connections"
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "disable")


def saved_connections() -> list[str]:
    value = QSettings().value(SETTINGS_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [str(v) for v in items if is_url(str(v))]


def remember_connection(url: str) -> None:
    """Put an address (without its password) first on the saved list."""
    clean = str(display_url(url))
    items = [clean] + [u for u in saved_connections() if u != clean]
    QSettings().setValue(SETTINGS_KEY, items[:10])


def build_url(user: str, host: str, port: int, dbname: str, sslmode: str) -> str:
    from urllib.parse import quote

    text = f"postgresql://{quote(user, safe='')}@{host}:{port}/{quote(dbname, safe='')}"
    return text + (f"?sslmode={sslmode}" if sslmode and sslmode != "prefer" else "")


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Połącz z bazą zespołu"))
        form = QFormLayout(self)
        self.saved = QComboBox(self)
        self.saved.addItem(self.tr("(nowe połączenie)"), "")
        for url in saved_connections():
            self.saved.addItem(url, url)
        self.saved.currentIndexChanged.connect(self._fill)
        form.addRow(self.tr("&Zapisane:"), self.saved)
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.dbname = QLineEdit("klaster", self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("Zapamiętaj hasło w systemowym magazynie haseł"), self)
        self.ssl = QComboBox(self)
        self.ssl.addItems(SSL_MODES)
        form.addRow(self.tr("&Serwer:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Baza:"), self.dbname)
        form.addRow(self.tr("&Użytkownik:"), self.user)
        form.addRow(self.tr("&Hasło:"), self.password)
        form.addRow("", self.keep)
        form.addRow(self.tr("S&zyfrowanie (sslmode):"), self.ssl)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if self.saved.count() > 1:
            self.saved.setCurrentIndex(1)

    def _fill(self) -> None:
        url = self.saved.currentData()
        if not url:
            return
        p = parse_url(url)
        self.host.setText(str(p.get("host") or "localhost"))
        self.port.setValue(int(p.get("port") or 5432))
        self.dbname.setText(p.get("dbname") or "")
        self.user.setText(p.get("user") or "")
        self.ssl.setCurrentText(p.get("sslmode") or "prefer")

    def url(self) -> str:
        return build_url(
            self.user.text().strip(),
            self.host.text().strip(),
            self.port.value(),
            self.dbname.text().strip(),
            self.ssl.currentText(),
        )


def connect_dialog(window: Any) -> bool:
    """Ask for a team database and show it in the start window (`window.use_database`). True when opened."""
    from models.faults import StorageError
    from ui.start.handle import open_handle

    dialog = ConnectDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    url = dialog.url()
    if dialog.password.text():
        if dialog.keep.isChecked():
            try:
                store_password(url, dialog.password.text())
            except Exception as exc:  # noqa: BLE001 - no keyring on this system: the password is used once
                QMessageBox.warning(window, dialog.windowTitle(), dialog.tr("Nie zapamiętano hasła: {e}").format(e=exc))
        from urllib.parse import quote

        opened_with = url.replace("@", ":" + quote(dialog.password.text(), safe="") + "@", 1)
    else:
        opened_with = url
    if getattr(window, "wizards", None):
        QMessageBox.warning(window, dialog.windowTitle(), dialog.tr("Zamknij najpierw otwarte okna wniosków."))
        return False
    try:
        handle = open_handle(opened_with)
    except StorageError as exc:
        QMessageBox.critical(window, dialog.windowTitle(), str(exc))
        return False
    remember_connection(url)
    window.use_database(handle)
    return True
