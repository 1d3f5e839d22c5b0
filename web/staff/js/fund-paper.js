// A team's paper application typed in by staff: entered once as the team's draft (one
// Idempotency-Key per form), then opened beside the pool so that staff submit it for the team.
import { ApiError, api, el, newIdempotencyKey, t } from "../../js/core.js";
import { guardSubmit, keepDraft, showError } from "../../js/forms.js";
import { fenText } from "../../js/fen.js";
import { MAX_PHOTOS, PHOTO_TYPES, uploadPhoto } from "../../js/photos.js";
import { enableSubmit } from "./staff.js";

export function problem(field, key) {
  const message = t(key);
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

// A budget's lines (item, unit price in yuan, quantity) with their total beneath: the paper
// form's, and the meeting page's when a decision becomes a team's fund draft. `prefix` keeps
// the inputs' ids apart; `onChange` hears every edit.
export function budgetLines({ container, total, addButton, toFen, prefix, saved, onChange = () => {} }) {
  const read = () => [...container.querySelectorAll(".paper-line")].map((row) => ({
    item: row.querySelector("[data-part=item]").value, price: row.querySelector("[data-part=price]").value,
    quantity: row.querySelector("[data-part=quantity]").value }));
  function lineRow(line, index) {
    const n = index + 1;
    const input = (part, attrs) => el("input", { id: `${prefix}-${index}-${part}`, "data-part": part, value: line[part] || "", ...attrs });
    return el("div", { class: "paper-line", "data-field": `lines.${index}` },
      el("label", { for: `${prefix}-${index}-item`, text: t("staff.fund.paper.line_item", { n }) }),
      input("item", { type: "text", maxlength: "100" }),
      el("label", { for: `${prefix}-${index}-price`, text: t("staff.fund.paper.line_price", { n }) }),
      input("price", { type: "text", inputmode: "decimal" }),
      el("label", { for: `${prefix}-${index}-quantity`, text: t("staff.fund.paper.line_quantity", { n }) }),
      input("quantity", { type: "number", inputmode: "numeric", min: "1" }));
  }
  function showTotal() {
    const fen = read().reduce((sum, line) => sum + (toFen(line.price) || 0) * (Number(line.quantity) || 0), 0);
    total.textContent = fen ? fenText(fen) : "—";
  }
  function show(list) { container.replaceChildren(...list.map(lineRow)); showTotal(); }
  container.addEventListener("input", () => { showTotal(); onChange(); });
  addButton.addEventListener("click", () => {
    show([...read(), { item: "", price: "", quantity: "" }]);
    onChange();
    container.querySelector(".paper-line:last-child input").focus();
  });
  // The filled lines as the API takes them; a half-filled line is refused at its row.
  function items() {
    return read().filter((line) => line.item.trim() || line.price || line.quantity).map((line, index) => {
      const fen = toFen(line.price);
      const quantity = Number(line.quantity);
      if (!line.item.trim() || !fen || !Number.isInteger(quantity) || quantity < 1) throw problem(`lines.${index}`, "staff.fund.paper.need_line");
      return { item: line.item.trim(), unit_price_fen: fen, quantity };
    });
  }
  show(saved);
  addButton.disabled = false;
  return { read, show, items };
}

// `where()` gives the committee and year chosen above; `entered(application)` shows the draft.
export function paperForm({ where, toFen, entered }) {
  const form = document.getElementById("paper-form");
  const draft = keepDraft(form, "staff-fund-paper");
  const scans = () => draft.extra?.scans || [];

  // The lines are kept as the draft's extra: their inputs come and go.
  const savedLines = () => draft.extra?.lines || [{ item: "", price: "", quantity: "" }];
  const budget = budgetLines({
    container: document.getElementById("paper-lines"), total: document.getElementById("paper-total"),
    addButton: document.getElementById("paper-add-line"), toFen, prefix: "paper-line", saved: savedLines(),
    onChange: () => { draft.extra = { scans: scans(), lines: budget.read() }; },
  });
  const readLines = budget.read;

  const scanList = document.getElementById("paper-scan-list");
  function showScans() {
    scanList.replaceChildren(...scans().map((scan, index) => el("li", {}, el("span", { text: scan.name }), " ",
      el("button", { type: "button", class: "secondary", text: t("staff.entry.remove_photo"),
        "aria-label": t("staff.entry.remove_named", { name: scan.name }),
        onclick: () => { draft.extra = { lines: readLines(), scans: scans().filter((_, i) => i !== index) }; showScans(); } }))));
    document.getElementById("paper-scan").disabled = scans().length >= MAX_PHOTOS;
  }
  document.getElementById("paper-scan").addEventListener("change", async (event) => {
    const input = event.currentTarget;
    const file = input.files[0];
    if (!file) return;
    if (!PHOTO_TYPES.includes(file.type)) { showError(form, problem("scans", "staff.entry.photo_type")); input.value = ""; return; }
    try {
      const uploaded = await uploadPhoto(file, () => {});
      draft.extra = { lines: readLines(), scans: [...scans(), uploaded] };
      document.getElementById("paper-scan-status").textContent = t("staff.entry.photo_added", { name: file.name });
      showScans();
    } catch (error) {
      showError(form, error);
    } finally {
      input.value = "";
    }
  });

  function body() {
    const digits = form.lead_phone.value.replace(/\D/g, "");
    if (digits && !/^1[3-9]\d{9}$/.test(digits)) throw problem("lead_phone", "staff.entry.need_phone");
    const { committee, year } = where();
    const items = budget.items();
    // What is missing besides, the API says field by field, all at once.
    const number = (name) => (form.elements[name].value === "" ? null : Number(form.elements[name].value));
    return {
      committee, year: Number(year), channel: form.querySelector("input[name=channel]:checked")?.value || "paper",
      team: { name: form.elements["team.name"].value.trim(), lead_name: form.elements["team.lead_name"].value.trim(),
        member_count: number("team.member_count") },
      lead_phone: digits ? `+86${digits}` : undefined,
      sms_consent: form.sms_consent.checked,
      title: form.elements.title.value.trim(), category: form.elements.category.value, purpose: form.elements.purpose.value.trim(),
      beneficiaries: number("beneficiaries"), starts_on: form.starts_on.value, ends_on: form.ends_on.value,
      lines: items, requested_fen: items.reduce((sum, line) => sum + line.unit_price_fen * line.quantity, 0),
      scans: scans().map((scan) => scan.key),
    };
  }

  guardSubmit(form, async () => {
    let sent;
    try { sent = body(); } catch (error) { showError(form, error); return; }
    const application = await api("POST", "/review/funds/applications", { body: sent, idempotencyKey: draft.idempotencyKey });
    draft.clear();
    form.reset();
    // A new form, a new key: the next team's paper is another record.
    draft.idempotencyKey = newIdempotencyKey();
    draft.extra = {};
    budget.show(savedLines());
    showScans();
    await entered(application);
  });

  showScans();
  enableSubmit(form);
}
