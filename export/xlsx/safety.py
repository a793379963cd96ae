"""Opening a workbook someone sent us without trusting it.

Before openpyxl parses anything: the file's size, its first bytes (an OLE2 container is an old `.xls` or a
password-protected workbook), the zip directory (a workbook at all? total uncompressed size and compression ratio,
so that a zip bomb is refused before it is inflated). Then openpyxl reads it with defusedxml (installed, so
openpyxl uses it), `read_only=True, data_only=True`, or, for the returned questionnaires, `lean_reader` (the same
values, with defusedxml too, without openpyxl's object model), and rows are iterated with limits on rows and columns.
Every failure is one `XlsxFileError` whose Polish message names the file (and the sheet, row and column where
that applies).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl.utils import get_column_letter

from export import Cancelled

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 250 * 1024 * 1024  # all members of the zip together, as declared in its directory
MAX_MEMBER = 200 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed, checked once the contents are larger than RATIO_FLOOR
RATIO_FLOOR = 8 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
MAX_ROWS = 20_000  # rows of one sheet (titles, headers, data, notes)
MAX_COLUMNS = 100  # columns read from a sheet; cells further right are ignored

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

# What a damaged part raises while it is read (a cut-off XML, a wrong CRC, a value no parser can take; defusedxml's
# refusals are ValueErrors): the file is refused as damaged, never a crash of the whole folder's reading.
READ_ERRORS = (
    ParseError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    OverflowError,
    OSError,
)

# Progress callback: (rows done, rows expected or 0) -> False to cancel.
Progress = Callable[[int, int], bool]


class XlsxFileError(Exception):
    """A workbook that cannot be taken; the message is Polish and names the file (and place where it applies)."""

    def __init__(
        self,
        file_name: str,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
    ) -> None:
        self.file_name = file_name
        self.reason = message
        self.sheet, self.row, self.column = sheet, row, column
        place = []
        if sheet:
            place.append(f"arkusz „{sheet}”")
        if row is not None:
            place.append(f"wiersz {row}")
        if column is not None:
            place.append(f"kolumna {get_column_letter(column)}")
        where = f" ({', '.join(place)})" if place else ""
        super().__init__(f"plik „{file_name}”{where}: {message}")


@dataclass(frozen=True)
class WorkbookBytes:
    """The bytes of a checked workbook with its name and SHA-256 (the provenance of imported rows)."""

    path: Path
    data: bytes
    sha256: str

    @property
    def file_name(self) -> str:
        return self.path.name


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _classify_ole2(name: str, data: bytes) -> XlsxFileError:
    if ENCRYPTED_MARK in data[: 1024 * 1024] or ENCRYPTED_MARK in data[-1024 * 1024 :]:
        return XlsxFileError(
            name,
            "skoroszyt jest zabezpieczony hasłem; otwórz go w Excelu, usuń hasło (Plik › Informacje › "
            "Chroń skoroszyt) i zapisz ponownie jako .xlsx",
        )
    return XlsxFileError(
        name,
        "to plik w starym formacie Excel 97-2003 (.xls); otwórz go w Excelu lub LibreOffice i zapisz "
        "jako „Skoroszyt programu Excel (.xlsx)”",
    )


def check_zip_directory(name: str, archive: zipfile.ZipFile, compressed_size: int) -> None:
    """Refuse a zip that is not a workbook or would inflate to far more than it weighs (before reading it)."""
    infos = archive.infolist()
    names = {i.filename for i in infos}
    if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
        raise XlsxFileError(name, "to arkusz LibreOffice (.ods); zapisz go jako .xlsx")
    if "xl/workbook.bin" in names:
        raise XlsxFileError(name, "to skoroszyt binarny Excela (.xlsb); zapisz go jako zwykły .xlsx")
    if "xl/workbook.xml" not in names:
        raise XlsxFileError(name, "to archiwum zip, ale nie skoroszyt Excel (.xlsx)")
    if len(infos) > MAX_ZIP_ENTRIES:
        raise XlsxFileError(name, f"skoroszyt zawiera {len(infos)} części; dozwolone najwyżej {MAX_ZIP_ENTRIES}")
    total = 0
    for info in infos:
        if info.file_size > MAX_MEMBER:
            raise XlsxFileError(
                name,
                f"część „{info.filename}” rozpakowuje się do {_mb(info.file_size)}; to nie wygląda na "
                f"zwykły skoroszyt (dozwolone najwyżej {_mb(MAX_MEMBER)})",
            )
        total += info.file_size
    if total > MAX_UNCOMPRESSED:
        raise XlsxFileError(
            name,
            f"po rozpakowaniu skoroszyt zająłby {_mb(total)}; dozwolone najwyżej {_mb(MAX_UNCOMPRESSED)} "
            "(plik może być „bombą zip”)",
        )
    if total > RATIO_FLOOR and total > MAX_RATIO * max(compressed_size, 1):
        raise XlsxFileError(
            name,
            f"skoroszyt rozpakowuje się {total // max(compressed_size, 1)} razy (dozwolone najwyżej "
            f"{MAX_RATIO}); plik może być „bombą zip”",
        )
    for info in infos:  # a workbook's XML never declares a DTD: entities there are an attack, whatever parser
        if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info):
            raise dtd_refused(name, info.filename)


def dtd_refused(name: str, part: str) -> XlsxFileError:
    """The refusal of a part that declares a DTD or entities (found at the door or, further in, by a parser)."""
    return XlsxFileError(
        name,
        f"plik jest uszkodzony lub niezgodny z formatem .xlsx (część „{part}” zawiera deklarację "
        "DTD albo encje, niedozwolone w skoroszycie)",
    )


def unreadable(name: str, detail: str) -> XlsxFileError:
    """A workbook its reader could not parse; `detail` names what went wrong (an exception's class name)."""
    return XlsxFileError(
        name, f"nie można odczytać skoroszytu: plik jest uszkodzony lub niezgodny z formatem .xlsx ({detail})"
    )


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part's prologue (its first kilobytes, read without inflating the rest) has <!DOCTYPE/<!ENTITY."""
    try:
        with archive.open(info) as member:
            head = member.read(4096)
    except Exception:  # noqa: BLE001 - zlib, CRC, encryption ...: damaged parts
        return False  # damaged parts are named by the parser that reads them
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def read_checked(path: Path | str) -> WorkbookBytes:
    """The bytes of a workbook after every check that needs no parsing; raises XlsxFileError."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise XlsxFileError(name, f"plik ma {_mb(size)}; dozwolone najwyżej {_mb(MAX_FILE_BYTES)}")
        data = path.read_bytes()
    except IsADirectoryError:
        raise XlsxFileError(name, "to folder, nie plik") from None
    except FileNotFoundError:
        raise XlsxFileError(name, "nie ma takiego pliku") from None
    except OSError as exc:
        raise XlsxFileError(name, f"nie można odczytać pliku ({exc.strerror or exc})") from None
    if not data:
        raise XlsxFileError(name, "plik jest pusty")
    if data.startswith(OLE2_MAGIC):
        raise _classify_ole2(name, data)
    if not data.startswith(b"PK"):
        raise XlsxFileError(name, "to nie jest skoroszyt Excel (.xlsx); zapisz dane w Excelu jako .xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_directory(name, archive, len(data))
    except zipfile.BadZipFile:
        raise XlsxFileError(name, "plik jest uszkodzony (niepoprawne archiwum .xlsx)") from None
    return WorkbookBytes(path, data, hashlib.sha256(data).hexdigest())


@contextmanager
def open_workbook(checked: WorkbookBytes, *, read_only: bool = True) -> Iterator[Any]:
    """openpyxl's workbook of checked bytes (values, not formulas), closed on exit; parse errors -> XlsxFileError."""
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            wb = load_workbook(io.BytesIO(checked.data), read_only=read_only, data_only=True)
    except XlsxFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl, zipfile, defusedxml and XML errors alike
        raise unreadable(checked.file_name, exc.__class__.__name__) from None
    try:
        yield wb
    finally:
        wb.close()


def too_long(file_name: str, sheet: str, max_rows: int, *, row: int | None = None) -> XlsxFileError:
    """The refusal of a sheet with more rows than `max_rows` (found while reading it)."""
    return XlsxFileError(file_name, f"arkusz ma ponad {max_rows:,} wierszy".replace(",", " "), sheet=sheet, row=row)


def declared_rows(ws: Any) -> int | None:
    """The number of rows a read-only sheet declares in its `<dimension>` (None when it does not)."""
    try:
        return ws.max_row
    except Exception:  # noqa: BLE001
        return None


def iter_values(
    ws: Any,
    file_name: str,
    *,
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
    progress: Progress | None = None,
    first_row: int = 1,
) -> Iterator[tuple[int, tuple]]:
    """(row number, values) of a sheet, at most `max_columns` values a row; refuses a sheet longer than `max_rows`.

    The declared size is checked first (a sheet that says it has a million rows is refused before reading);
    otherwise the sheet's dimension is ignored, since some programs write a wrong one. `progress` is called every
    500 rows; when it returns False, `Cancelled` is raised.
    """
    declared = declared_rows(ws)
    if declared is not None and declared > max_rows:
        raise XlsxFileError(
            file_name,
            f"arkusz ma {declared:,} wierszy; dozwolone najwyżej {max_rows:,}".replace(",", " "),
            sheet=ws.title,
        )
    expected = declared or 0
    # An explicit last row: openpyxl would otherwise stop at the declared one, which may be wrong.
    rows = ws.iter_rows(min_row=first_row, max_row=max_rows + 1, max_col=max_columns, values_only=True)
    for number, values in enumerate(_refusing_damage(rows, file_name), start=first_row):
        if number > max_rows:
            raise too_long(file_name, ws.title, max_rows, row=number)
        if progress is not None and number % 500 == 0 and not progress(number, expected):
            raise Cancelled()
        yield number, values


def _refusing_damage(rows: Iterator[tuple], file_name: str) -> Iterator[tuple]:
    """A sheet's rows; a part damaged past its start (found only while it is read) refuses the file as damaged."""
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except READ_ERRORS as exc:
            raise unreadable(file_name, exc.__class__.__name__) from None
        yield values
