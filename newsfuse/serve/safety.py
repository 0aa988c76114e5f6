"""What keeps content from becoming markup or script: only http(s) URLs become links, and every page
carries a Content-Security-Policy that runs no script but the app's own file."""

from __future__ import annotations

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address; None for `javascript:`, `data:`, relative or empty."""
    if not url:
        return None
    cleaned = url.strip()
    if cleaned.lower().startswith(("http://", "https://")) and not any(c in cleaned for c in "\x00\r\n\t "):
        return cleaned
    return None
