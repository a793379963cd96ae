"""An `ApplicationInfo` for a document that was never stored: what the PDF tests print on the cover and in the
footer without a database."""

from __future__ import annotations

import datetime as dt

from forms.document import Document
from models.repository import ApplicationInfo


def info_of(doc: Document, state: str = "draft", version: int = 1, app_id: int = 17) -> ApplicationInfo:
    stamp = dt.datetime(2025, 6, 30, 12, 0)
    return ApplicationInfo(
        id=app_id,
        uuid="6f1c2f0e-9a57-4a53-9f0e-2d8a3c1b7e55",
        name=doc.get("cluster.name", ""),
        form_id=doc.definition.id,
        form_version=doc.definition.version,
        kind="nadanie",
        state=state,
        parent_id=None,
        version_no=version,
        checksum=doc.checksum() if state == "final" else None,
        created_at=stamp,
        updated_at=stamp,
        finalized_at=stamp if state == "final" else None,
    )
