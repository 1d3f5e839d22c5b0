"""Page weight: each page's HTML + CSS + JS in bytes, and its time to first text on slow 3G.

Starts the stack `make run` starts (`python -m local_stack` on free ports, as the browser
tests do), then for every web/*.html and web/staff/*.html: fetches the page as the server sends it, its
stylesheets and scripts, and every module those import, transitively (static `import … from`,
`export … from`, bare `import "…"`; modules reached only through a dynamic `import("…")` load
when a step asks for them and are weighed in a column of their own), and sums the bytes before
compression and gzipped (level 9, each file on its own as a server would send it). The
strings and config every page's boot() fetches (i18n/zh.json, config.json) are a column of
their own, outside the goal, which is HTML + CSS + JS under 100 KB (102,400 bytes) before
compression. Then opens the page in the Debian chromium, signed out and with a cold cache,
3 times, with Lighthouse's "Slow 3G" network (400 ms round trip, 400 kbit/s down and up,
Network.emulateNetworkConditions) and the CPU slowed 4× (Emulation.setCPUThrottlingRate), and
takes first-contentful-paint from the page's performance entries: the median of the 3. A
page that sends a signed-out visitor to sign-in is timed on its own paint, before it leaves.
Prints its BENCHMARKS.md section.
Run: .venv/bin/python bench/page_weight.py [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402
from tests.local_stack_process import running_local_stack  # noqa: E402

GOAL_BYTES = 100 * 1024
CHROMIUM = "/usr/bin/chromium"
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8, "uploadThroughput": 400 * 1000 / 8}
CPU_SLOWDOWN = 4
BOOT_FETCHES = ("i18n/zh.json", "config.json")
STAFF_BOOT_FETCHES = ("i18n/staff.zh.json",)
IMPORTS = re.compile(r"""(?:\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?|\bexport\s*[\w*{}\s,$]*\s*from\s*)"""
                     r"""["']([^"']+\.js)["']""")
# A module imported by import("…") arrives when a step asks for it (the QR codes of paper
# slips), not with the page: weighed in a column of its own, outside the goal.
DYNAMIC_IMPORTS = re.compile(r"""\bimport\s*\(\s*["']([^"']+\.js)["']""")
# Written by the page itself as soon as it first paints; window.name outlives the redirect
# a signed-out visitor gets, so the figure is the requested page's own.
PAINT_PROBE = """
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === "first-contentful-paint" && !window.name) window.name = location.pathname + " " + entry.startTime;
  }
}).observe({ type: "paint", buffered: true });
"""


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.styles: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.styles.append(str(found["href"]))
        elif tag == "script" and found.get("src"):
            self.scripts.append(str(found["src"]))


def get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def weigh(base: str, page: str) -> dict[str, list[tuple[str, bytes]]]:
    """{kind: [(path, body)]} for one page: html, css, js (transitively), boot (strings, config)."""
    page_url = urljoin(base + "/", page)
    html = get(page_url)
    links = Links()
    links.feed(html.decode("utf-8"))
    found: dict[str, list[tuple[str, bytes]]] = {"html": [(page, html)], "css": [], "js": [], "boot": [],
                                                 "on_demand": []}
    for href in links.styles:
        url = urljoin(page_url, href)
        found["css"].append((urlsplit(url).path, get(url)))
    seen: set[str] = set()
    later: list[str] = []
    for kind, queue in (("js", [urljoin(page_url, src) for src in links.scripts]), ("on_demand", later)):
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            body = get(url)
            found[kind].append((urlsplit(url).path, body))
            text = body.decode("utf-8")
            queue.extend(urljoin(url, target) for target in IMPORTS.findall(text))
            later.extend(urljoin(url, target) for target in DYNAMIC_IMPORTS.findall(text))
    if any(path.endswith("/core.js") for path, _ in found["js"]):
        # A staff page's boot() fetches the workbench's strings besides.
        for path in (*BOOT_FETCHES, *(STAFF_BOOT_FETCHES if page.startswith("staff/") else ())):
            found["boot"].append((path, get(urljoin(base + "/", path))))
    return found


def size(files: list[tuple[str, bytes]]) -> tuple[int, int]:
    return sum(len(body) for _, body in files), sum(len(gzip.compress(body, 9)) for _, body in files)


def first_paint_ms(browser, base: str, page: str) -> float:
    context = browser.new_context(base_url=base, viewport={"width": 360, "height": 780}, locale="zh-CN",
                                  service_workers="block")
    try:
        tab = context.new_page()
        tab.add_init_script(PAINT_PROBE)
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        tab.goto(f"/{page}", wait_until="commit", timeout=120_000)
        tab.wait_for_function("() => window.name !== ''", timeout=120_000, polling=100)
        where, _, started = tab.evaluate("window.name").partition(" ")
        if not where.endswith(page) and not (page == "index.html" and where == "/"):
            raise RuntimeError(f"{page}: the first paint was on {where}")
        return float(started)
    finally:
        context.close()


def kb(size_bytes: int) -> str:
    return f"{size_bytes / 1024:.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    pages = [*sorted(path.name for path in (ROOT / "web").glob("*.html")),
             *sorted(f"staff/{path.name}" for path in (ROOT / "web" / "staff").glob("*.html"))]
    rows = []
    with tempfile.TemporaryDirectory() as scratch, running_local_stack(Path(scratch) / "stack.json") as stack:
        base = stack["state"]["api_url"].rstrip("/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            for page in pages:
                files = weigh(base, page)
                times = []
                for run in range(args.runs):
                    times.append(first_paint_ms(browser, base, page))
                    machine.progress(f"{page}: run {run + 1}, first contentful paint {times[-1]:.0f} ms")
                rows.append((page, files, statistics.median(times)))
            browser.close()

    machine.section("Page weight and first text on slow 3G", f"""
        Every page of `web/` and of the staff workbench (`web/staff/`) as the local stack
        (`make run`) serves it: the page, its stylesheets,
        its scripts and every module they import, transitively, in bytes before compression
        (KB = 1,024 bytes) and gzipped (level 9, file by file). Goal: HTML + CSS + JS under
        100 KB before compression. "On demand": modules only a dynamic `import()` loads, when a step
        asks for them (the QR codes of paper slips), outside the goal. "Strings" are what every page's boot fetches besides
        (`i18n/zh.json`, `config.json`, and `i18n/staff.zh.json` on staff pages), outside the goal.
        First text: first-contentful-paint
        from the page's performance entries, signed out, cold cache, no service worker, Lighthouse's
        Slow 3G (400 ms round trip, 400 kbit/s each way) and the CPU slowed {CPU_SLOWDOWN}× through
        Chrome DevTools Protocol, in the Debian chromium at 360 × 780; median of {args.runs} runs.
        """)
    table_rows = []
    met, missed = [], []
    for page, files, fcp in rows:
        html, css, js = size(files["html"]), size(files["css"]), size(files["js"])
        total = html[0] + css[0] + js[0]
        gz = html[1] + css[1] + js[1]
        verdict = "met" if total < GOAL_BYTES else f"missed by {kb(total - GOAL_BYTES)}"
        (met if total < GOAL_BYTES else missed).append(page)
        later = kb(size(files["on_demand"])[0]) if files["on_demand"] else "—"
        table_rows.append((f"`{page}`", kb(html[0]), kb(css[0]), f"{kb(js[0])} ({len(files['js'])} files)",
                           f"**{kb(total)}**", kb(gz), later, kb(size(files["boot"])[0]), f"{fcp / 1000:.2f} s",
                           verdict))
    machine.table(["page", "HTML", "CSS", "JS", "HTML + CSS + JS", "gzipped", "on demand", "strings", "first text",
                   "goal"], table_rows, right=range(1, 9))
    machine.paragraphs(f"""
        Under 100 KB before compression: {len(met)} of {len(rows)} pages ({", ".join(f"`{p}`" for p in met) or "none"}).
        Over it: {", ".join(f"`{p}`" for p in missed) or "none"}.
        """)


if __name__ == "__main__":
    main()
