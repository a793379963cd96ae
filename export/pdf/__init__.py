"""The PDFs of an application (reportlab): the full application for the ministry and the managers' summary.

`build_application_pdf(doc, info, path)` and `build_summary_pdf(doc, info, path)` write atomically;
`*_pdf_bytes` give the bytes (print preview). `read_checksum` finds the document checksum in a PDF we wrote.
"""

from export import Cancelled
from export.pdf.application import application_pdf_bytes, build_application_pdf
from export.pdf.meta import read_checksum
from export.pdf.summary import build_summary_pdf, summary_pdf_bytes

__all__ = [
    "Cancelled",
    "application_pdf_bytes",
    "build_application_pdf",
    "build_summary_pdf",
    "read_checksum",
    "summary_pdf_bytes",
]
