"""What the staff workbench's HTML promises before its modules run: a form its script sends
cannot be pressed yet (its submit is disabled until the module has wired it: a press before
would post the form to the page itself), and its rules come from staff.css, which no
residents' page downloads."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"
STAFF_PAGES = sorted((WEB / "staff").glob("*.html"))
RESIDENT_PAGES = sorted(WEB.glob("*.html"))
# What marks a workbench rule: its pages' main (.staff), its own classes, the printed slips
# and receipt facts, the key help.
STAFF_MARKS = re.compile(r"\.staff\b|\.staff-|\.slips?\b|\.slip-|\.key-help|\bkbd\b|\.table-scroll|\.receipt-facts|"
                         r"printing-slips|\.no-print")


class Forms(HTMLParser):
    """Each form's id, whether the browser could send it itself (an action), and its submits."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.forms.append({"id": found.get("id"), "action": found.get("action"), "submits": []})
        elif self.forms and (tag == "button" and found.get("type", "submit") == "submit"
                             or tag == "input" and found.get("type") == "submit"):
            self.forms[-1]["submits"].append("disabled" in found)
        elif tag == "link" and found.get("rel") == "stylesheet":
            self.stylesheets.append(str(found.get("href")))


def parsed(page: Path) -> Forms:
    forms = Forms()
    forms.feed(page.read_text(encoding="utf-8"))
    return forms


def test_staff_forms_sent_by_script_start_with_their_submit_disabled():
    wrong, checked = [], 0
    for page in STAFF_PAGES:
        for form in parsed(page).forms:
            # A form with an action is a plain link with fields: the browser sends it rightly.
            if form["action"] is not None:
                continue
            checked += len(form["submits"])
            if not all(form["submits"]):
                wrong.append(f"{page.name} #{form['id']}")
    assert checked >= 10
    assert not wrong, "submit without `disabled`: " + ", ".join(wrong)


def test_only_staff_pages_link_staff_css():
    assert [p.name for p in RESIDENT_PAGES if any("staff.css" in s for s in parsed(p).stylesheets)] == []
    assert [p.name for p in STAFF_PAGES if "../css/staff.css" not in parsed(p).stylesheets] == []


def test_site_css_holds_no_workbench_rules():
    css = re.sub(r"/\*.*?\*/", "", (WEB / "css" / "site.css").read_text(encoding="utf-8"), flags=re.DOTALL)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
    assert [s for s in selectors if STAFF_MARKS.search(s)] == []
    assert STAFF_MARKS.search((WEB / "css" / "staff.css").read_text(encoding="utf-8"))
