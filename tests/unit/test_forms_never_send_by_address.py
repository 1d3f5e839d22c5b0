"""Every page shows its forms before its scripts arrive. A press in that moment submits the form
natively: as GET it would put what was typed (a password, a suggestion, a ballot's picks) into
the address, where server and CDN logs and the browser's history keep it. Every form but the
workbench's list filters therefore declares POST, which a static page answers with an error and
no log of the fields."""

from __future__ import annotations

import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"
# Filters whose fields are a list's criteria, meant to be kept in the address.
FILTERS = re.compile(r'\bid="filters?"')


def test_every_form_but_a_filter_is_sent_by_post_if_sent_before_its_script():
    pages = [*sorted(WEB.glob("*.html")), *sorted((WEB / "staff").glob("*.html"))]
    forms = [(page.relative_to(WEB), tag) for page in pages
             for tag in re.findall(r"<form\b[^>]*>", page.read_text(encoding="utf-8"))]
    assert forms
    assert not [(page, tag) for page, tag in forms if not FILTERS.search(tag) and 'method="post"' not in tag]
