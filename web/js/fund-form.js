// The application form, one screen per step (team, project, budget, review): everything
// typed stays on the device until the application is in, and however often it is sent,
// by a double press or a retry after a lost answer, it becomes one application.
import { ApiError, api, el, formatDate, formatFen, t } from "./core.js";
import { wholeNumber, yuanToFen } from "./fen.js";
import { announce, clearErrors, guardSubmit, keepDraft, showError } from "./forms.js";

export const CATEGORIES = [
  "team_building", "leader_training", "micro_renovation", "elderly_service", "old_and_young",
  "greening", "culture", "safety", "deliberation", "other",
];
const MAX_LINES = 50;
const EDITABLE = new Set(["draft", "changes_requested"]);

// How typed yuan and counts are read lives in fen.js, which pages without this form load alone.
export { wholeNumber, yuanToFen } from "./fen.js";

function lineFen(line) {
  const price = yuanToFen(line.price);
  const quantity = wholeNumber(line.quantity);
  return price === null || quantity === null ? null : price * quantity;
}

export function linesTable(rows, totalFen) {
  return el("table", {},
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: t("fund.col_item") }), el("th", { scope: "col", class: "money", text: t("fund.col_total") }))),
    el("tbody", {}, ...rows.map((row) => el("tr", {},
      el("td", {}, row.item, el("br"), el("span", { class: "muted", text: t("fund.line_detail", { quantity: row.quantity, price: formatFen(row.unit_price_fen) }) })),
      el("td", { class: "money", text: formatFen(row.unit_price_fen * row.quantity) })))),
    el("tfoot", {}, el("tr", {},
      el("th", { scope: "row", text: t("fund.total") }), el("td", { class: "money", text: formatFen(totalFen) }))));
}

function problem(field, key, vars) {
  const message = t(key, vars);
  return { field, message, message_zh: message };
}
const refusal = (details) => new ApiError(422, { code: "validation_failed", message: "", details });

export function startForm({ committee, year, pool, draftName, onDone }) {
  const form = document.getElementById("fund-form");
  const sections = [...form.querySelectorAll("[data-step]")];
  const back = document.getElementById("step-back");
  const next = document.getElementById("step-next");
  const send = document.getElementById("send");
  const linesBox = document.getElementById("lines");
  const addLine = document.getElementById("add-line");
  const total = document.getElementById("total");

  document.getElementById("categories").replaceChildren(...CATEGORIES.map((category) =>
    el("label", { class: "choice" },
      el("input", { type: "radio", name: "category", value: category, id: `category-${category}` }),
      el("span", { text: t(`fund.category.${category}`) }))));
  for (const name of ["starts_on", "ends_on"]) {
    form.elements[name].min = `${year}-01-01`;
    form.elements[name].max = `${year}-12-31`;
  }
  document.getElementById("dates-hint").textContent = t("fund.dates_hint", { year });
  if (pool) {
    const info = document.getElementById("pool-info");
    info.textContent = t("fund.pool_available", { year, available: formatFen(pool.available_fen), cap: formatFen(pool.per_application_cap_fen) });
    info.hidden = false;
  }

  const draft = keepDraft(form, draftName);
  const saved = draft.extra || {};
  let lines = Array.isArray(saved.lines) && saved.lines.length ? saved.lines : [{ item: "", quantity: "1", price: "" }];
  // What was last sent under this draft's key, and the application it became.
  let sent = saved.sent || null;
  let current = 0;
  let finished = false;

  function remember() {
    if (!finished) draft.extra = { lines, step: current, sent };
  }
  const value = (name) => form.elements[name].value.trim();
  const totalFen = () => lines.reduce((sum, line) => sum + (lineFen(line) ?? 0), 0);

  // ---- steps ----

  function show(index, { focus = true } = {}) {
    current = Math.max(0, Math.min(index, sections.length - 1));
    sections.forEach((section, i) => { section.hidden = i !== current; });
    for (const span of form.querySelectorAll(".step-of")) span.textContent = t("fund.step", { n: current + 1, m: sections.length });
    back.hidden = current === 0;
    next.hidden = current === sections.length - 1;
    send.hidden = current !== sections.length - 1;
    if (sections[current].dataset.step === "review") renderReview();
    remember();
    if (focus) sections[current].querySelector("h2").focus();
  }

  function problems(step) {
    const found = [];
    const required = (name) => { if (!value(name)) found.push(problem(name, "fund.error.required")); return !!value(name); };
    const whole = (name) => {
      if (required(name) && !(wholeNumber(value(name)) >= 1)) found.push(problem(name, "fund.error.whole"));
    };
    if (step === "team") {
      required("team.name");
      required("team.lead_name");
      whole("team.member_count");
    } else if (step === "project") {
      required("title");
      if (!form.elements.category.value) found.push(problem("category", "fund.error.choose"));
      required("purpose");
      whole("beneficiaries");
      const dates = ["starts_on", "ends_on"].filter(required);
      for (const name of dates) {
        if (!value(name).startsWith(`${year}-`)) found.push(problem(name, "fund.error.year", { year }));
      }
      if (dates.length === 2 && value("ends_on") < value("starts_on")) found.push(problem("ends_on", "fund.error.dates"));
    } else if (step === "budget") {
      lines.forEach((line, i) => {
        if (!line.item.trim()) found.push(problem(`lines.${i}.item`, "fund.error.required"));
        if (!(wholeNumber(line.quantity) >= 1)) found.push(problem(`lines.${i}.quantity`, "fund.error.whole"));
        if (!(yuanToFen(line.price) > 0)) found.push(problem(`lines.${i}.unit_price_fen`, "fund.error.money"));
      });
    }
    return found;
  }

  function goNext() {
    const found = problems(sections[current].dataset.step);
    if (found.length) {
      showError(form, refusal(found));
      return;
    }
    clearStep(sections[current]);
    show(current + 1);
  }

  // Leaving a screen clears only its own messages: what the API said about a later screen
  // stays beside those fields until the resident gets there.
  function clearStep(section) {
    for (const node of section.querySelectorAll(".field-error[data-generated]")) node.remove();
    for (const node of section.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-error"));
      if (described.length) node.setAttribute("aria-describedby", described.join(" "));
      else node.removeAttribute("aria-describedby");
    }
    if (!form.querySelector("[aria-invalid]")) clearErrors(form);
  }

  back.addEventListener("click", () => show(current - 1));
  next.addEventListener("click", goNext);
  // Enter in a field means "next" until the last screen: nothing is sent half filled in.
  form.addEventListener("submit", (event) => {
    if (current === sections.length - 1) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    goNext();
  });

  // ---- budget lines ----

  function lineRow(line, i) {
    const id = (part) => `line-${i}-${part}`;
    const input = (part, field, attributes) => el("input", {
      id: id(part), type: "text", autocomplete: "off", "data-field": `lines.${i}.${field}`, "data-line": i,
      "data-part": part, value: line[part], ...attributes,
    });
    return el("fieldset", { class: "line", id: `line-${i}`, "data-field": `lines.${i}` },
      el("legend", { text: t("fund.line", { n: i + 1 }) }),
      el("label", { for: id("item"), text: t("fund.line_item") }),
      input("item", "item", {}),
      el("div", { class: "line-numbers" },
        el("div", {}, el("label", { for: id("quantity"), text: t("fund.line_quantity") }),
          input("quantity", "quantity", { inputmode: "numeric" })),
        el("div", {}, el("label", { for: id("price"), text: t("fund.line_price") }),
          input("price", "unit_price_fen", { inputmode: "decimal", placeholder: "0.00" }))),
      el("p", { class: "line-total", id: id("total") }),
      lines.length > 1
        ? el("button", { type: "button", class: "secondary", "data-remove": i, text: t("fund.remove_line", { n: i + 1 }) })
        : null);
  }

  function renderLines() {
    linesBox.replaceChildren(...lines.map(lineRow));
    addLine.hidden = lines.length >= MAX_LINES;
    updateTotals();
  }

  function updateTotals() {
    lines.forEach((line, i) => {
      const fen = lineFen(line);
      document.getElementById(`line-${i}-total`).textContent = t("fund.line_total", { amount: fen === null ? "—" : formatFen(fen) });
    });
    const sum = totalFen();
    total.value = formatFen(sum);
    const cap = pool && sum > pool.per_application_cap_fen ? t("fund.over_cap", { cap: formatFen(pool.per_application_cap_fen) }) : "";
    document.getElementById("total-box").classList.toggle("over", !!cap);
    document.getElementById("over-cap").textContent = cap;
  }

  linesBox.addEventListener("input", (event) => {
    const { line, part } = event.target.dataset;
    if (line === undefined) return;
    lines[Number(line)][part] = event.target.value;
    updateTotals();
    remember();
  });
  linesBox.addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove]");
    if (!button) return;
    const index = Number(button.dataset.remove);
    lines.splice(index, 1);
    renderLines();
    remember();
    document.getElementById(`line-${Math.min(index, lines.length - 1)}-item`).focus();
    announce(document.getElementById("lines-status"), t("fund.line_removed", { n: index + 1, total: formatFen(totalFen()) }));
  });
  addLine.addEventListener("click", () => {
    lines.push({ item: "", quantity: "1", price: "" });
    renderLines();
    remember();
    document.getElementById(`line-${lines.length - 1}-item`).focus();
    announce(document.getElementById("lines-status"), t("fund.line_added", { n: lines.length }));
  });

  // ---- review ----

  function facts(pairs) {
    return el("dl", { class: "facts" }, ...pairs.filter(([, text]) => text !== "" && text !== null)
      .flatMap(([term, text]) => [el("dt", { text: term }), el("dd", { text })]));
  }

  function renderReview() {
    const payload = body();
    const change = (step, key) => el("button", { type: "button", class: "secondary", text: t(key), onclick: () => show(step) });
    const category = form.elements.category.value;
    document.getElementById("review").replaceChildren(
      el("h3", { text: t("fund.step_team") }),
      facts([[t("fund.team_name"), value("team.name")], [t("fund.lead_name"), value("team.lead_name")],
        [t("fund.member_count"), value("team.member_count")], [t("fund.building_group"), value("team.building_group")]]),
      change(0, "fund.change_team"),
      el("h3", { text: t("fund.step_project") }),
      facts([[t("fund.project_title"), value("title")], [t("fund.category"), category ? t(`fund.category.${category}`) : ""],
        [t("fund.purpose"), value("purpose")], [t("fund.beneficiaries"), value("beneficiaries")],
        [t("fund.beneficiary_description"), value("beneficiary_description")],
        [t("fund.period"), t("fund.period_value", { start: formatDate(value("starts_on")), end: formatDate(value("ends_on")) })]]),
      change(1, "fund.change_project"),
      el("h3", { text: t("fund.step_budget") }),
      linesTable(payload.lines.map((line) => ({ ...line, unit_price_fen: line.unit_price_fen ?? 0, quantity: line.quantity ?? 0 })),
        payload.requested_fen),
      change(2, "fund.change_budget"));
  }

  // ---- sending ----

  function body() {
    const team = { name: value("team.name"), lead_name: value("team.lead_name"), member_count: wholeNumber(value("team.member_count")) };
    if (value("team.building_group")) team.building_group = value("team.building_group");
    const result = {
      committee, year, team, title: value("title"), category: form.elements.category.value, purpose: value("purpose"),
      beneficiaries: wholeNumber(value("beneficiaries")), starts_on: value("starts_on"), ends_on: value("ends_on"),
      lines: lines.map((line) => ({ item: line.item.trim(), unit_price_fen: yuanToFen(line.price), quantity: wholeNumber(line.quantity) })),
      requested_fen: totalFen(),
    };
    if (value("beneficiary_description")) result.beneficiary_description = value("beneficiary_description");
    return result;
  }

  function record(value) {
    sent = value;
    remember();
  }
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  async function edit(application, payload) {
    const edited = await api("PUT", `/funds/applications/${application.id}`, { body: { ...payload, version: application.version } });
    record({ id: edited.id, body: payload });
    return edited;
  }

  async function application(payload) {
    if (sent?.id) {
      const known = await api("GET", `/funds/applications/${sent.id}`);
      if (!EDITABLE.has(known.status) || same(sent.body, payload)) return known;
      return edit(known, payload);
    }
    // A retry repeats the body first sent under the draft's key: its answer may have been
    // lost after the draft was made, and the key with another body is refused.
    const first = sent?.body ?? payload;
    record({ body: first });
    let created;
    try {
      created = await api("POST", "/funds/applications", { body: first, idempotencyKey: draft.idempotencyKey });
    } catch (error) {
      if (!(error instanceof ApiError) || error.retryable) throw error;
      // Refused, so nothing is stored under the key: what is in the form now may go under it.
      record(null);
      if (same(first, payload)) throw error;
      return application(payload);
    }
    record({ id: created.id, body: first });
    return same(first, payload) ? created : edit(created, payload);
  }

  function fieldOf(path) {
    const parts = path.split(".");
    for (; parts.length; parts.pop()) {
      const name = CSS.escape(parts.join("."));
      const found = form.querySelector(`[data-field="${name}"], [name="${name}"]`);
      if (found) return found;
    }
    return null;
  }

  // The screen holding the first refused field comes forward before the error is shown, so
  // the message and the focus land where the resident can see them.
  function reveal(error) {
    if (!(error instanceof ApiError)) return;
    for (const detail of error.details) {
      const field = fieldOf(detail.field || "");
      const index = field ? sections.findIndex((section) => section.contains(field)) : -1;
      if (index >= 0) {
        if (index !== current) show(index, { focus: false });
        return;
      }
    }
  }

  guardSubmit(form, async () => {
    try {
      const found = sections.flatMap((section) => problems(section.dataset.step));
      if (found.length) throw refusal(found);
      let result = await application(body());
      if (EDITABLE.has(result.status)) {
        result = await api("POST", `/funds/applications/${result.id}/submit`, { body: { version: result.version } });
      }
      finished = true;
      draft.clear();
      onDone(result);
    } catch (error) {
      reveal(error);
      throw error;
    }
  });

  renderLines();
  show(Number.isInteger(saved.step) ? saved.step : 0, { focus: false });
}
