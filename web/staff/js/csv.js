// Every list the workbench exports, as the publication writes its tables
// (chalicelib/publishing/render.py): text cells quoted and neutralised as
// chalicelib/spreadsheet.py does, numbers bare, "\n" between rows, a byte-order mark so
// spreadsheet programs read Chinese as UTF-8. tests/unit/test_staff_csv.py runs both rules on
// the same cells.

// A spreadsheet reads a cell beginning with one of these as a formula.
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

export function neutralised(value) {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return value;
  // Full-width ＝＋－＠ are read as their ASCII forms by some spreadsheet programs.
  const first = String.fromCodePoint(value.codePointAt(0) ?? 32).normalize("NFKC");
  if (FORMULA_STARTS.some((start) => value.startsWith(start) || first.startsWith(start))) return "'" + value;
  return value;
}

function cell(value) {
  const safe = neutralised(value);
  if (typeof safe === "number") return String(safe);
  return `"${String(safe).replace(/"/g, '""')}"`;
}

// columns: [{ label, key }] or [{ label, value: (row) => … }], in the file's order.
export function csvText(rows, columns) {
  const lines = [columns.map((column) => cell(column.label))];
  for (const row of rows) lines.push(columns.map((column) => cell(column.value ? column.value(row) : row[column.key])));
  return "\ufeff" + lines.map((line) => line.join(",") + "\n").join("");
}

export function downloadCsv(filename, rows, columns) {
  const url = URL.createObjectURL(new Blob([csvText(rows, columns)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The whole of a listing's current filter, not only the rows shown: page after page of 100,
// up to `pages` pages, which keeps a street's export quick. `pathFor(cursor)` gives each page's path.
export async function allRows(api, pathFor, pages = 20) {
  const rows = [];
  let next = null;
  for (let page = 0; page < pages; page += 1) {
    const got = await api("GET", pathFor(next));
    rows.push(...got.items);
    next = got.next_cursor;
    if (!next) break;
  }
  return rows;
}
