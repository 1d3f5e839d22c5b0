"""The security headers of the residents' site, one definition for CloudFront and the local server.

The pages load only their own scripts and styles (no inline code, no eval), so an injected
`<script>` or handler attribute runs nowhere. They talk to three places besides their own
origin: Cognito's endpoint, the published months (`public_base`) and the attachments bucket
photos are posted to; those origins differ per deployment, so the policy is built from them.

The published month page is the one file with inline `<style>` and `<script>`: it is meant
to work when downloaded and opened alone. Its policy allows exactly those two blocks by hash
and nothing else, read from the template itself so an edited template cannot drift from it.

Kept free of CDK imports: the local server uses it too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

MONTH_TEMPLATE = Path(__file__).resolve().parent.parent / "chalicelib" / "publishing" / "templates" / "month.html"

# Everything but the CSP; the local server is plain HTTP, so HSTS is CloudFront's alone.
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of an absolute URL, None for a relative one ("" or "/api")."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _join(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(dict.fromkeys(values))}" for name, values in directives.items())


def pages_policy(connect: Iterable[str] = (), images: Iterable[str] = ()) -> str:
    """The CSP of the pages: their own origin, plus `connect` (Cognito, published months,
    the photo upload bucket) for fetch/XHR and `images` for pictures shown from elsewhere."""
    return _join({
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *images],
        "connect-src": ["'self'", *connect],
        # Said outright rather than left to default-src: the app installs (manifest) and
        # keeps working offline (sw.js) only from its own origin.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    })


def _hashes(tag: str, html: str) -> list[str]:
    bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.DOTALL)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'" for body in bodies]


def month_page_policy(template: str | None = None) -> str:
    """The CSP of everything under summaries/: the month page's own inline blocks, by hash."""
    html = MONTH_TEMPLATE.read_text(encoding="utf-8") if template is None else template
    return _join({
        "default-src": ["'none'"],
        "script-src": _hashes("script", html) or ["'none'"],
        "style-src": _hashes("style", html) or ["'none'"],
        "img-src": ["data:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'none'"],
    })
