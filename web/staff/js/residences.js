// The committee's residence queue: each request with its proof, decided in place. A decision
// carries the version the page showed, so two officials never both decide one request.
import { ApiError, api, apiText, boot, el, formatTime, t } from "../../js/core.js";
import { announce, clearErrors, guardSubmit, showError } from "../../js/forms.js";
import { allRows, downloadCsv } from "./csv.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

const REASON_REQUIRED = new Set(["decline", "revoke"]);

await boot("staff.res");
staffNav("residences");
await requireOfficial();

const filter = document.getElementById("filter");
const list = document.getElementById("requests");
const more = document.getElementById("more");
const status = document.getElementById("res-status");
let cursor = null;

function fact(key, value) {
  return value ? [el("dt", { text: t(key) }), el("dd", { text: value })] : [];
}

function card(item) {
  const heading = `${item.building || "—"} ${item.room || ""}`.trim();
  const photos = (item.proof_photo_urls || []).map((url, index) => el("li", {},
    el("a", { href: url, target: "_blank", rel: "noopener" },
      el("img", { src: url, loading: "lazy", alt: t("staff.res.proof_named", { n: index + 1, home: heading }) }))));
  const form = el("form", { class: "staff-decide", novalidate: true });
  const reasonId = `reason-${item.id}`;
  if (item.allowed_actions.length) {
    form.append(
      el("label", { for: reasonId, text: t("staff.res.reason") }),
      el("p", { class: "hint", id: `${reasonId}-hint`, text: t("staff.res.reason_hint") }),
      el("textarea", { id: reasonId, name: "reason", maxlength: "200", rows: "2", "aria-describedby": `${reasonId}-hint` }),
      el("div", { class: "actions" }, ...item.allowed_actions.map((action) => el("button", {
        type: "submit", name: "action", value: action, class: action === "approve" ? "primary" : "secondary",
        text: t(`staff.res.do.${action}`) }))));
    let chosen = null;
    form.addEventListener("click", (event) => { if (event.target.name === "action") chosen = event.target.value; });
    guardSubmit(form, () => decide(item, chosen || item.allowed_actions[0], form));
  }
  return el("li", { class: "card", id: `request-${item.id}` },
    el("h2", { text: heading }),
    el("p", {}, el("span", { class: "badge", text: t(`staff.res.status.${item.status}`) })),
    el("dl", { class: "facts" },
      ...fact("staff.res.committee", item.committee_name),
      ...fact("staff.res.basis", t(`account.basis_name.${item.basis}`)),
      ...fact("staff.res.phone", item.phone_masked),
      ...fact("staff.res.note", item.note),
      ...fact("staff.res.requested", formatTime(item.requested_at)),
      ...fact("staff.res.decided", item.decided_at && formatTime(item.decided_at)),
      ...fact("staff.res.reason_was", item.reason)),
    photos.length ? el("ul", { class: "proof-photos", "aria-label": t("staff.res.proof") }, ...photos) : null,
    form.childElementCount ? form : null);
}

async function decide(item, action, form) {
  const reason = form.reason.value.trim();
  if (REASON_REQUIRED.has(action) && !reason) {
    const message = t("staff.res.need_reason");
    showError(form, new ApiError(400, { message: "", details: [{ field: "reason", message, message_zh: message }] }));
    return;
  }
  try {
    const result = await api("POST", `/review/residences/${item.id}/${action}`,
      { body: { version: item.version, reason: reason || undefined } });
    const done = { ...item, ...result, reason: reason || item.reason };
    form.closest("li").replaceWith(card(done));
    announce(status, t(`staff.res.done.${action}`, { home: `${item.building || ""} ${item.room || ""}`.trim() }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      // Someone else decided first: say what it is now and offer the fresh list.
      clearErrors(form);
      const summary = el("div", { class: "error-summary", role: "alert", tabindex: "-1" },
        el("p", { text: apiText(error.apiMessage) || t("staff.res.conflict") }),
        el("button", { type: "button", class: "secondary", text: t("staff.res.reload"), onclick: () => load(true) }));
      form.prepend(summary);
      summary.focus();
      return;
    }
    throw error;
  }
}

async function load(fresh) {
  const errors = document.getElementById("res-errors");
  errors.replaceChildren();
  if (fresh) { cursor = null; list.replaceChildren(); }
  const query = new URLSearchParams({ status: filter.status.value, limit: "20" });
  if (cursor) query.set("cursor", cursor);
  try {
    const page = await api("GET", `/review/residences?${query}`);
    list.append(...page.items.map(card));
    if (!list.childElementCount) list.append(el("li", { class: "muted", text: t("staff.res.empty") }));
    cursor = page.next_cursor || null;
    more.hidden = !cursor;
  } catch (error) {
    const holder = el("form");
    errors.append(holder);
    showError(holder, error, { onRetry: () => load(fresh) });
  }
}

const chosen = new URLSearchParams(location.search).get("status");
if (chosen && [...filter.status.options].some((o) => o.value === chosen)) filter.status.value = chosen;
filter.addEventListener("submit", (event) => {
  event.preventDefault();
  history.replaceState(null, "", `?status=${filter.status.value}`);
  load(true);
});
enableSubmit(filter);
more.addEventListener("click", () => load(false));

const COLUMNS = [["id", "编号 id"], ["committee", "居委会 committee"], ["committee_name", "居委会名称 committee_name"],
  ["building", "楼号 building"], ["room", "室号 room"], ["basis", "依据 basis"], ["status", "状态 status"],
  ["phone_masked", "手机 phone (masked)"], ["requested_at", "申请时间 requested_at (UTC)"],
  ["decided_at", "处理时间 decided_at (UTC)"], ["reason", "理由 reason"]].map(([key, label]) => ({ key, label }));
const exportButton = document.getElementById("export");
exportButton.addEventListener("click", async () => {
  exportButton.setAttribute("aria-disabled", "true");
  try {
    const status = filter.status.value;
    const rows = await allRows(api, (next) =>
      `/review/residences?${new URLSearchParams({ status, limit: "100", ...(next ? { cursor: next } : {}) })}`);
    downloadCsv(`residences-${status}-${new Date().toISOString().slice(0, 10)}.csv`, rows, COLUMNS);
  } catch (error) {
    const holder = el("form");
    document.getElementById("res-errors").replaceChildren(holder);
    showError(holder, error);
  } finally {
    exportButton.removeAttribute("aria-disabled");
  }
});
await load(true);
