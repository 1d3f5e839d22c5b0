"""Progressive rendering: every page, opened with JavaScript off, already says what it is in
Chinese; a page that asks something shows its first question, labelled and usable, before
any script runs; a page that needs scripts to sign in, read or send says so (noscript).
On an old phone or a slow link the modules arrive seconds after the HTML: that is what the
resident reads meanwhile."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, expect

from tests.local_stack_process import ROOT

# The staff workbench's pages too: an official on a slow link reads them first as well.
PAGES = [*sorted(path.name for path in (ROOT / "web").glob("*.html")),
         *sorted(f"staff/{path.name}" for path in (ROOT / "web" / "staff").glob("*.html"))]
# The first question of these is in the HTML; the others' forms depend on who asks and on
# the API's data (a round's projects, the resident's own case), so they only say what they are.
FORM_PAGES = {"suggest.html", "sign-in.html", "sign-up.html", "forgot-password.html", "propose.html", "staff/entry.html"}
# Plain links work without scripts; every other page signs in, reads or sends through them.
WITHOUT_SCRIPTS = {"index.html"}
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def scriptless(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="zh-CN",
                                  viewport={"width": 360, "height": 780})
    yield context
    context.close()


def chinese(text: str) -> bool:
    return len(CHINESE.findall(text)) >= 2


def label_of(field: Locator) -> Locator:
    field_id = field.get_attribute("id")
    page = field.page
    if field_id and page.locator(f'label[for="{field_id}"]').count():
        return page.locator(f'label[for="{field_id}"]').first
    return field.locator("xpath=ancestor::label[1]")


def test_every_page_is_checked():
    assert len(PAGES) >= 15 and FORM_PAGES <= set(PAGES) and WITHOUT_SCRIPTS <= set(PAGES)
    assert {"staff/index.html", "staff/funds.html", "staff/case.html"} <= set(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_the_page_says_what_it_is_in_chinese_before_any_script_runs(scriptless, name):
    page = scriptless.new_page()
    try:
        page.goto(f"/{name}")
        heading = page.locator("main h1:visible").first
        expect(heading).to_be_visible()
        assert chinese(heading.inner_text()), f"{name}: heading {heading.inner_text()!r}"
        body = page.locator("main").inner_text().replace(heading.inner_text(), "", 1)
        assert chinese(body), f"{name}: no Chinese text under the heading: {body!r}"

        if name not in WITHOUT_SCRIPTS:
            note = page.locator("main noscript .noscript")
            expect(note).to_be_visible()
            assert chinese(note.inner_text()) and "JavaScript" in note.inner_text(), f"{name}: {note.inner_text()!r}"

        if name in FORM_PAGES:
            form = page.locator("main form:visible").first
            expect(form).to_be_visible()
            field = form.locator("input:not([type=hidden]):visible, select:visible, textarea:visible").first
            expect(field).to_be_visible()
            expect(field).to_be_enabled()
            label = label_of(field)
            expect(label).to_be_visible()
            assert chinese(label.inner_text()), f"{name}: label {label.inner_text()!r}"
            # Usable: the resident can already answer it.
            if field.get_attribute("type") in ("radio", "checkbox"):
                field.check()
                expect(field).to_be_checked()
            else:
                field.fill("13800000000")
                expect(field).to_have_value("13800000000")
    finally:
        page.close()
