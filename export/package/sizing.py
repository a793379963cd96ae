"""How large a package becomes as e-mail: attachments travel base64-encoded (4 bytes for every 3, in lines of 76
characters plus CRLF), each with its own MIME headers, beside the message's headers, body, manifest and checksum
file. Parts are sized by that encoded size, so that every written `.eml` stays within the mail limit."""

from __future__ import annotations

from collections.abc import Sequence

from export.package.manifest import Entry

LINE = 76  # base64 characters per line of an encoded attachment (email's encoder)
PART_HEADERS = 400  # bytes: boundary, Content-Type, Content-Disposition (file name, possibly encoded), encoding
MESSAGE_OVERHEAD = 16 * 1024  # bytes: top headers, the plain-text body, boundaries; generous on purpose
MANIFEST_ALLOWANCE = 2  # the manifest and checksum file of a part, as a multiple of their plain size (base64 + air)


def base64_size(size: int) -> int:
    """Bytes that `size` bytes occupy base64-encoded in lines of 76 characters ended by CRLF."""
    chars = 4 * ((size + 2) // 3)
    lines = (chars + LINE - 1) // LINE
    return chars + 2 * lines


def attachment_size(size: int) -> int:
    """One attachment as it sits in a message: encoded content and its part headers."""
    return base64_size(size) + PART_HEADERS


def message_size(entries: Sequence[Entry], extras: int = 0) -> int:
    """An upper estimate of the message carrying `entries` and `extras` plain bytes of small files (manifest,
    checksum file)."""
    return MESSAGE_OVERHEAD + sum(attachment_size(e.size) for e in entries) + MANIFEST_ALLOWANCE * extras


def split_by_message_size(entries: Sequence[Entry], limit: int, extras: int) -> list[list[Entry]]:
    """Greedy, in package order (documents first, attachments after): a new part whenever the next file would
    take the message over `limit`. A file that cannot fit any message is the caller's to refuse (`too_large`)."""
    parts: list[list[Entry]] = [[]]
    for entry in entries:
        if parts[-1] and message_size([*parts[-1], entry], extras) > limit:
            parts.append([])
        parts[-1].append(entry)
    return parts


def too_large(entries: Sequence[Entry], limit: int, extras: int) -> list[Entry]:
    """The files that alone make a message larger than `limit`."""
    return [e for e in entries if message_size([e], extras) > limit]
