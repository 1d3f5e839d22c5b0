// The team lead's steps once the street has decided: what was decided and paid, "we have
// started", the completion report with a receipt behind every payment, and the acceptance
// (accepted, or returned with the reason). Each step is one conditional write on the
// application's version, so a second press of the same button changes nothing.
import { ApiError, NetworkError, api, el, t } from "./core.js";
import { guardSubmit, keepDraft } from "./forms.js";
import { fenText } from "./fen.js";
import { wholeNumber, yuanToFen } from "./fund-form.js";

export const RECEIPT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"];
const MAX_RECEIPTS = 20;

// As photos.js does for photos: a presigned form, the file straight to storage, progress shown.
async function uploadReceipt(file, onProgress) {
  const form = await api("POST", "/uploads/receipts", { body: { content_type: file.type, size_bytes: file.size } });
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append("file", file);
  await new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", form.url);
    request.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total)); };
    request.onload = () => (request.status < 300 ? resolve() : reject(new ApiError(request.status, { code: "upload_refused" })));
    request.onerror = () => reject(new NetworkError());
    request.send(data);
  });
  return { key: form.key, name: file.name };
}

const problem = (field, key) => ({ field, message: t(key), message_zh: t(key) });
const refusal = (details) => new ApiError(422, { code: "validation_failed", message: "", details });

const seen = (application, body = {}) => ({ body: { version: application.version, ...body } });

// A 409 means the application moved on since this page read it (this very press, whose
// answer was lost, or an official's step): showing it as it is now is the right answer.
async function step(send, onDone) {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
  }
  onDone();
}

// The outcome so far, said in a sentence the lead reads first.
function outcome(a) {
  const last = [...a.timeline].reverse().find((event) => event.action !== "object" && event.action !== "answer_objection");
  const vars = { approved: fenText(a.approved_fen || 0), paid: fenText(a.disbursed_fen), reason: a.last_comment || "" };
  if (a.status === "in_progress" && last?.action === "return") return ["warning", t("fundr.returned", vars)];
  const key = { approved: "fundr.approved", funded: "fundr.funded", in_progress: "fundr.in_progress", reported: "fundr.reported",
    accepted: "fundr.accepted", closed: "fundr.closed", rejected: "fundr.rejected", withdrawn: "fundr.withdrawn" }[a.status];
  return key ? [a.status === "rejected" ? "warning" : "ok", t(key, vars)] : null;
}

function startForm(a, onDone) {
  const form = el("form", { id: "start-form", novalidate: true },
    el("h3", { text: t("fundr.start_heading") }),
    el("p", { class: "hint", text: t("fundr.start_hint") }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("fundr.start") })));
  guardSubmit(form, () => step(() => api("POST", `/funds/applications/${encodeURIComponent(a.id)}/start`, seen(a)), onDone));
  return form;
}

// Withdrawing cannot be undone: it sits folded away, and the reason goes on the timeline.
function withdrawForm(a, onDone) {
  const form = el("form", { id: "withdraw-form", novalidate: true },
    el("label", { for: "withdraw-reason" }, t("fundr.withdraw_reason"), " ", el("span", { class: "muted", text: t("form.optional") })),
    el("textarea", { id: "withdraw-reason", name: "reason", maxlength: "2000" }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "secondary", text: t("fundr.withdraw") })));
  guardSubmit(form, () => {
    const reason = form.elements.reason.value.trim();
    return step(() => api("POST", `/funds/applications/${encodeURIComponent(a.id)}/withdraw`, seen(a, reason ? { reason } : {})), onDone);
  });
  return el("details", { class: "withdraw" }, el("summary", { text: t("fundr.withdraw_heading") }), el("p", { class: "hint", text: t("fundr.withdraw_hint") }), form);
}

function expenseFields(line, n, receipts, save) {
  const list = el("ul", { class: "receipts", id: `expense-${n}-list` });
  const status = el("p", { class: "hint", "aria-live": "polite", id: `expense-${n}-status` });
  const show = () => list.replaceChildren(...receipts[n].map((r) => el("li", { text: t("fundr.receipt_added", { name: r.name }) })));
  const picker = el("input", {
    type: "file", id: `expense-${n}-receipts`, "data-field": `report.expenses.${n}.receipts`, multiple: true,
    accept: RECEIPT_TYPES.join(","), "aria-describedby": `expense-${n}-receipts-hint`,
    onchange: async (event) => {
      const files = [...event.currentTarget.files];
      event.currentTarget.value = "";
      for (const file of files) {
        if (!RECEIPT_TYPES.includes(file.type)) { status.textContent = t("fundr.receipt_type", { name: file.name }); continue; }
        if (receipts[n].length >= MAX_RECEIPTS) break;
        try {
          receipts[n].push(await uploadReceipt(file, (p) => { status.textContent = t("fundr.uploading", { name: file.name, percent: p }); }));
          status.textContent = "";
        } catch {
          status.textContent = t("fundr.upload_failed", { name: file.name });
        }
        save();
        show();
      }
    },
  });
  show();
  return el("fieldset", { class: "line" },
    el("legend", { text: t("fundr.expense", { n: n + 1, item: line.item }) }),
    el("p", { class: "muted", text: t("fundr.planned", { amount: fenText(line.total_fen) }) }),
    el("label", { for: `expense-${n}-actual`, text: t("fundr.actual") }),
    el("input", { id: `expense-${n}-actual`, name: `report.expenses.${n}.actual_fen`, type: "text", inputmode: "decimal", autocomplete: "off", required: true }),
    el("label", { for: `expense-${n}-receipts`, text: t("fundr.receipts") }),
    el("p", { class: "hint", id: `expense-${n}-receipts-hint`, text: t("fundr.receipts_hint") }),
    picker, status, list);
}

function reportForm(a, onDone) {
  const form = el("form", { id: "report-form", novalidate: true }, el("h3", { text: t("fundr.report_heading") }),
    el("p", { class: "hint", text: t("fundr.report_hint") }));
  const receipts = a.lines.map(() => []);
  form.append(...a.lines.map((line, n) => expenseFields(line, n, receipts, () => { draft.extra = receipts; })),
    el("label", { for: "report-participants", text: t("fundr.participants") }),
    el("input", { id: "report-participants", name: "report.participants", type: "text", inputmode: "numeric", autocomplete: "off", required: true }),
    el("label", { for: "report-outcome", text: t("fundr.outcome") }),
    el("p", { class: "hint", id: "report-outcome-hint", text: t("fundr.outcome_hint") }),
    el("textarea", { id: "report-outcome", name: "report.outcome", required: true, maxlength: "3000", "aria-describedby": "report-outcome-hint" }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("fundr.send_report") })));
  // Typed amounts and uploaded receipts survive a reload; a receipt lives in storage already.
  const draft = keepDraft(form, `fund-report.${a.id}.v${a.version}`);
  (draft.extra || []).forEach((kept, n) => { if (receipts[n]) receipts[n].push(...kept); });
  for (const n of receipts.keys()) form.querySelector(`#expense-${n}-list`).replaceChildren(...receipts[n].map((r) => el("li", { text: t("fundr.receipt_added", { name: r.name }) })));
  guardSubmit(form, async () => {
    const problems = [];
    const expenses = a.lines.map((line, n) => {
      const actual = yuanToFen(form.elements[`report.expenses.${n}.actual_fen`].value);
      if (actual === null) problems.push(problem(`report.expenses.${n}.actual_fen`, "fundr.error.money"));
      else if (actual > 0 && !receipts[n].length) problems.push(problem(`report.expenses.${n}.receipts`, "fundr.error.receipt"));
      return { line: n, actual_fen: actual ?? 0, receipts: receipts[n].map((r) => r.key) };
    });
    const participants = wholeNumber(form.elements["report.participants"].value);
    if (participants === null) problems.push(problem("report.participants", "fundr.error.whole"));
    const text = form.elements["report.outcome"].value.trim();
    if (!text) problems.push(problem("report.outcome", "fund.error.required"));
    if (problems.length) throw refusal(problems);
    const report = { expenses, participants, outcome: text };
    await step(async () => {
      await api("POST", `/funds/applications/${encodeURIComponent(a.id)}/report`, seen(a, { report }));
      draft.clear();
    }, onDone);
  });
  return form;
}

function reportSummary(report) {
  return el("div", {},
    el("h3", { text: t("fundr.report_summary") }),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: t("fund.col_item") }), el("th", { scope: "col", class: "money", text: t("fundr.col_planned") }),
        el("th", { scope: "col", class: "money", text: t("fundr.col_actual") }), el("th", { scope: "col", class: "money", text: t("fundr.col_receipts") }))),
      el("tbody", {}, ...report.expenses.map((e) => el("tr", {},
        el("td", { text: e.item }), el("td", { class: "money", text: fenText(e.planned_fen) }),
        el("td", { class: "money", text: fenText(e.actual_fen) }), el("td", { class: "money", text: String(e.receipt_count) })))),
      el("tfoot", {}, el("tr", {}, el("th", { scope: "row", colspan: "2", text: t("fund.total") }),
        el("td", { class: "money", text: fenText(report.actual_total_fen) }), el("td"))))));
}

// What goes under the application's facts on the lead's page; nothing before approval.
export function leadSteps(a, onDone) {
  const said = outcome(a);
  const allowed = new Set(a.allowed_actions || []);
  const nodes = [];
  if (said) nodes.push(el("div", { id: "fund-outcome", class: `notice ${said[0]}`, role: "status", tabindex: "-1" }, el("p", { text: said[1] })));
  if (allowed.has("start")) nodes.push(startForm(a, onDone));
  if (allowed.has("report")) nodes.push(reportForm(a, onDone));
  if (a.report && !allowed.has("report")) nodes.push(reportSummary(a.report));
  if (allowed.has("withdraw")) nodes.push(withdrawForm(a, onDone));
  return nodes;
}
