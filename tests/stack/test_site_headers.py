"""The local server sends the pages the security headers CloudFront sends in AWS, with a
policy naming the embedded AWS endpoint the pages sign in at and read published months from."""

from __future__ import annotations

import threading
import urllib.request

import pytest

from local_stack.server import make_server

AWS = "http://127.0.0.1:4566"
CONFIG = {"api_base": "", "cognito_endpoint": f"{AWS}/", "public_base": f"{AWS}/public-bucket"}


@pytest.fixture(scope="module")
def server():
    local = make_server(0, config_for_pages=CONFIG)
    thread = threading.Thread(target=local.server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{local.server.server_address[1]}"
    local.server.shutdown()
    local.server.server_close()


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


@pytest.mark.parametrize("path", ["/", "/sign-in.html", "/js/core.js", "/css/site.css", "/config.json"])
def test_every_site_file_carries_the_security_headers(server, path):
    with urllib.request.urlopen(server + path, timeout=10) as response:
        headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    policy = directives(headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'", AWS]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]


@pytest.mark.parametrize(("path", "content_type"), [("/sw.js", "text/javascript"),
                                                    ("/manifest.webmanifest", "application/manifest+json")])
def test_the_worker_and_the_manifest_are_served_and_allowed(server, path, content_type):
    with urllib.request.urlopen(server + path, timeout=10) as response:
        headers = response.headers
    assert headers["Content-Type"].startswith(content_type) and headers["Cache-Control"] == "no-cache"
    policy = directives(headers["Content-Security-Policy"])
    assert policy["worker-src"] == ["'self'"] and policy["manifest-src"] == ["'self'"]


def test_the_pages_have_no_inline_code_for_the_policy_to_refuse():
    import re

    from local_stack.server import WEB_ROOT

    for page in WEB_ROOT.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page.name
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=|javascript:", html, flags=re.IGNORECASE), page.name
    for script in (WEB_ROOT / "js").glob("*.js"):
        code = script.read_text(encoding="utf-8")
        assert not re.search(r"\beval\(|new Function\(|innerHTML|setAttribute\(\s*[\"']style", code), script.name
