"""The API reference at /docs: Swagger UI, served by the local stack from node_modules,
renders the contract at /openapi.json under the site's Content-Security-Policy, with no
request leaving the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from playwright.sync_api import Request, expect


def test_docs_renders_every_operation_of_the_served_contract_offline(page, base_url):
    document = requests.get(f"{base_url}/openapi.json", timeout=30).json()
    operation_ids = [operation["operationId"] for item in document["paths"].values()
                     for operation in item.values() if isinstance(operation, dict) and "operationId" in operation]
    own_origin = urlsplit(base_url).netloc
    elsewhere: list[str] = []

    def note(request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("http", "https") and url.netloc != own_origin:
            elsewhere.append(request.url)

    page.on("request", note)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/docs")
    expect(page.locator("body[data-reference-ready]")).to_have_count(1)
    expect(page.locator(".swagger-ui .info .title")).to_contain_text(document["info"]["title"])
    blocks = page.locator(".opblock")
    expect(blocks.first).to_be_visible()
    # From 150 tags and operations on, Swagger UI draws only those near the viewport: every one
    # must appear on the way down the page.
    rendered: set[str] = set()
    at, bottom = -1, 0
    while at < bottom:
        rendered |= set(blocks.evaluate_all("nodes => nodes.map(n => n.id)"))
        at = page.evaluate("() => window.scrollY")
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(50)
        bottom = page.evaluate("() => window.scrollY")
    rendered |= set(blocks.evaluate_all("nodes => nodes.map(n => n.id)"))
    missing = [op for op in operation_ids if not any(node.endswith(f"-{op}") for node in rendered)]
    assert not missing, f"operations not rendered: {missing}"
    assert len(rendered) == len(operation_ids)
    page.evaluate("() => window.scrollTo(0, 0)")

    # An operation opens to its parameters and answers, all drawn on the page itself.
    first = blocks.first
    first.locator(".opblock-summary").click()
    expect(first.locator(".responses-wrapper")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not elsewhere, f"requests left the local stack: {elsewhere}"


def test_docs_and_its_bundle_come_from_the_site_under_the_pages_policy(base_url):
    pages_policy = requests.get(f"{base_url}/index.html", timeout=30).headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in pages_policy and "'unsafe-eval'" not in pages_policy
    for path, kind in (("docs", "html"), ("docs.html", "html"), ("docs/swagger-ui-bundle.js", "javascript"),
                       ("docs/swagger-ui.css", "css")):
        response = requests.get(f"{base_url}/{path}", timeout=30)
        assert response.status_code == 200, path
        assert kind in response.headers["Content-Type"], path
        assert response.headers["Content-Security-Policy"] == pages_policy, path
