// A paper team's completion report, filed by the staff who act for it: what each budget line
// really cost (typed in yuan, sent as fen through fen.js), the receipts scanned in for each
// payment (through the application's own upload route: the team has no account), how many
// residents took part and what came of it. The typed figures and uploaded receipts survive a
// reload; one conditional write on the application's version, so a second press changes nothing.
import { ApiError, NetworkError, api, el, t } from "../../js/core.js";
import { guardSubmit, keepDraft } from "../../js/forms.js";
import { fenText, wholeNumber, yuanToFen } from "../../js/fen.js";

const RECEIPT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"];
const MAX_RECEIPTS = 20;

async function uploadReceipt(applicationId, file) {
  const form = await api("POST", `/review/funds/applications/${encodeURIComponent(applicationId)}/receipts`,
    { body: { content_type: file.type, size_bytes: file.size } });
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append("file", file);
  let response;
  try {
    response = await fetch(form.url, { method: "POST", body: data });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) throw new ApiError(response.status, { code: "upload_refused" });
  return { key: form.key, name: file.name };
}

const problem = (field, key) => ({ field, message: t(key), message_zh: t(key) });

function lineFields(a, line, n, receipts, save) {
  const list = el("ul", { class: "receipts", id: `staff-expense-${n}-list` });
  const status = el("p", { class: "hint", "aria-live": "polite", id: `staff-expense-${n}-status` });
  const show = () => list.replaceChildren(...receipts[n].map((r) => el("li", { text: t("fundr.receipt_added", { name: r.name }) })));
  const picker = el("input", {
    type: "file", id: `staff-expense-${n}-receipts`, "data-field": `report.expenses.${n}.receipts`, multiple: true,
    accept: RECEIPT_TYPES.join(","), "aria-describedby": `staff-expense-${n}-receipts-hint`,
    onchange: async (event) => {
      const files = [...event.currentTarget.files];
      event.currentTarget.value = "";
      for (const file of files) {
        if (!RECEIPT_TYPES.includes(file.type)) { status.textContent = t("fundr.receipt_type", { name: file.name }); continue; }
        if (receipts[n].length >= MAX_RECEIPTS) break;
        status.textContent = t("staff.fund.report.uploading", { name: file.name });
        try {
          receipts[n].push(await uploadReceipt(a.id, file));
          status.textContent = t("fundr.receipt_added", { name: file.name });
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
    el("label", { for: `staff-expense-${n}-actual`, text: t("fundr.actual") }),
    el("input", { id: `staff-expense-${n}-actual`, name: `report.expenses.${n}.actual_fen`, type: "text", inputmode: "decimal",
      autocomplete: "off", required: true }),
    el("label", { for: `staff-expense-${n}-receipts`, text: t("staff.fund.report.receipts") }),
    el("p", { class: "hint", id: `staff-expense-${n}-receipts-hint`, text: t("staff.fund.report.receipts_hint") }),
    picker, status, list);
}

// `send(body, form)` takes the step as every other action on the page does (409s explained there).
export function paperReportForm(a, send) {
  const form = el("form", { class: "card staff-action", id: "staff-report-form", novalidate: true, "data-action": "report" },
    el("h3", { text: t("staff.fund.do.report") }),
    el("p", { class: "hint", text: t("staff.fund.report.lead") }));
  const receipts = a.lines.map(() => []);
  form.append(...a.lines.map((line, n) => lineFields(a, line, n, receipts, () => { draft.extra = receipts; })),
    el("label", { for: "staff-report-participants", text: t("fundr.participants") }),
    el("input", { id: "staff-report-participants", name: "report.participants", type: "text", inputmode: "numeric",
      autocomplete: "off", required: true }),
    el("label", { for: "staff-report-outcome", text: t("fundr.outcome") }),
    el("p", { class: "hint", id: "staff-report-outcome-hint", text: t("staff.fund.report.outcome_hint") }),
    el("textarea", { id: "staff-report-outcome", name: "report.outcome", rows: "3", required: true, maxlength: "3000",
      "aria-describedby": "staff-report-outcome-hint" }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("staff.fund.do.report") })));
  const draft = keepDraft(form, `staff-fund-report.${a.id}.v${a.version}`);
  (draft.extra || []).forEach((kept, n) => { if (receipts[n]) receipts[n].push(...kept); });
  receipts.forEach((kept, n) => form.querySelector(`#staff-expense-${n}-list`).replaceChildren(
    ...kept.map((r) => el("li", { text: t("fundr.receipt_added", { name: r.name }) }))));
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
    const outcome = form.elements["report.outcome"].value.trim();
    if (!outcome) problems.push(problem("report.outcome", "staff.fund.report.need_outcome"));
    if (problems.length) throw new ApiError(422, { code: "validation_failed", message: "", details: problems });
    if (await send({ version: a.version, report: { expenses, participants, outcome } }, form)) draft.clear();
  });
  return form;
}
