// The committee's notice board for autonomy funds, open to its verified residents: the
// applications on public notice (公示) with their budget lines and days left, one of them
// with its objections and answers and the form to object (?id=), and the pool's ledger
// (?view=ledger). Residents see the public part only: the team's name, never the lead's.
import { ApiError, SignInNeeded, api, boot, el, formatDate, formatTime, param, requireSignIn, t } from "./core.js";
import { guardSubmit, keepDraft } from "./forms.js";
import { fenText } from "./fen.js";
import { findPool } from "./fund-pool.js";

await boot("fundn");
const notice = document.getElementById("page-notice");
const say = (key, vars) => { notice.textContent = t(key, vars); };
const DAY_MS = 86_400_000;

function daysLeft(endsAt) {
  const left = new Date(endsAt).getTime() - Date.now();
  return left > 0 ? Math.ceil(left / DAY_MS) : 0;
}

// The notice ends at 24:00 of its last day, Shanghai time: that day is the one residents know.
function noticeText(endsAt) {
  const lastDay = formatDate(new Date(new Date(endsAt).getTime() - 1).toISOString());
  const days = daysLeft(endsAt);
  return days ? t("fundn.days_left", { days, date: lastDay }) : t("fundn.notice_over", { date: lastDay });
}

function linesTable(lines, totalFen) {
  return el("div", { class: "table-wrap" }, el("table", {},
    el("caption", { class: "visually-hidden", text: t("fundn.lines") }),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: t("fundn.col_item") }), el("th", { scope: "col", class: "money", text: t("fundn.col_amount") }))),
    el("tbody", {}, ...lines.map((line) => el("tr", {},
      el("td", {}, line.item, el("br"), el("span", { class: "muted", text: `${line.quantity} × ${fenText(line.unit_price_fen)}` })),
      el("td", { class: "money", text: fenText(line.total_fen) })))),
    el("tfoot", {}, el("tr", {},
      el("th", { scope: "row", text: t("fundn.total") }), el("td", { class: "money", text: fenText(totalFen) })))));
}

function card(item, detail) {
  return el("li", { class: "card" },
    el("h3", {}, el("a", { href: `fund-notice.html?id=${encodeURIComponent(item.id)}`, text: item.title })),
    el("p", { text: `${item.team_name} · ${t(`fund.category.${item.category}`)}` }),
    el("p", { class: "days", text: noticeText(item.notice_ends_at) }),
    el("p", { text: t("fundn.requested", { amount: fenText(item.requested_fen) }) }),
    detail ? linesTable(detail.lines, detail.requested_fen) : null,
    el("p", {}, el("a", { href: `fund-notice.html?id=${encodeURIComponent(item.id)}` }, t("fundn.open"),
      el("span", { class: "visually-hidden", text: t("fundn.open_named", { title: item.title }) }))));
}

async function where() {
  const me = await api("GET", "/me");
  if (me.role !== "resident") { say("fundn.not_resident"); return null; }
  if (!me.residence) { say("fundn.no_residence"); return null; }
  const found = await findPool(me.residence);
  if (!found.pool) { say("fundn.no_pool", { year: found.year }); return null; }
  return { committee: me.residence, ...found };
}

async function showBoard() {
  const place = await where();
  if (!place) return;
  const items = [];
  let cursor = null;
  do {
    const page = await api("GET", `/funds/pools/${place.committee}/${place.year}/applications?status=in_notice&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    items.push(...page.items.filter((item) => item.phase === "in_notice"));
    cursor = page.next_cursor;
  } while (cursor);
  // The budget lines are what neighbours object to: each card carries them.
  const details = await Promise.all(items.map((item) => api("GET", `/funds/applications/${encodeURIComponent(item.id)}`)));
  document.getElementById("board-list").replaceChildren(...items.map((item, n) => card(item, details[n])));
  document.getElementById("board-empty").hidden = items.length > 0;
}

function objectionItem(objection) {
  return el("li", {},
    el("p", {}, el("strong", { text: t("fundn.objection") }), " ", el("time", { datetime: objection.filed_at, text: formatTime(objection.filed_at) })),
    el("p", { text: objection.reason }),
    objection.answer
      ? el("p", { class: "answer" }, el("strong", { text: t("fundn.answer") }), " ", objection.answer, " ",
        el("time", { class: "muted", datetime: objection.answered_at, text: formatTime(objection.answered_at) }))
      : el("p", { class: "muted", text: t("fundn.waiting_answer") }));
}

async function showOne(id) {
  let a;
  try {
    a = await api("GET", `/funds/applications/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return say("fundn.not_found");
    throw error;
  }
  document.getElementById("board-view").hidden = true;
  document.getElementById("one-heading").textContent = a.title;
  const facts = [
    [t("fundn.team"), a.team_name], [t("fund.category"), t(`fund.category.${a.category}`)],
    [t("fundn.status"), t(`fund.status.${a.phase}`)],
    [t("fundn.notice"), a.notice_ends_at ? noticeText(a.notice_ends_at) : ""],
    [t("fund.beneficiaries"), String(a.beneficiaries)],
    [t("fund.period"), t("fund.period_value", { start: formatDate(a.starts_on), end: formatDate(a.ends_on) })],
    [t("fund.purpose"), a.purpose],
    [t("fund.approved"), a.approved_fen ? fenText(a.approved_fen) : ""],
  ];
  document.getElementById("one-body").replaceChildren(
    el("dl", { class: "facts" }, ...facts.filter(([, text]) => text).flatMap(([term, text]) => [el("dt", { text: term }), el("dd", { text })])),
    el("h3", { text: t("fundn.lines") }), linesTable(a.lines, a.requested_fen));
  document.getElementById("objections").replaceChildren(...a.objections.map(objectionItem));
  document.getElementById("objections-empty").hidden = a.objections.length > 0;
  const open = a.phase === "in_notice" && a.notice_ends_at && daysLeft(a.notice_ends_at) > 0;
  document.getElementById("objection-closed").hidden = open || a.status !== "in_notice";
  document.getElementById("one-view").hidden = false;
  if (open && a.view === "public" && objected().includes(a.id)) say("fundn.already");
  else if (open && a.view === "public") objectionForm(a);
  else if (open) say("fundn.own_team");
  document.getElementById("one-heading").focus();
}

// The API takes one objection per resident and application but does not say whose are
// whose (objections are anonymous); this device remembers the ones sent from it.
const OBJECTED_KEY = "mulin.fund.objected";
function objected() {
  try { return JSON.parse(localStorage.getItem(OBJECTED_KEY)) || []; } catch { return []; }
}

function objectionForm(application) {
  const form = document.getElementById("objection-form");
  form.hidden = false;
  const reason = document.getElementById("objection-reason");
  const draft = keepDraft(form, `fund-objection.${application.id}`);
  guardSubmit(form, async () => {
    const text = reason.value.trim();
    if (!text) {
      throw new ApiError(422, { code: "validation_failed", message: "", details: [{ field: "reason", message: t("fund.error.required"), message_zh: t("fund.error.required") }] });
    }
    // One objection per resident and application: a second press is refused (409) by the API.
    try {
      await api("POST", `/funds/applications/${encodeURIComponent(application.id)}/objections`, { body: { reason: text } });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
    draft.clear();
    localStorage.setItem(OBJECTED_KEY, JSON.stringify([...objected(), application.id].slice(-200)));
    form.reset();
    form.hidden = true;
    say("fundn.sent");
    const again = await api("GET", `/funds/applications/${encodeURIComponent(application.id)}`);
    document.getElementById("objections").replaceChildren(...again.objections.map(objectionItem));
    document.getElementById("objections-empty").hidden = again.objections.length > 0;
  });
}

function ledgerRow(entry, titles) {
  const title = entry.application_id ? titles.get(entry.application_id) : null;
  const what = [t(`fundn.kind.${entry.kind}`), title ? t("fundn.ledger_for", { title }) : "", entry.reason && !title ? entry.reason : ""].join(" ").trim();
  const inflow = entry.kind === "allocate" || entry.kind === "refund";
  return el("tr", {},
    el("td", {}, el("time", { datetime: entry.at, text: formatDate(entry.at) })),
    el("td", {}, entry.application_id ? el("a", { href: `fund-notice.html?id=${encodeURIComponent(entry.application_id)}`, text: what }) : what),
    el("td", { class: "money", text: `${inflow ? "+" : ""}${fenText(entry.amount_fen)}` }));
}

async function showLedger() {
  const place = await where();
  if (!place) return;
  const { committee, year, pool } = place;
  document.getElementById("board-view").hidden = true;
  const titles = new Map();
  const entries = [];
  let cursor = null;
  do {
    const page = await api("GET", `/funds/pools/${committee}/${year}/applications?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    for (const item of page.items) titles.set(item.id, item.title);
    cursor = page.next_cursor;
  } while (cursor);
  do {
    const page = await api("GET", `/funds/pools/${committee}/${year}/ledger?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    entries.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  const figures = [["allocated", pool.allocated_fen], ["available", pool.available_fen], ["committed", pool.committed_fen], ["disbursed", pool.disbursed_fen]];
  document.getElementById("pool-figures").replaceChildren(
    el("p", { text: t("fundn.pool_year", { year }) }),
    el("dl", { class: "facts" }, ...figures.flatMap(([name, fen]) => [el("dt", { text: t(`fundn.pool.${name}`) }), el("dd", { text: fenText(fen) })])));
  document.getElementById("ledger-rows").replaceChildren(...entries.map((entry) => ledgerRow(entry, titles)));
  document.getElementById("ledger-view").hidden = false;
  document.getElementById("ledger-heading").focus();
}

if (requireSignIn()) {
  try {
    const id = param("id");
    if (id) await showOne(id);
    else if (param("view") === "ledger") await showLedger();
    else await showBoard();
  } catch (error) {
    if (error instanceof SignInNeeded) requireSignIn();
    else if (error instanceof ApiError && error.status === 403) say("fundn.not_yours");
    else { console.error(error); say("error.load"); }
  }
}
