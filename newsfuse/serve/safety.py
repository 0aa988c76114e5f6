"""What keeps content from becoming markup or script: only http(s) URLs become links, and every page
carries a Content-Security-Policy that runs no script but the app's own file."""

from __future__ import annotations

from newsfuse.display import link_url as safe_url  # the one check for "is this a link" (render uses it too)

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

__all__ = ["CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "safe_url"]
