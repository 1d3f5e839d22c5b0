// Forms that lose nothing and say what is wrong where it is wrong: drafts kept in the
// browser, API errors beside their fields, one submission at a time.
import { ApiError, NetworkError, SignInNeeded, apiText, el, newIdempotencyKey, signInHref, state, t } from "./core.js";

const DRAFT_PREFIX = "mulin.draft.";

// ---- drafts: what a resident typed survives a reload, a lost network or a dead battery ----

export function keepDraft(form, name) {
  const key = DRAFT_PREFIX + name;
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(key)) || {}; } catch { saved = {}; }
  for (const field of form.elements) {
    if (!field.name || !(field.name in saved) || field.type === "file" || field.type === "password") continue;
    if (field.type === "checkbox") field.checked = saved[field.name] === true;
    else if (field.type === "radio") field.checked = saved[field.name] === field.value;
    else field.value = saved[field.name];
  }
  const draft = {
    // For fields whose options arrive later (a select filled from the API).
    saved(name) { return saved[name]; },
    get extra() { return saved.__extra; },
    set extra(value) { saved.__extra = value; store(); },
    // One key per draft: every retry and every double press of this draft is one record.
    idempotencyKey: saved.__key || newIdempotencyKey(),
    clear() { localStorage.removeItem(key); },
  };
  function store() {
    const values = { __key: draft.idempotencyKey, __extra: saved.__extra };
    for (const field of form.elements) {
      if (!field.name || field.type === "file" || field.type === "password") continue;
      // A select still waiting for its options has no choice yet; keep the saved one.
      if (field.tagName === "SELECT" && !field.options.length) {
        if (field.name in saved) values[field.name] = saved[field.name];
        continue;
      }
      if (field.type === "checkbox") values[field.name] = field.checked;
      else if (field.type === "radio") { if (field.checked) values[field.name] = field.value; }
      else values[field.name] = field.value;
    }
    saved = values;
    localStorage.setItem(key, JSON.stringify(values));
  }
  form.addEventListener("input", store);
  form.addEventListener("change", store);
  draft.save = store;
  return draft;
}

// ---- errors beside their fields, and one-at-a-time submission -----------------------------

function fieldFor(form, path) {
  const parts = path.split(".");
  while (parts.length) {
    const name = parts.join(".");
    const match = form.querySelector(`[data-field="${CSS.escape(name)}"]`) || form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (match) return match;
    parts.pop();
  }
  return null;
}

export function clearErrors(form) {
  for (const node of form.querySelectorAll(".field-error[data-generated]")) node.remove();
  for (const node of form.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (described.length) node.setAttribute("aria-describedby", described.join(" "));
    else node.removeAttribute("aria-describedby");
  }
  const summary = form.querySelector(".error-summary");
  if (summary) summary.replaceChildren();
}

function errorSummary(form) {
  let summary = form.querySelector(".error-summary");
  if (!summary) {
    summary = el("div", { class: "error-summary", role: "alert", tabindex: "-1" });
    form.prepend(summary);
  }
  return summary;
}

// Shows any failure where the resident will look for it and says what to do next. Returns
// true when the failure was the network's, so the caller can offer to retry.
export function showError(form, error, { onRetry } = {}) {
  clearErrors(form);
  const summary = errorSummary(form);
  if (error instanceof SignInNeeded) {
    summary.append(el("p", { text: t("error.sign_in_again") }),
      el("a", { href: signInHref(), text: t("auth.sign_in") }));
    summary.focus();
    return false;
  }
  if (error instanceof NetworkError || (error instanceof ApiError && error.retryable)) {
    summary.append(el("p", { text: t(error instanceof NetworkError ? "error.network" : "error.busy") }));
    if (onRetry) summary.append(el("button", { type: "button", class: "secondary", text: t("error.retry"), onclick: onRetry }));
    summary.focus();
    return true;
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
    summary.append(el("p", { text: t("error.unexpected") }));
    summary.focus();
    return false;
  }
  const list = el("ul");
  let first = null;
  for (const detail of error.details) {
    const message = state.lang === "zh" ? (detail.message_zh || detail.message) : detail.message;
    const field = fieldFor(form, detail.field || "");
    if (field) {
      const id = `${field.id || field.name || "field"}-error`;
      let holder = form.querySelector(`#${CSS.escape(id)}`);
      if (!holder) {
        holder = el("p", { class: "field-error", id, "data-generated": true });
        (field.closest("[data-error-after]") || field).after(holder);
      }
      holder.textContent = message;
      const input = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea");
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
        first = first || input;
      }
    }
    list.append(el("li", { text: message }));
  }
  summary.append(el("p", { text: apiText(error.apiMessage) || t(error.details.length ? "error.fields" : "error.unexpected") }));
  if (list.childElementCount) summary.append(list);
  (first || summary).focus();
  return false;
}

// The button says it is working, a second press does nothing, and whatever happens the
// form comes back usable with what was typed still in it.
export function guardSubmit(form, send) {
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    const buttons = [...form.querySelectorAll("button[type=submit]")];
    for (const button of buttons) { button.setAttribute("aria-disabled", "true"); button.dataset.label = button.textContent; button.textContent = t("form.sending"); }
    form.setAttribute("aria-busy", "true");
    try {
      clearErrors(form);
      await send();
    } catch (error) {
      showError(form, error, { onRetry: () => form.requestSubmit() });
    } finally {
      for (const button of buttons) { button.removeAttribute("aria-disabled"); button.textContent = button.dataset.label; }
      form.removeAttribute("aria-busy");
      busy = false;
    }
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
}

export function announce(region, text) {
  region.textContent = "";
  // A fresh node is what screen readers reliably announce.
  requestAnimationFrame(() => { region.textContent = text; });
}
