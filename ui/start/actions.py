"""What the start window does with an application: create, duplicate, renew, delete, import and export.

`ApplicationActions` works on the window's selected application and its repository; every dialog goes through
`ui.start.dialogs`, so tests replace them there. The forms and models are imported where used: this module is
imported before the start window is shown, before the database is opened.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from ui.start import dialogs

if TYPE_CHECKING:
    from models.repository import ApplicationInfo, Repository
    from ui.start.window import StartWindow

log = logging.getLogger(__name__)

KKK_FILTER = "kkk.json"
# What a renewal (odnowienie) carries over from the earlier application: whole parts by their key prefix
# (the cluster, its coordinator and contact person, the member register, human resources) plus every descriptive
# text of the other areas (found from the definition: the `longtext` fields).
RENEWAL_PARTS = frozenset({"cluster", "coordinator", "contact", "members", "hr"})


def renewal_carried(form_id: str) -> set[str]:
    """What a renewal within the same round keeps (one answer, in `forms.renewal`, shared with the command line)."""
    from forms import renewal

    return renewal.renewal_carried(form_id)


def show_renewal_report(parent, report) -> None:
    """The report of a renewal into a new round, not modal (the new draft is already there); tests replace it."""
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("ApplicationActions", "Raport odnowienia")
    box = QMessageBox(QMessageBox.Icon.Information, title, "", parent=parent)
    box.setText(
        QCoreApplication.translate(
            "ApplicationActions",
            "Przeniesiono: {carried}, pod innym kluczem lub uzupełniono: {mapped}, nie przeniesiono: {dropped}, "
            "nowe wymagane pozycje: {required}. Szczegóły poniżej (PDF: main.py renew ID --round R --pdf PLIK).",
        ).format(
            carried=len(report.carried),
            mapped=len(report.mapped),
            dropped=len(report.dropped),
            required=len(report.newly_required),
        )
    )
    box.setDetailedText("\n".join(report.lines()))
    box.open()


def export_file_name(name: str, app_id: int) -> str:
    """A file name for an application's export: its name without characters file systems refuse."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name).strip(" .")
    stem = " ".join(stem.split())[:80] or QCoreApplication.translate("ApplicationActions", "wniosek-{id}").format(
        id=app_id
    )
    return f"{stem}.kkk.json"


class ApplicationActions(QObject):
    def __init__(self, window: StartWindow) -> None:
        super().__init__(window)
        self.window = window

    # Helpers -----------------------------------------------------------------------------------
    @property
    def repo(self) -> Repository:
        return self.window.repo

    def _selected_info(self) -> ApplicationInfo | None:
        from models.repository import RepositoryError

        app_id = self.window.selected_id()
        if app_id is None:
            return None
        try:
            return self.repo.info(app_id)
        except RepositoryError:
            self.window.refresh()
            return None

    def _fail(self, title: str, exc: BaseException) -> None:
        dialogs.report_failure(self.window, title, exc)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # Actions -----------------------------------------------------------------------------------
    def new_application(self) -> int | None:
        from forms.loader import DefinitionError, load_form
        from models.db import StorageError
        from models.repository import RepositoryError

        result = dialogs.ask_new_application(self.window, self._renewal_sources())
        if result is None:
            return None
        form_id, kind, name, source_id, round_name = result
        if source_id is not None:  # a renewal of an application in the database: the one renewal path
            try:
                source = self.repo.info(source_id)
            except RepositoryError as exc:
                self._fail(self.tr("Nie można utworzyć odnowienia"), exc)
                return None
            new_id = self.renew_application(source, form_id, confirm=False)
            if new_id is not None:
                self.window.open_application(new_id)
            return new_id
        try:
            app_id = self.repo.create(form_id, name, kind)
            definition = load_form(form_id)
            if name and definition.has_field("cluster.name"):
                self.repo.set_value(app_id, "cluster.name", name)
            if round_name and definition.has_field("meta.round"):
                self.repo.set_value(app_id, "meta.round", round_name)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można utworzyć wniosku"), exc)
            return None
        self.window.refresh(app_id)
        self.window.open_application(app_id)
        return app_id

    def duplicate_selected(self) -> int | None:
        from forms.loader import DefinitionError
        from models.db import StorageError
        from models.repository import RepositoryError

        info = self._selected_info()
        if info is None:
            return None
        self.window.flush(info.id)
        try:
            new_id = self.repo.duplicate(info.id)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można zduplikować wniosku"), exc)
            return None
        self.window.refresh(new_id)
        self._status(self.tr("Utworzono kopię wniosku „{name}”.").format(name=info.name))
        return new_id

    def _renewal_sources(self) -> list[tuple[int, str]]:
        """The applications a renewal may start from, newest first: "name (konkurs 2019, sfinalizowany)"."""
        from forms.loader import DefinitionError, load_form
        from models.repository import FINAL

        out = []
        for info in sorted(self.repo.list_applications(), key=lambda i: i.updated_at, reverse=True):
            try:
                year = load_form(info.form_id).round_year
            except DefinitionError:
                continue
            state = self.tr("sfinalizowany") if info.state == FINAL else self.tr("roboczy")
            label = self.tr("{name} (konkurs {year}, wersja {version}, {state})").format(
                name=info.name or self.tr("(bez nazwy)"), year=year, version=info.version_no, state=state
            )
            out.append((info.id, label))
        return out

    def renew_selected(self) -> int | None:
        from forms.loader import DEFAULT_FORM

        info = self._selected_info()
        if info is None:
            return None
        return self.renew_application(info, DEFAULT_FORM)

    def renew_application(self, info: ApplicationInfo, form_id: str, confirm: bool = True) -> int | None:
        """Odnowienie, the one way to renew (as `renew ID --round R`): into another round with its report, or
        within the same round keeping the parts a renewal keeps. `confirm=False` when the user has just asked
        for it in the new-application dialog."""
        from forms.loader import DefinitionError
        from models.db import StorageError
        from models.repository import RepositoryError

        name = info.name or self.tr("(bez nazwy)")
        if info.form_id != form_id:
            return self._round_named(self._renew_into(info, name, form_id, confirm), form_id)
        text = self.tr(
            "Utworzyć wniosek o odnowienie statusu na podstawie wniosku „{name}”?\n\n"
            "Zostaną przeniesione: dane klastra, koordynatora i osoby do kontaktu, rejestr członków, "
            "zasoby ludzkie oraz opisy. Rok odniesienia, dane finansowe, tabele pozostałych obszarów, "
            "załączniki, oświadczenia i podpis trzeba uzupełnić na nowo."
        ).format(name=name)
        title = self.tr("Odnowienie statusu")
        if confirm and not dialogs.ask_confirm(self.window, title, text, self.tr("Utwórz odnowienie")):
            return None
        self.window.flush(info.id)
        try:
            new_id = self.repo.renew(info.id, renewal_carried(info.form_id))
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można utworzyć odnowienia"), exc)
            return None
        self._round_named(new_id, form_id)
        self.window.refresh(new_id)
        self._status(self.tr("Utworzono wniosek o odnowienie statusu."))
        return new_id

    def _round_named(self, app_id: int | None, form_id: str) -> int | None:
        """„Runda konkursu” of a new draft: the round it was started on (a renewal never keeps the old one)."""
        from forms.loader import load_form
        from ui.dialogs.new_application import round_value

        if app_id is not None and load_form(form_id).has_field("meta.round"):
            if not self.repo.load(app_id).get("meta.round"):
                self.repo.set_value(app_id, "meta.round", round_value(form_id))
        return app_id

    def _renew_into(self, info: ApplicationInfo, name: str, form_id: str, confirm: bool = True) -> int | None:
        """Odnowienie w nowej rundzie: a draft on the newest round's form, with the report of what carried."""
        from forms.loader import DefinitionError
        from models.db import StorageError
        from models.repository import RepositoryError

        text = self.tr(
            "Utworzyć wniosek o odnowienie statusu w rundzie {new} na podstawie wniosku „{name}” (runda {old})?\n\n"
            "Status trwa trzy lata, więc odnowienie składa się na formularzu rundy otwartej teraz. Program przeniesie "
            "wszystko, co ma swoje miejsce w nowym formularzu; czego nie da się przenieść (np. pozycje listy KIS "
            "z innej listy, dane członków za poprzedni rok odniesienia, oświadczenia i podpis), wypisze w raporcie "
            "razem z dotychczasową treścią."
        ).format(new=form_id, name=name, old=info.form_id)
        if confirm and not dialogs.ask_confirm(
            self.window, self.tr("Odnowienie w nowej rundzie"), text, self.tr("Utwórz odnowienie")
        ):
            return None
        self.window.flush(info.id)
        try:
            new_id, report = self.repo.renew_into(info.id, form_id)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(self.tr("Nie można utworzyć odnowienia"), exc)
            return None
        self.window.refresh(new_id)
        self.last_renewal_report = report
        self._status(self.tr("Utworzono wniosek o odnowienie statusu w rundzie {new}.").format(new=form_id))
        show_renewal_report(self.window, report)
        return new_id

    def delete_selected(self) -> bool:
        from models.db import StorageError
        from models.repository import FINAL, RepositoryError

        info = self._selected_info()
        if info is None:
            return False
        name = info.name or self.tr("(bez nazwy)")
        if info.id in self.window.wizards:
            dialogs.show_error(
                self.window,
                self.tr("Usuwanie wniosku"),
                self.tr("Wniosek „{name}” jest otwarty. Zamknij jego okno i spróbuj ponownie.").format(name=name),
            )
            return False
        text = self.tr(
            "Usunąć wniosek „{name}” (wersja {version}, {state})?\n\n"
            "Przed usunięciem program zapisze kopię zapasową bazy (Plik › Kopie zapasowe…), "
            "więc wniosek będzie można odzyskać."
        ).format(
            name=name,
            version=info.version_no,
            state=self.tr("sfinalizowany") if info.state == FINAL else self.tr("roboczy"),
        )
        if not dialogs.ask_confirm(self.window, self.tr("Usuwanie wniosku"), text, self.tr("Usuń")):
            return False
        try:
            self.repo.delete(info.id)
        except (RepositoryError, StorageError, OSError) as exc:
            self._fail(self.tr("Nie można usunąć wniosku"), exc)
            return False
        self.window.refresh()
        self._status(self.tr("Usunięto wniosek „{name}”.").format(name=name))
        return True

    def import_file(self, path: Path | None = None) -> int | None:
        from export import kkk_json
        from forms.loader import DefinitionError
        from models.db import StorageError
        from models.repository import RepositoryError

        if path is None:
            path = dialogs.choose_open_file(
                self.window,
                self.tr("Importuj wniosek"),
                self.tr("Wniosek KKK (*.kkk.json *.json);;Wszystkie pliki (*)"),
            )
        if path is None:
            return None
        title = self.tr("Nie można zaimportować pliku")
        try:
            doc = kkk_json.read(path)  # fully read and validated before the database is touched
        except kkk_json.KkkFileError as exc:
            shown = exc.problems[:8]
            more = len(exc.problems) - len(shown)
            lines = "\n".join(f"• {p}" for p in shown)
            text = self.tr("Plik {file} nie został zaimportowany; baza pozostała bez zmian.\n\n{lines}").format(
                file=Path(path).name, lines=lines
            )
            if more > 0:
                text += "\n" + self.tr("…i {n} innych problemów.").format(n=more)
            log.warning("import rejected: %s", exc)
            dialogs.show_error(self.window, title, text, "\n".join(exc.problems) if more > 0 else None)
            return None
        fallback = Path(path).name.removesuffix(".json").removesuffix(".kkk")
        try:
            self.repo.backup("import")
            app_id, told = self.repo.import_document(doc, fallback)
        except (RepositoryError, DefinitionError, StorageError) as exc:
            self._fail(title, exc)
            return None
        self.window.refresh(app_id)
        self._status(self.tr("Zaimportowano plik {file}.").format(file=Path(path).name))
        if told:  # written for an older version of the form: say what now means what, to be checked
            from ui.i18n import current_language

            lang = current_language()
            dialogs.show_error(self.window, self.tr("Importuj wniosek"), "\n\n".join(t.get(lang) for t in told))
        return app_id

    def export_selected(self, path: Path | None = None) -> Path | None:
        from export import kkk_json
        from forms.loader import DefinitionError
        from models.repository import RepositoryError

        info = self._selected_info()
        if info is None:
            return None
        if path is None:
            path = dialogs.choose_save_file(
                self.window,
                self.tr("Eksportuj wniosek"),
                Path.home() / export_file_name(info.name, info.id),
                self.tr("Wniosek KKK (*.kkk.json)"),
            )
        if path is None:
            return None
        path = Path(path)
        if not path.name.lower().endswith(".json"):
            path = path.with_name(path.name + ".kkk.json")
        self.window.flush(info.id)
        try:
            kkk_json.write(self.repo.load(info.id), path)
        except OSError as exc:
            self._fail(
                self.tr("Nie można zapisać pliku"),
                OSError(self.tr("Nie można zapisać pliku {file} ({why}).").format(file=path, why=exc.strerror or exc)),
            )
            return None
        except (RepositoryError, DefinitionError) as exc:
            self._fail(self.tr("Nie można zapisać pliku"), exc)
            return None
        self._status(self.tr("Zapisano {file}.").format(file=path))
        return path
