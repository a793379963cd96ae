"""A lean reader of cell values: what reading back a folder of questionnaires needs, without openpyxl's object model.

openpyxl builds a whole workbook for every file it opens (the styles, every sheet's settings, a descriptor-checked
object per XML element) before a single value is read; for a folder of returned questionnaires that was most of
the time. This reader opens the checked bytes (`safety.read_checked`) as a zip and parses with defusedxml, DTDs
forbidden, only what values need: the content types, the workbook and its relationships (which part is which
sheet, its title and visibility), the shared strings, the number formats (which cells are dates), the core
properties (when the file was saved) and, streamed as they are iterated, the rows of the sheets asked for (the
parser tells them to a small target: no element tree is built; the part is read to its end, so that its CRC is
checked, but what follows the rows is not parsed). The parts every questionnaire of a folder shares byte for byte
(content types, workbook, relationships, styles) are parsed once.

It answers as openpyxl does in read-only, data-only mode (`load_workbook(read_only=True, data_only=True)`), through
the small interface `safety.iter_values` and the questionnaires use: `wb.sheetnames`, `wb.worksheets`, `wb[title]`,
`ws.title`, `ws.sheet_state`, `ws.max_row` (the declared dimension, None without one) and
`ws.iter_rows(min_row=, max_row=, max_col=, values_only=True)`; values are the same types: text (shared or inline,
rich text joined), int or float, bool, datetime / date / time / timedelta for a date or time format (1900 or 1904
calendar), an error text such as "#N/A", a formula's cached value (None without one). `wb.properties.modified` is
None when the file does not say (openpyxl would say "now").

Anything it does not read as openpyxl would (a chart sheet, a strict-OOXML workbook, a part that is missing or not
well-formed XML, a value that does not parse) raises `Unsupported`: `read_values` then reads the file with openpyxl
(`safety.open_workbook`), which gives the established answer or error. A DTD or an entity in any part it parses is
refused as the door check refuses it (`safety.dtd_refused`); a sheet of more than `safety.MAX_ROWS` row elements or
a row of more cells than a sheet has columns is refused as damaged, before it costs time or memory.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar
from xml.etree.ElementTree import Element

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, fromstring, iterparse
from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601
from openpyxl.xml.constants import SHARED_STRINGS, XLSM, XLSX, XLTM, XLTX

from export.xlsx.safety import (
    MAX_ROWS,
    READ_ERRORS,
    WorkbookBytes,
    XlsxFileError,
    dtd_refused,
    open_workbook,
    too_long,
    unreadable,
)

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
DCTERMS = "{http://purl.org/dc/terms/}"
CONTENT_TYPES = "[Content_Types].xml"
CORE = "docProps/core.xml"  # where openpyxl reads the core properties
STYLES = "xl/styles.xml"  # and the styles
WORKBOOK_TYPES = (XLTM, XLTX, XLSM, XLSX)  # in the order openpyxl looks for them
WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
STATES = ("visible", "hidden", "veryHidden")
MAX_CELLS_IN_ROW = 16_384  # the columns of a sheet (A to XFD)
CHUNK = 16 * 1024  # of a sheet's part parsed at a time
_ROW, _C, _V, _IS, _T, _R = (MAIN + t for t in ("row", "c", "v", "is", "t", "r"))
_SHEET_DATA, _DIMENSION = MAIN + "sheetData", MAIN + "dimension"
_FALSE = ("false", "f", "0")  # openpyxl's reading of a false xsd:boolean; any other text is true
T = TypeVar("T")


class Unsupported(Exception):
    """The file holds something this reader does not read as openpyxl would: read it with openpyxl."""


@dataclass
class Properties:
    modified: Any = None  # datetime of the last save, as the core properties say


def read_values(checked: WorkbookBytes, read: Callable[[Any], T]) -> T:
    """`read(wb)` on the lean reader's workbook, or, for a file it does not understand, on openpyxl's.

    `read` must take everything it needs before it returns (rows as lists, not iterators) and change nothing
    outside, since it may run a second time. XlsxFileError (a refused or damaged file) is the answer of both."""
    try:
        with open_lean(checked) as wb:
            return read(wb)
    except Unsupported:
        pass
    with open_workbook(checked) as wb:
        return read(wb)


@contextmanager
def open_lean(checked: WorkbookBytes) -> Iterator[LeanWorkbook]:
    """The lean workbook of checked bytes, closed on exit; raises Unsupported or XlsxFileError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(checked.data))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise Unsupported(exc.__class__.__name__) from None
    try:
        yield LeanWorkbook(archive, checked.file_name)
    finally:
        archive.close()


def _cast_number(text: str) -> int | float:
    """A number cell's text as openpyxl reads it: int unless it has a point or an exponent."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _text(node: Element) -> str:
    """The text of a shared string (openpyxl's `Text.content`): its last `t`, then every run's last `t`."""
    plain = None
    runs = []
    for child in node:
        if child.tag == _T:
            plain = child.text
        elif child.tag == _R:
            run = None
            for part in child:
                if part.tag == _T:
                    run = part.text
            if run is not None:
                runs.append(run)
    return (plain or "") + "".join(runs)


def _content_types(data: bytes) -> tuple[str | None, str | None]:
    """(workbook part, shared strings part) as the content types name them (openpyxl finds them there too)."""
    overrides = {
        o.get("ContentType"): str(o.get("PartName") or "")[1:]
        for o in reversed(fromstring(data, forbid_dtd=True).findall(TYPES + "Override"))
    }
    return next((overrides[t] for t in WORKBOOK_TYPES if t in overrides), None), overrides.get(SHARED_STRINGS)


def _workbook(data: bytes) -> tuple[bool, tuple[tuple[str | None, str | None, str], ...]]:
    """Whether the workbook counts dates from 1904, and its sheets: (relationship id, title, visibility)."""
    book = fromstring(data, forbid_dtd=True)
    if book.tag != MAIN + "workbook":
        raise Unsupported("not a transitional workbook")
    pr = book.find(MAIN + "workbookPr")
    date1904 = pr is not None and pr.get("date1904") is not None and pr.get("date1904") not in _FALSE
    sheets = tuple(
        (sheet.get(REL + "id"), sheet.get("name"), sheet.get("state", "visible"))
        for sheet in book.iterfind(f"{MAIN}sheets/{MAIN}sheet")
    )
    return date1904, sheets


def _relationships(data: bytes, folder: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, part) of a part's relationships, targets resolved as openpyxl resolves them."""
    out = {}
    for rel in fromstring(data, forbid_dtd=True).iter(PKG_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = str(rel.get("Target"))
        target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[str(rel.get("Id"))] = (str(rel.get("Type")), target)
    return out


def _number_formats(data: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """The cell styles (indices into cellXfs) with a date or time format, and those of a duration."""
    styles = fromstring(data, forbid_dtd=True)
    custom = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iterfind(f"{MAIN}numFmts/{MAIN}numFmt")}
    dates, durations = set(), set()
    for index, xf in enumerate(styles.iterfind(f"{MAIN}cellXfs/{MAIN}xf")):
        number = int(xf.get("numFmtId", 0))
        fmt = custom[number] if number in custom else builtin_format_code(number)
        if is_date_format(fmt):
            dates.add(index)
        if is_timedelta_format(fmt):
            durations.add(index)
    return frozenset(dates), frozenset(durations)  # no cellXfs: none (nor has openpyxl's default then)


def _modified(data: bytes) -> dt.datetime | None:
    node = fromstring(data, forbid_dtd=True).find(DCTERMS + "modified")
    value = from_ISO8601(node.text) if node is not None else None
    if value is not None and not isinstance(value, dt.datetime):
        raise Unsupported("modified is not a date and time")  # openpyxl refuses the file
    return value


_MEMO: dict[tuple, Any] = {}
MEMO_PARTS, MEMO_PART_BYTES = 32, 256 * 1024


def _remembered(parse: Callable[..., T], data: bytes, *args: Any) -> T:
    """`parse(data, *args)`, once for the parts all the questionnaires of a folder share (the same content types,
    workbook, relationships and styles, byte for byte): a pure function of the bytes, so the bytes are the key."""
    if len(data) > MEMO_PART_BYTES:
        return parse(data, *args)
    key = (parse, data, args)
    value = _MEMO.get(key, _MEMO)  # (the memo itself: not yet parsed)
    if value is _MEMO:
        value = parse(data, *args)
        if len(_MEMO) >= MEMO_PARTS:  # (a folder of another program's files: each has its own)
            _MEMO.clear()
        _MEMO[key] = value
    return value


class LeanWorkbook:
    """The sheets of a workbook (in its order, with their visibility) and what their values need, read at once."""

    def __init__(self, archive: zipfile.ZipFile, file_name: str) -> None:
        self.archive, self.file_name = archive, file_name
        self.names = set(archive.namelist())
        try:
            part, strings_part = self._part(CONTENT_TYPES, _content_types)
            if part is None:
                raise Unsupported("no workbook part")
            self.strings = self._shared_strings(strings_part) if strings_part is not None else []
            date1904, sheets = self._part(part, _workbook)
            self.epoch = CALENDAR_MAC_1904 if date1904 else WINDOWS_EPOCH
            self.properties = Properties(self._part(CORE, _modified, remember=False) if CORE in self.names else None)
            formats = self._part(STYLES, _number_formats) if STYLES in self.names else (frozenset(), frozenset())
            self.date_formats, self.timedelta_formats = formats
            folder, name = posixpath.split(part)
            rels = self._part(posixpath.join(folder, "_rels", name + ".rels"), _relationships, folder)
            self.worksheets: list[LeanSheet] = []
            for rid, title, state in sheets:
                if not rid:
                    continue  # openpyxl leaves such a sheet out
                kind, target = rels[rid]
                if kind != WORKSHEET_REL:
                    raise Unsupported(f"sheet of type {kind}")
                if target not in self.names:
                    continue  # and one whose part is missing
                if state not in STATES or title is None:
                    raise Unsupported(f"sheet {title} ({state})")
                self.worksheets.append(LeanSheet(self, title, target, state))
        except READ_ERRORS as exc:  # defusedxml's refusals are ValueErrors
            raise Unsupported(exc.__class__.__name__) from None
        self.sheetnames = [ws.title for ws in self.worksheets]

    def __getitem__(self, title: str) -> LeanSheet:
        for ws in self.worksheets:
            if ws.title == title:
                return ws
        raise KeyError(f"Worksheet {title} does not exist.")

    def close(self) -> None:
        self.archive.close()

    # Parts ------------------------------------------------------------------------------------------------------
    def _refused(self, exc: Exception, part: str) -> Exception:
        if isinstance(exc, (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden)):
            return dtd_refused(self.file_name, part)
        return Unsupported(f"{part}: {exc.__class__.__name__}")

    def _part(self, part: str, parse: Callable[..., T], *args: Any, remember: bool = True) -> T:
        """What `parse` makes of a small part (parsed whole, DTDs forbidden)."""
        try:
            data = self.archive.read(part)
            return _remembered(parse, data, *args) if remember else parse(data, *args)
        except READ_ERRORS as exc:
            raise self._refused(exc, part) from None

    def events(self, part: str, events: tuple[str, ...]) -> Iterator[tuple[str, Element]]:
        """The parse events of a part, streamed; errors become Unsupported (or the refusal of a DTD)."""
        try:
            with self.archive.open(part) as stream:
                yield from iterparse(stream, events, forbid_dtd=True)
        except READ_ERRORS as exc:  # defusedxml's refusals are ValueErrors
            raise self._refused(exc, part) from None

    def _shared_strings(self, part: str) -> list[str]:
        strings = []
        for _event, node in self.events(part, ("end",)):
            if node.tag == MAIN + "si":
                strings.append(_text(node).replace("x005F_", ""))  # as openpyxl's read_string_table
                node.clear()
        return strings


class LeanSheet:
    """One sheet, its part parsed only when (and as far as) its rows are iterated."""

    def __init__(self, book: LeanWorkbook, title: str, part: str, state: str) -> None:
        self.book, self.title, self.part, self.sheet_state = book, title, part, state
        self._pending: Iterator | None = None  # the stream `max_row` started, continued by the next `iter_rows`
        self._known = False
        self._declared: int | None = None
        self._failure: Exception | None = None

    @property
    def max_row(self) -> int | None:
        """The last row the sheet's `<dimension>` declares (before its data), or None; read once, in the stream."""
        if not self._known:
            self._known = True
            stream = self._stream()
            try:
                self._declared = next(stream)
                self._pending = stream
            except (Unsupported, XlsxFileError) as exc:  # said again by iter_rows, not swallowed as "no dimension"
                self._failure = exc
        return self._declared

    def iter_rows(
        self, min_row: int = 1, max_row: int | None = None, max_col: int | None = None, values_only: bool = False
    ) -> Iterator[tuple]:
        """Rows of values as openpyxl's read-only `iter_rows(values_only=True)`: every row from `min_row` to the
        last one present (missing rows as empty ones), `max_col` values each."""
        if not values_only or max_col is None:
            raise NotImplementedError("the lean reader gives rows of values, max_col of them")
        if self._failure is not None:
            raise self._failure
        stream, self._pending = self._pending, None
        if stream is None:
            stream = self._stream()
            declared = next(stream)
            if not self._known:
                self._known, self._declared = True, declared
        max_row = max_row or self.max_row
        width = max_col  # from column A
        empty = (None,) * width
        counter, number = min_row, 1
        for number, cells in stream:
            if max_row is not None and number > max_row:
                stream.close()
                break
            for _ in range(counter, number):  # some rows are missing
                counter += 1
                yield empty
            if counter <= number:
                values = [None] * width
                for column, value in cells:
                    if column <= width:
                        values[column - 1] = value
                counter += 1
                yield tuple(values)
        if max_row is not None and max_row < number:
            for _ in range(counter, max_row + 1):
                yield empty

    def _stream(self) -> Iterator:
        """First the declared last row (or None), then (row number, [(column, value)]) of every row, as the part is
        parsed chunk by chunk; the part is read to its end (so that its CRC is checked), its rest not parsed."""
        book = self.book
        target = _SheetTarget(self)
        parser = DefusedXMLParser(target=target, forbid_dtd=True)
        told = False
        try:
            with book.archive.open(self.part) as stream:
                while not target.done:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        parser.close()  # a part that ends before its sheet does is not well-formed
                        break
                    parser.feed(chunk)
                    if not told and target.started:
                        told = True
                        yield target.declared
                    rows, target.rows = target.rows, []
                    yield from rows
                while stream.read(CHUNK):  # what follows the data (validations, page setup ...) is not needed
                    pass
        except READ_ERRORS as exc:  # defusedxml's refusals are ValueErrors
            raise book._refused(exc, self.part) from None
        if not told:
            yield target.declared
        yield from target.rows


class _SheetTarget:
    """What defusedxml's parser finds in a sheet, kept as rows of (column, value) as they end (no element tree is
    built). Text is taken as openpyxl takes it: a cell's first <v>; of its first <is> the last <t> and each run's
    last <t>; a <v> or <t> holding an element is Unsupported."""

    def __init__(self, sheet: LeanSheet) -> None:
        self.sheet, self.book = sheet, sheet.book
        self.stack: list[str] = []
        self.declared: int | None = None
        self.started = self.done = False  # in or past <sheetData>; past it
        self.rows: list[tuple[int, list[tuple[int, Any]]]] = []  # the rows ended since they were last taken
        self.row_number = self.elements = self.column = 0
        self.cells: list[tuple[int, Any]] | None = None  # of the open row
        self.cell: tuple[str, str | None, str | None] | None = None  # (type, reference, style) of the open cell
        self.v: str | None = None
        self.got_v = self.in_is = self.in_run = False
        self.inline: tuple[list, list] | None = None  # ([last <t>], [runs]) of the cell's first <is>
        self.run: str | None = None
        self.buffer: list[str] | None = None  # the text being collected, of the element at depth `collecting`
        self.collecting = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        stack = self.stack
        stack.append(tag)
        depth = len(stack)
        if self.buffer is not None:
            raise Unsupported(f"{tag} in the text of {stack[-2]}")
        if depth > 4:
            if self.cell is None:
                return
            if depth == 5:
                if tag == _V and not self.got_v:
                    self.got_v = True
                    self._collect(depth)
                elif tag == _IS and self.inline is None:
                    self.inline, self.in_is = ([None], []), True
            elif self.in_is:
                if depth == 6 and tag == _T:
                    self._collect(depth)
                elif depth == 6 and tag == _R:
                    self.run, self.in_run = None, True
                elif depth == 7 and self.in_run and tag == _T:
                    self._collect(depth)
        elif depth == 4:
            if self.cells is not None:
                if tag != _C:
                    raise Unsupported(f"{tag} in a row")
                if len(self.cells) >= MAX_CELLS_IN_ROW:
                    raise unreadable(self.book.file_name, f"wiersz {self.row_number} ma ponad 16 384 komórki")
                self.cell = (attrib.get("t", "n"), attrib.get("r"), attrib.get("s"))
                self.v, self.got_v, self.inline = None, False, None
        elif depth == 3:
            if self.started and not self.done:
                if tag != _ROW:
                    raise Unsupported(f"{tag} in sheetData")
                self.elements += 1
                if self.elements > MAX_ROWS:
                    raise too_long(self.book.file_name, self.sheet.title, MAX_ROWS)
                self.row_number = _row_number(attrib.get("r"), self.row_number)
                self.cells, self.column = [], 0
        elif depth == 2:
            if tag == _SHEET_DATA:
                self.started = True
            elif tag == _DIMENSION and not self.started and self.declared is None:
                ref = attrib.get("ref")
                if ref is None:
                    raise Unsupported("dimension without ref")
                self.declared = range_boundaries(ref)[3]

    def _collect(self, depth: int) -> None:
        self.buffer, self.collecting = [], depth

    def data(self, text: str) -> None:
        if self.buffer is not None:
            self.buffer.append(text)

    def end(self, tag: str) -> None:
        depth = len(self.stack)
        self.stack.pop()
        if self.buffer is not None and depth == self.collecting:
            text, self.buffer = "".join(self.buffer), None
            if depth == 5:
                self.v = text
            elif depth == 6:
                self.inline[0][0] = text
            else:
                self.run = text
        elif depth == 6 and self.in_run and tag == _R:
            if self.run is not None:
                self.inline[1].append(self.run)
            self.in_run = False
        elif depth == 5 and self.in_is and tag == _IS:
            self.in_is = False
        elif depth == 4 and self.cell is not None:
            self.column, value = self._value()
            self.cells.append((self.column, value))
            self.cell = None
        elif depth == 3 and self.cells is not None:
            self.rows.append((self.row_number, self.cells))
            self.cells = None
        elif depth == 2 and tag == _SHEET_DATA:
            self.done = True

    def close(self) -> None:
        return None

    def _value(self) -> tuple[int, Any]:
        """(column, value) of the cell just read, as openpyxl's WorkSheetParser.parse_cell reads it (data_only)."""
        book = self.book
        data_type, ref, style = self.cell
        column = coordinate_to_tuple(ref)[1] if ref else self.column + 1
        if data_type == "inlineStr":
            if self.inline is None:
                return column, None
            (plain,), runs = self.inline
            return column, (plain or "") + "".join(runs)
        value: Any = self.v or None
        if value is None:
            return column, None
        if data_type == "n":
            value = _cast_number(value)
            style_id = int(style) if style else 0
            if style_id in book.date_formats:
                try:
                    value = from_excel(value, book.epoch, timedelta=style_id in book.timedelta_formats)
                except (OverflowError, ValueError):
                    value = "#VALUE!"  # openpyxl's reading of a date out of range
        elif data_type == "s":
            value = book.strings[int(value)]
        elif data_type == "b":
            value = bool(int(value))
        elif data_type == "d":
            value = from_ISO8601(value)
        return column, value


def _row_number(r: str | None, previous: int) -> int:
    """A row's number as openpyxl reads it: its `r` (an integer, also written as "5.0"), else the next one."""
    if r is None:
        return previous + 1
    try:
        return int(r)
    except ValueError:
        value = float(r)
        if not value.is_integer():
            raise Unsupported(f"row number {r}") from None
        return int(value)
