"""Turn raw bytes into text, or into a reason why they are not text."""

from __future__ import annotations

from dataclasses import dataclass

# A text file with more than this share of control bytes is binary (images, archives, executables).
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = {9, 10, 12, 13}
_LEGACY_DEFAULT = "cp1252"
# charset-normalizer's "chaos" (share of implausible characters) above which its guess is not trusted.
_TRUSTED_CHAOS = 0.1


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

    matches = from_bytes(data)
    best = matches.best()
    legacy = _legacy_default(data)
    # windows-1252 is the web's default for legacy pages (WHATWG Encoding Standard). Short texts often fit
    # several code pages equally well: on a tie, or when the detector's best guess reads as noise, take it,
    # so that "très" becomes neither "trčs" (cp1250) nor Korean (johab).
    if legacy is not None and (best is None or best.chaos > _TRUSTED_CHAOS or any(
            m.encoding == _LEGACY_DEFAULT and m.chaos <= best.chaos and m.coherence >= best.coherence
            for m in matches)):
        return Decoded(legacy, f"invalid UTF-8 at byte {position}; decoded as {_LEGACY_DEFAULT}")
    if best is None:
        return Decoded(None, f"invalid UTF-8 at byte {position} and no other encoding fits", fatal=True)
    return Decoded(str(best), f"invalid UTF-8 at byte {position}; decoded as {best.encoding}")


def _legacy_default(data: bytes) -> str | None:
    """The text as windows-1252 when every byte maps to a printable character, else None."""
    try:
        text = data.decode(_LEGACY_DEFAULT)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS)
    return text if controls == 0 else None
