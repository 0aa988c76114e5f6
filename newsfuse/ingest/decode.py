"""Turn raw bytes into text, or into a reason why they are not text."""

from __future__ import annotations

from dataclasses import dataclass

# A text file with more than this share of control bytes is binary (images, archives, executables).
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = {9, 10, 12, 13}


@dataclass(frozen=True)
class Decoded:
    text: str | None
    reason: str | None = None  # why text is None, or a caveat about how it was decoded
    fatal: bool = False


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE


def decode_bytes(data: bytes) -> Decoded:
    """UTF-8 first; otherwise the encoding charset-normaliser finds, reported as a caveat."""
    if not data.strip():
        return Decoded(None, "empty input", fatal=True)
    if looks_binary(data):
        return Decoded(None, "binary data, not text", fatal=True)
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        position = error.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return Decoded(None, f"invalid UTF-8 at byte {position} and no other encoding fits", fatal=True)
    return Decoded(str(best), f"invalid UTF-8 at byte {position}; decoded as {best.encoding}")
