// Autonomy funds for officials: the committee's applications by status or awaiting my step,
// each with the actions the API allows me now, the pool's figures beside them, refreshed
// after every step. Each action asks for exactly what its rule needs.
import { ApiError, api, apiText, boot, el, formatDate, formatTime, t } from "../../js/core.js";
import { announce, clearErrors, guardSubmit, showError } from "../../js/forms.js";
import { fenText, yuanToFen } from "../../js/fen.js";
import { findPool } from "../../js/fund-pool.js";
import { allRows, downloadCsv } from "./csv.js";
import { paperForm } from "./fund-paper.js";
import { paperReportForm } from "./fund-paper-report.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

const REASON_REQUIRED = new Set(["return_for_changes", "reject", "return", "cancel"]);
// The team's own steps show only for an application staff entered from paper (the team has no
// account to take them with); objection answers and the completion report have their own forms.
const OFFICIAL_ACTIONS = ["recommend", "return_for_changes", "approve", "reject", "fund", "return", "accept", "close", "cancel"];
const TEAM_ACTIONS = ["submit", "start", "withdraw"];

await boot("staff.fund");
staffNav("funds");
const { me } = await requireOfficial();

const filter = document.getElementById("filter");
const list = document.getElementById("applications");
const more = document.getElementById("more");
const detail = document.getElementById("detail");
let cursor = null;

const money = (fen) => (fen === null || fen === undefined ? "—" : fenText(fen));
const statusText = (item) => t(`fund.status.${item.phase === "notice_ended" ? "notice_ended" : item.status}`);
const fact = (key, value) => (value || value === 0 ? [el("dt", { text: t(key) }), el("dd", { text: String(value) })] : []);

async function committees() {
  if (me.jurisdiction.length === 12) {
    const own = await api("GET", `/divisions/${me.jurisdiction}`, { auth: false });
    return [own];
  }
  const above = await api("GET", `/divisions/${me.jurisdiction}`, { auth: false });
  return above.children.filter((d) => d.level === "committee");
}

// ---- the pool ---------------------------------------------------------------------------------

async function showPool() {
  const figures = document.getElementById("pool");
  try {
    const pool = await api("GET", `/funds/pools/${filter.committee.value}/${filter.year.value}`);
    figures.replaceChildren(
      ...[["allocated", pool.allocated_fen], ["available", pool.available_fen], ["committed", pool.committed_fen],
        ["disbursed", pool.disbursed_fen]].flatMap(([name, fen]) => [
        el("dt", { text: t(`staff.fund.pool.${name}`) }), el("dd", { id: `pool-${name}`, text: money(fen) })]));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    figures.replaceChildren(el("dt", { text: t("staff.fund.pool.none") }), el("dd", { text: "—" }));
  }
}

// ---- the list ---------------------------------------------------------------------------------

function card(item) {
  const facts = [
    ...fact("staff.fund.requested", money(item.requested_fen)),
    ...fact("staff.fund.team", item.team_name),
    ...fact("staff.fund.objections", item.open_objections || null),
    ...fact("staff.fund.notice_ends", item.notice_ends_at && formatTime(item.notice_ends_at)),
    ...fact("staff.fund.due", item.due_at && formatTime(item.due_at)),
  ];
  return el("li", { class: "card" },
    el("h3", { text: item.title }),
    el("p", {}, el("span", { class: "badge", text: statusText(item) }),
      item.overdue ? el("span", { class: "badge overdue", text: t("staff.fund.overdue") }) : null),
    el("dl", { class: "facts" }, ...facts),
    el("button", { type: "button", class: "secondary", text: t("staff.fund.open"),
      "aria-label": t("staff.fund.open_named", { title: item.title }), onclick: () => open(item.id) }));
}

// The list's path for the filter chosen: the caller's queue, or the pool's applications by status.
function listPath(limit, next) {
  const view = filter.view.value;
  const query = new URLSearchParams({ limit: String(limit) });
  if (next) query.set("cursor", next);
  if (view === "queue") {
    query.set("committee", filter.committee.value);
    return `/review/funds?${query}`;
  }
  if (view !== "all") query.set("status", view);
  return `/funds/pools/${filter.committee.value}/${filter.year.value}/applications?${query}`;
}

async function showList(fresh) {
  const errors = document.getElementById("fund-errors");
  errors.replaceChildren();
  if (fresh) cursor = null;
  const path = listPath(20, cursor);
  try {
    const page = await api("GET", path);
    if (fresh) list.replaceChildren();
    list.append(...page.items.map(card));
    if (!list.childElementCount) list.append(el("li", { class: "muted", text: t("staff.fund.empty") }));
    cursor = page.next_cursor || null;
    more.hidden = !cursor;
  } catch (error) {
    const holder = el("form");
    errors.append(holder);
    showError(holder, error, { onRetry: () => showList(fresh) });
  }
}

// ---- one application and its actions -----------------------------------------------------------

function linesTable(lines) {
  return el("table", {},
    el("caption", { class: "visually-hidden", text: t("staff.fund.lines") }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("staff.fund.line_item") }),
      el("th", { scope: "col", class: "money", text: t("staff.fund.line_total") }))),
    el("tbody", {}, ...lines.map((line) => el("tr", {}, el("td", { text: `${line.item} × ${line.quantity}` }),
      el("td", { class: "money", text: money(line.total_fen) })))));
}

function actionForm(application, action) {
  const form = el("form", { class: "card staff-action", novalidate: true, "data-action": action });
  const id = `${action}-reason`;
  form.append(el("h3", { text: t(`staff.fund.do.${action}`) }));
  if (action === "fund") {
    form.append(el("label", { for: "fund-advance", text: t("staff.fund.advance") }),
      el("p", { class: "hint", id: "fund-advance-hint", text: t("staff.fund.advance_hint") }),
      el("input", { id: "fund-advance", name: "advance_fen", type: "text", inputmode: "decimal", "aria-describedby": "fund-advance-hint" }));
  }
  form.append(el("label", { for: id, text: t(REASON_REQUIRED.has(action) ? "staff.fund.reason" : "staff.fund.comment") }),
    el("textarea", { id, name: "reason", rows: "2", maxlength: "2000", required: REASON_REQUIRED.has(action) }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: REASON_REQUIRED.has(action) || action === "cancel" ? "secondary" : "primary",
      text: t(`staff.fund.do.${action}`) })));
  guardSubmit(form, async () => {
    const body = { version: application.version };
    const reason = form.reason.value.trim();
    if (reason) body.reason = reason;
    if (REASON_REQUIRED.has(action) && !reason) return refuse(form, "reason", "staff.fund.need_reason");
    if (action === "fund") {
      const fen = yuanToFen(form.advance_fen.value);
      if (fen === null) return refuse(form, "advance_fen", "staff.fund.need_advance");
      body.advance_fen = fen;
    }
    await act(application, action, body, form);
  });
  return form;
}

function objectionItem(application, objection) {
  const item = el("li", { class: "card" },
    el("p", { text: objection.reason }),
    el("p", { class: "muted", text: formatTime(objection.filed_at) }));
  if (objection.answer) {
    item.append(el("p", {}, el("strong", { text: t("staff.fund.answered") }), " ", objection.answer));
  } else if (application.allowed_actions.includes("answer_objection")) {
    const id = `answer-${objection.id}`;
    const form = el("form", { novalidate: true },
      el("label", { for: id, text: t("staff.fund.answer") }),
      el("textarea", { id, name: "answer", rows: "3", maxlength: "2000", required: true }),
      el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("staff.fund.do.answer_objection") })));
    guardSubmit(form, async () => {
      const answer = form.answer.value.trim();
      if (!answer) return refuse(form, "answer", "staff.fund.need_answer");
      await act(application, "answer_objection", { version: application.version, objection_id: objection.id, answer }, form);
    });
    item.append(form);
  }
  return item;
}

function refuse(form, field, key) {
  const message = t(key);
  showError(form, new ApiError(400, { message: "", details: [{ field, message, message_zh: message }] }));
}

// Who took each step and, for an entered application, from what.
function step(event) {
  const from = event.channel ? ` · ${t(`staff.fund.channel.${event.channel}`)}` : "";
  return el("li", {}, el("strong", { text: t(`fund.action.${event.action}`) }),
    ` · ${t(`fund.role.${event.actor_role}`)}${from} · `, el("time", { datetime: event.at, text: formatTime(event.at) }),
    event.reason ? el("p", { text: event.reason }) : null);
}

function render(application) {
  detail.hidden = false;
  document.getElementById("detail-heading").textContent = application.title;
  const team = application.team || {};
  const body = document.getElementById("detail-body");
  body.replaceChildren(...[
    el("p", {}, el("span", { class: "badge", text: statusText(application) })),
    el("dl", { class: "facts" },
      ...fact("staff.fund.team", application.team_name),
      ...fact("staff.fund.lead_name", team.lead_name),
      ...fact("staff.fund.members", team.member_count),
      ...fact("staff.fund.category", t(`fund.category.${application.category}`)),
      ...fact("staff.fund.dates", `${formatDate(application.starts_on)} – ${formatDate(application.ends_on)}`),
      ...fact("staff.fund.beneficiaries", application.beneficiaries),
      ...fact("staff.fund.requested", money(application.requested_fen)),
      ...fact("staff.fund.approved", application.approved_fen != null ? money(application.approved_fen) : null),
      ...fact("staff.fund.paid", application.disbursed_fen ? money(application.disbursed_fen) : null),
      ...fact("staff.fund.notice_ends", application.notice_ends_at && formatTime(application.notice_ends_at)),
      ...fact("staff.fund.last_comment", application.last_comment),
      ...fact("staff.fund.entered_from", application.channel && application.channel !== "web" ? t(`staff.fund.channel.${application.channel}`) : null),
      ...fact("staff.fund.lead_phone", application.lead_phone_masked),
      ...fact("staff.fund.sms", application.lead_phone_masked && application.sms_consent != null
        ? t(application.sms_consent ? "staff.fund.sms_yes" : "staff.fund.sms_no") : null),
      ...fact("staff.fund.scans", application.scan_count || null)),
    el("p", { text: application.purpose }),
    linesTable(application.lines),
    application.timeline?.length ? el("h3", { text: t("fund.timeline") }) : null,
    application.timeline?.length ? el("ol", { class: "timeline" }, ...application.timeline.map(step)) : null,
    application.objections.length ? el("h3", { text: t("staff.fund.objections_heading") }) : null,
    application.objections.length ? el("ul", { class: "cards" }, ...application.objections.map((o) => objectionItem(application, o))) : null,
  ].filter(Boolean));
  const entered = application.channel && application.channel !== "web";
  const actions = [...(entered ? TEAM_ACTIONS : []), ...OFFICIAL_ACTIONS].filter((a) => application.allowed_actions.includes(a));
  const forms = actions.map((a) => actionForm(application, a));
  if (entered && application.allowed_actions.includes("report")) {
    forms.unshift(paperReportForm(application, (body, form) => act(application, "report", body, form)));
  }
  // The review and money steps of what one entered for a team are another official's (four eyes).
  const fourEyes = application.review_by_another ? el("p", { class: "hint", id: "four-eyes", text: t("staff.fund.four_eyes") }) : null;
  document.getElementById("detail-actions").replaceChildren(
    ...(forms.length ? forms : [el("p", { class: "muted", text: t("staff.fund.nothing_to_do") })]), ...(fourEyes ? [fourEyes] : []));
}

async function open(id) {
  render(await api("GET", `/funds/applications/${id}`));
  document.getElementById("fund-status").textContent = "";
  document.getElementById("detail-heading").focus();
}

async function act(application, action, body, form) {
  try {
    const after = await api("POST", `/funds/applications/${application.id}/${action}`, { body });
    render(after);
    announce(document.getElementById("fund-status"), t(`staff.fund.done.${action}`, { title: after.title }));
    await Promise.all([showPool(), showList(true)]);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      clearErrors(form);
      const summary = el("div", { class: "error-summary", role: "alert", tabindex: "-1" },
        el("p", { text: apiText(error.apiMessage) || t("staff.fund.conflict") }),
        el("button", { type: "button", class: "secondary", text: t("staff.fund.reload"), onclick: () => open(application.id) }));
      form.prepend(summary);
      summary.focus();
      return false;
    }
    throw error;
  }
}

// ---- start ------------------------------------------------------------------------------------

const places = await committees();
filter.committee.replaceChildren(...places.map((d) => el("option", { value: d.code, text: d.name })));
const asked = new URLSearchParams(location.search);
if (places.some((d) => d.code === asked.get("committee"))) filter.committee.value = asked.get("committee");
if (asked.get("view") && [...filter.view.options].some((o) => o.value === asked.get("view"))) filter.view.value = asked.get("view");
filter.year.value = asked.get("year") || (places.length ? (await findPool(filter.committee.value)).year : new Date().getFullYear());
filter.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", `?${new URLSearchParams({ committee: filter.committee.value, year: filter.year.value, view: filter.view.value })}`);
  detail.hidden = true;
  Promise.all([showPool(), showList(true)]);
});
enableSubmit(filter);
more.addEventListener("click", () => showList(false));
paperForm({
  where: () => ({ committee: filter.committee.value, year: filter.year.value }),
  toFen: yuanToFen,
  entered: async (application) => {
    document.getElementById("paper").open = false;
    render(application);
    announce(document.getElementById("fund-status"), t("staff.fund.paper.done", { title: application.title }));
    document.getElementById("detail-heading").focus();
    await Promise.all([showPool(), showList(true)]);
  },
});
if (places.length) await Promise.all([showPool(), showList(true)]);
else list.append(el("li", { class: "muted", text: t("staff.fund.no_committee") }));

// Amounts stay integer fen in the file, as the publication writes them.
const EXPORT_COLUMNS = [["id", "编号 id"], ["committee", "居委会 committee"], ["year", "年度 year"],
  ["team_name", "团队 team_name"], ["title", "项目 title"], ["category", "类别 category"], ["status", "状态 status"],
  ["requested_fen", "申请金额（分） requested_fen"], ["approved_fen", "核定金额（分） approved_fen"],
  ["open_objections", "未答复异议 open_objections"], ["notice_ends_at", "公示截止 notice_ends_at (UTC)"],
  ["waiting_since", "待办起始 waiting_since (UTC)"], ["due_at", "期限 due_at (UTC)"]].map(([key, label]) => ({ key, label }));
const exportButton = document.getElementById("export");
exportButton.addEventListener("click", async () => {
  exportButton.setAttribute("aria-disabled", "true");
  try {
    const rows = await allRows(api, (next) => listPath(100, next));
    downloadCsv(`funds-${filter.committee.value}-${filter.view.value}-${new Date().toISOString().slice(0, 10)}.csv`,
      rows, EXPORT_COLUMNS);
  } catch (error) {
    const holder = el("form");
    document.getElementById("fund-errors").replaceChildren(holder);
    showError(holder, error);
  } finally {
    exportButton.removeAttribute("aria-disabled");
  }
});
