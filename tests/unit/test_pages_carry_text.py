"""Every string a page's HTML names with data-i18n is already there, in Chinese, as
web/i18n/zh.json says it: the page reads right before its modules arrive (or without them),
and the text it shows first is the one the script would put there, so nothing jumps."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"
TRANSLATED = re.compile(r'<(\w+)\b[^>]*?\sdata-i18n="([^"]+)"[^>]*>(.*?)</\1>', re.DOTALL)


def test_every_translated_element_carries_its_chinese_text_in_the_html():
    zh = json.loads((WEB / "i18n" / "zh.json").read_text(encoding="utf-8"))
    staff = {**zh, **json.loads((WEB / "i18n" / "staff.zh.json").read_text(encoding="utf-8"))}
    wrong = []
    for page in [*sorted(WEB.glob("*.html")), *sorted((WEB / "staff").glob("*.html"))]:
        strings = staff if page.parent.name == "staff" else zh
        for match in TRANSLATED.finditer(page.read_text(encoding="utf-8")):
            tag, key, text = match.groups()
            if html.unescape(text) != strings.get(key):
                wrong.append(f"{page.name}: <{tag} data-i18n={key!r}> holds {text[:40]!r}, zh.json {strings.get(key)!r}")
    assert not wrong, "\n".join(wrong)
