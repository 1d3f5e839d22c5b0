"""Draws the app's PNG icons (web/icons/) from web/favicon.svg with Debian's chromium, so the
home-screen icon is the same mark as the tab's. Run after changing the SVG:
`.venv/bin/python infra/make_icons.py`; the PNGs are kept in the repository."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

WEB = Path(__file__).resolve().parents[1] / "web"
# "maskable": the mark inside the central 80% a launcher may crop to a circle, on the brand red.
PAGE = """<!doctype html><html><body style="margin:0;background:{background}">
<div style="width:{size}px;height:{size}px;display:flex;align-items:center;justify-content:center">
<img src="data:image/svg+xml;base64,{svg}" style="width:{inner}px;height:{inner}px"></div></body></html>"""


def main() -> None:
    import base64

    svg = base64.b64encode((WEB / "favicon.svg").read_bytes()).decode()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, size, inner, background in (("icon-192.png", 192, 192, "transparent"),
                                              ("icon-512.png", 512, 512, "transparent"),
                                              ("maskable-512.png", 512, 400, "#a4161a")):
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(PAGE.format(size=size, inner=inner, background=background, svg=svg))
            page.screenshot(path=str(WEB / "icons" / name), omit_background=background == "transparent")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
