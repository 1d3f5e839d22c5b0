"""The service worker installs only if every file it fetches at install exists: one missing
file and no page works offline."""

from __future__ import annotations

import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"


def test_every_precached_file_is_in_the_site():
    worker = (WEB / "sw.js").read_text(encoding="utf-8")
    listed = re.search(r"const PRECACHE = \[(.*?)\];", worker, flags=re.DOTALL)
    assert listed, "sw.js names its PRECACHE list"
    files = re.findall(r'"([^"]+)"', listed.group(1))
    # config.json is written at deployment (infra) and by the local server.
    assert [f for f in files if f != "config.json" and not (WEB / f).is_file()] == []


def test_the_worker_keeps_no_list_but_the_residents_own():
    worker = (WEB / "sw.js").read_text(encoding="utf-8")
    own = re.search(r"const OWN_LISTS = /(.*)/;", worker).group(1)
    assert set(re.findall(r"[a-z]+\\/mine", own)) == {r"suggestions\/mine", r"applications\/mine", r"notifications\/mine"}


def test_a_precached_page_has_every_module_it_loads_precached():
    worker = (WEB / "sw.js").read_text(encoding="utf-8")
    files = set(re.findall(r'"([^"]+)"', re.search(r"const PRECACHE = \[(.*?)\];", worker, flags=re.DOTALL).group(1)))
    needed = set()
    for name in files:
        text = (WEB / name).read_text(encoding="utf-8") if name.endswith((".html", ".js")) else ""
        needed |= set(re.findall(r'<script type="module" src="([^"]+)"', text))
        needed |= {f"js/{module}" for module in re.findall(r'from "\./([\w-]+\.js)"', text)}
    assert sorted(needed - files) == []
