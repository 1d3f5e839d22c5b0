"""Serve the Chalice app and, at the same origin, the residents' pages in web/.

In AWS, CloudFront serves web/ from the public bucket and forwards API paths to API
Gateway; here one server does both, so the pages call the API without CORS. A path is a
page or an asset only if a file of that name exists under web/ (`/` is index.html) and no
API route claims it; everything else goes to the Chalice app as before.

`GET /local/sms?phone=+86…` answers the SMS the embedded Cognito "sent" to that number
(sign-up and reset codes, temporary passwords), newest first: the only way to a code
without a phone. Only this local server has it; the Chalice app never sees a code.

For the API it also plays CloudFront's part in telling the app who is calling: it writes the
connection's address into the client-address header over whatever the client sent, and adds
the origin header with the stack's origin-verify secret, so the app reads senders' addresses
here exactly as it does behind the distribution (infra/site.py).
"""

from __future__ import annotations

import json
import mimetypes
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from chalice.config import Config
from chalice.local import ChaliceRequestHandler, LocalDevServer

from chalicelib.secrets import origin_verify_secret
from chalicelib.web.requests import CLIENT_ADDRESS_HEADER, ORIGIN_VERIFY_HEADER
from infra.headers import OTHER_HEADERS, origin_of, pages_policy
from local_stack.outbox import messages

ROOT = Path(__file__).resolve().parent.parent
WEB_ROOT = ROOT / "web"
# The API reference page, and the Swagger UI it renders with, straight from npm's copy: the
# reference needs no network, and the bundle is never copied into the repository.
DOCS_PATH = "/docs"
SWAGGER_UI = ROOT / "node_modules" / "swagger-ui-dist"
DOCS_ASSETS = {f"{DOCS_PATH}/swagger-ui-bundle.js": SWAGGER_UI / "swagger-ui-bundle.js",
               f"{DOCS_PATH}/swagger-ui.css": SWAGGER_UI / "swagger-ui.css"}
SITE_CONFIG_PATH = "/config.json"
SMS_OUTBOX_PATH = "/local/sms"
CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
                 ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
                 ".webmanifest": "application/manifest+json; charset=utf-8"}


def site_file(path: str, web_root: Path = WEB_ROOT) -> Path | None:
    """The file under web/ a GET for `path` names, or None; never a file outside web/."""
    relative = unquote(urlsplit(path).path).lstrip("/") or "index.html"
    if relative.endswith("/"):
        relative += "index.html"
    candidate = (web_root / relative).resolve()
    if not candidate.is_relative_to(web_root.resolve()) or not candidate.is_file():
        return None
    if candidate.name.startswith(".") or candidate.suffix == ".md":
        return None
    return candidate


def docs_file(path: str) -> Path | None:
    """The reference page for `/docs`, or one of the Swagger UI files it loads."""
    url_path = urlsplit(path).path
    if url_path == DOCS_PATH:
        return site_file("/docs.html")
    asset = DOCS_ASSETS.get(url_path)
    return asset if asset is not None and asset.is_file() else None


def phone_in(query: str) -> str | None:
    """The `phone` of a query string. A `+` typed into a URL is kept (not read as a space),
    and a bare mainland number gets its +86."""
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if name == "phone" and value:
            phone = unquote(value).strip().replace(" ", "")
            if phone.isdigit():
                phone = "+" + phone if phone.startswith("86") and len(phone) == 13 else "+86" + phone
            return phone
    return None


def security_headers(config_for_pages: dict[str, str]) -> dict[str, str]:
    """The headers CloudFront adds in AWS. Here Cognito, the published months and the photo
    uploads are all at the embedded AWS endpoint, which the config's URLs name; so are the
    photos the pages show through presigned links."""
    endpoints = [e for e in (origin_of(config_for_pages.get(key, "")) for key in ("cognito_endpoint", "public_base")) if e]
    return {"Content-Security-Policy": pages_policy(connect=endpoints, images=endpoints), **OTHER_HEADERS}


def as_forwarded_by_cloudfront(headers: dict[str, str], viewer_address: str, origin_secret: str) -> dict[str, str]:
    """The headers CloudFront passes the API: a client's own client-address and origin headers,
    in any letter case, replaced by the connection's address and the origin secret."""
    ours = {CLIENT_ADDRESS_HEADER, ORIGIN_VERIFY_HEADER}
    forwarded = {name: value for name, value in headers.items() if name.lower() not in ours}
    forwarded[CLIENT_ADDRESS_HEADER] = viewer_address
    if origin_secret:
        forwarded[ORIGIN_VERIFY_HEADER] = origin_secret
    return forwarded


def sms_outbox_body(outbox: str, query: str) -> bytes:
    phone = phone_in(query)
    return json.dumps({"phone": phone, "messages": messages(outbox, phone)}, ensure_ascii=False).encode()


class SiteRequestHandler(ChaliceRequestHandler):
    def __init__(self, *args: Any, site_config: dict[str, str], sms_outbox: str | None = None, **kwargs: Any) -> None:
        self.site_config = site_config
        self.security_headers = security_headers(site_config)
        self.sms_outbox = sms_outbox
        super().__init__(*args, **kwargs)

    def _parse_payload(self) -> tuple[dict[str, str], bytes | None]:
        headers, body = super()._parse_payload()
        return as_forwarded_by_cloudfront(headers, self.client_address[0], origin_verify_secret()), body

    def _serve_site(self, head_only: bool) -> bool:
        url = urlsplit(self.path)
        if url.path == SITE_CONFIG_PATH:
            body = json.dumps(self.site_config, ensure_ascii=False).encode()
            content_type = CONTENT_TYPES[".json"]
        elif url.path == SMS_OUTBOX_PATH and self.sms_outbox:
            body = sms_outbox_body(self.sms_outbox, url.query)
            content_type = CONTENT_TYPES[".json"]
        else:
            file = docs_file(self.path) or site_file(self.path)
            if file is None:
                return False
            body = file.read_bytes()
            content_type = CONTENT_TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        # Pages change with each deployment; a stale script beside a new page breaks forms.
        self.send_header("Cache-Control", "no-cache")
        for name, value in self.security_headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(body)
        return True

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        if not self._serve_site(head_only=False):
            self._generic_handle()

    def do_HEAD(self) -> None:  # noqa: N802
        if not self._serve_site(head_only=True):
            self._generic_handle()


def site_config(stack: Any) -> dict[str, str]:
    """What the pages need to know about the stack: where to sign in and where summaries are."""
    return {
        "api_base": "",
        "region": stack.region,
        "cognito_endpoint": stack.aws_endpoint_url + "/",
        "user_pool_client_id": stack.user_pool_client_id,
        "officials_user_pool_client_id": stack.officials_user_pool_client_id,
        "public_base": f"{stack.aws_endpoint_url}/{stack.public_bucket}",
    }


def make_server(port: int, host: str = "127.0.0.1", config_for_pages: dict[str, str] | None = None,
                sms_outbox: str | None = None) -> LocalDevServer:
    from app import app

    config = Config.create(chalice_stage="dev", app_name=app.app_name, chalice_app=app, project_dir=str(ROOT))
    handler = partial(SiteRequestHandler, site_config=config_for_pages or {}, sms_outbox=sms_outbox)
    return LocalDevServer(app, config, host, port, handler_cls=handler)
