// The suggestion queue: the API's filters as a GET form (the URL is the filter), pages on
// demand, and j/k/Enter to move through it without a mouse.
import { api, boot, el, formatTime, t } from "../../js/core.js";
import { showError } from "../../js/forms.js";
import { downloadCsv } from "./csv.js";
import { keyHelp, requireOfficial, shortcuts, staffNav } from "./staff.js";

await boot("staff.queue");
staffNav("suggestions");
await requireOfficial();

const FILTERS = ["status", "category", "division", "submitted_from", "submitted_to", "overdue", "sort"];
const form = document.getElementById("filters");
const list = document.getElementById("queue");
const status = document.getElementById("list-status");
const more = document.getElementById("more");
const query = new URLSearchParams(location.search);
for (const name of FILTERS) if (query.get(name)) form.elements[name].value = query.get(name);

let cursor = null;
let selected = -1;
const items = [];

function row(item) {
  const overdue = item.overdue ? el("span", { class: "badge overdue", text: t("staff.queue.overdue_badge") }) : null;
  return el("li", { "data-id": item.id },
    el("a", { href: `case.html?id=${encodeURIComponent(item.id)}`, text: item.title }),
    el("p", {}, el("span", { class: "badge", text: t(`status.${item.status}`) }), " ", overdue, " ",
      el("span", { class: "muted", text: `${t("staff.case.tracking", { no: item.tracking_no })} · ${t(`category.${item.category}`)}` })),
    el("p", { class: "muted", text: [formatTime(item.submitted_at), item.due_at ? t("staff.queue.due", { time: formatTime(item.due_at) }) : ""].filter(Boolean).join(" · ") }),
    item.submitter_phone_masked ? el("p", { class: "muted", text: t("staff.queue.phone", { phone: item.submitter_phone_masked }) }) : null);
}

function select(index, focus = true) {
  const rows = list.children;
  if (!rows.length) return;
  selected = Math.max(0, Math.min(rows.length - 1, index));
  for (const [i, node] of [...rows].entries()) node.setAttribute("aria-current", String(i === selected));
  const link = rows[selected].querySelector("a");
  if (focus) link.focus();
  rows[selected].scrollIntoView({ block: "nearest" });
}

function filtered(limit) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (query.get(name)) params.set(name, query.get(name));
  params.set("limit", String(limit));
  return params;
}

async function load() {
  const params = filtered(25);
  if (cursor) params.set("cursor", cursor);
  more.hidden = true;
  try {
    const page = await api("GET", `/review/suggestions?${params}`);
    items.push(...page.items);
    list.append(...page.items.map(row));
    cursor = page.next_cursor;
    more.hidden = !cursor;
    status.textContent = items.length ? t("staff.queue.count", { count: items.length }) : t("staff.queue.empty");
  } catch (error) {
    showError(form, error);
  }
}

// The whole of the current filter, not only the rows shown: page after page, up to a bound
// that keeps a street's export quick.
const COLUMNS = [["tracking_no", "编号 tracking_no"], ["title", "主题 title"], ["category", "类别 category"],
  ["status", "状态 status"], ["division", "区划 division"], ["jurisdiction", "办理单位 jurisdiction"],
  ["channel", "渠道 channel"], ["submitted_at", "提交时间 submitted_at (UTC)"], ["due_at", "期限 due_at (UTC)"],
  ["overdue", "超期 overdue"], ["submitter_phone_masked", "居民手机 phone (masked)"]].map(([key, label]) => ({ key, label }));
const exportButton = document.getElementById("export");
exportButton.hidden = false;
exportButton.addEventListener("click", async () => {
  exportButton.setAttribute("aria-disabled", "true");
  try {
    const rows = [];
    let next = null;
    for (let page = 0; page < 20; page += 1) {
      const params = filtered(100);
      if (next) params.set("cursor", next);
      const got = await api("GET", `/review/suggestions?${params}`);
      rows.push(...got.items.map((item) => ({ ...item, overdue: item.overdue ? "yes" : "no" })));
      next = got.next_cursor;
      if (!next) break;
    }
    downloadCsv(`suggestions-${new Date().toISOString().slice(0, 10)}.csv`, rows, COLUMNS);
  } catch (error) {
    showError(form, error);
  } finally {
    exportButton.removeAttribute("aria-disabled");
  }
});

more.addEventListener("click", async () => {
  const next = list.children.length;
  await load();
  if (list.children.length > next) select(next);
});

const help = keyHelp([["j", "staff.keys.next"], ["k", "staff.keys.prev"], ["Enter", "staff.keys.open"],
  ["/", "staff.keys.filter"], ["?", "staff.keys.help"]]);
shortcuts({
  j: () => select(selected + 1),
  k: () => select(selected - 1),
  Enter: () => { if (selected >= 0) location.href = list.children[selected].querySelector("a").href; },
  "/": () => form.elements.status.focus(),
  "?": help,
});
// A link focused by Tab is the selected row too, so j/k continue from where the eye is.
list.addEventListener("focusin", (event) => {
  const index = [...list.children].indexOf(event.target.closest("li"));
  if (index >= 0 && index !== selected) select(index, false);
});

await load();
