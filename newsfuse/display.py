"""Text from inputs made safe to show: on a terminal, in a file, as a link.

Article text, titles, URLs and file names come from whoever wrote the input. Shown as they are, an
escape sequence in a title can clear a terminal, retitle its window or plant a hidden link (OSC 8), a
`javascript:` URL runs script when clicked, and a file name that is not UTF-8 cannot be written as UTF-8
at all. These helpers are deliberately small and import nothing heavy: `newsfuse stories` uses them on
every row and must stay fast.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# ECMA-48 control sequences, whole, so that no half of one is left to be read as text:
# CSI (ESC [ or 8-bit CSI, parameters, intermediates, final byte); the string commands OSC, DCS, SOS,
# PM, APC up to their terminator (BEL, ESC \ or 8-bit ST); other two-byte escapes (ESC 7, ESC c, ESC ( B).
# The string body stops at the first BEL/ESC/ST, so the scan stays linear on any input.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# Whatever control character is left (C0 but tab and newline, DEL, C1).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Anything `printable` or `one_line` would change; most text has none, and is returned as it is.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")
LINK_SCHEMES = frozenset({"http", "https"})


def _surrogate_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # A byte that was not UTF-8 in a file name arrives as U+DC80..U+DCFF: show the byte itself.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_surrogates(text: str) -> str:
    """Lone surrogates (undecodable bytes of a file name, or a broken JSON escape) as visible escapes."""
    return _SURROGATE.sub(_surrogate_escape, text)


def printable(text: str) -> str:
    """`text` without terminal control sequences or control characters (newlines and tabs stay), and with
    undecodable bytes shown as `\\xNN`: safe to print, and always encodable as UTF-8."""
    if not _UNSAFE.search(text):
        return text
    return escape_surrogates(_CONTROL.sub("", _SEQUENCE.sub("", text)))


def one_line(text: str) -> str:
    """`printable`, on one line: for a title in a list or a name in a message."""
    if not _UNSAFE.search(text):
        return text
    return " ".join(printable(text).split())


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:
        # Inside a JSON string: the backslash doubled, so a reader gets the text `\xNN`.
        return "\\" + _surrogate_escape(match)
    return f"\\u{code:04x}"  # DEL and C1 as JSON escapes: the same string, but inert on a terminal


def json_safe(encoded: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) that is valid UTF-8 and inert on a terminal.

    `json.dumps` already escapes C0 characters; this escapes DEL and C1 (8-bit CSI and OSC) the same way,
    and turns lone surrogates, which cannot be written as UTF-8, into the text `\\xNN`. Such characters
    occur only inside JSON strings, so the result is still valid JSON."""
    return _JSON_UNSAFE.sub(_json_escape, encoded)


def link_url(url: str | None) -> str | None:
    """`url` when it is an absolute http or https URL and may become a link; None for anything else
    (`javascript:`, `data:`, `file:`, relative paths, URLs hiding control characters or spaces)."""
    if not url or _CONTROL.search(url) or _SURROGATE.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return url
