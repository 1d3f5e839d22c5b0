// One form per review action, asking exactly what its operation's request model needs
// (chalicelib/suggestions/models.py): fields are named as the API names them, so its
// errors land beside them.
import { api, el, t } from "../../js/core.js";

// The key that opens each action on the case page.
export const ACTION_KEYS = {
  accept: "a", assign: "s", transfer: "t", reply: "r", decline: "d", extend: "x", close: "c",
  reopen: "o", merge: "m", return: "b",
};

let serial = 0;
function field(name, labelKey, { textarea = false, hint = null, type = "text", attrs = {} } = {}) {
  const id = `f-${name}-${++serial}`;
  const hintId = hint ? `${id}-hint` : null;
  const input = textarea
    ? el("textarea", { id, name, "aria-describedby": hintId, ...attrs })
    : el("input", { id, name, type, "aria-describedby": hintId, ...attrs });
  return el("div", {}, el("label", { for: id, text: t(labelKey) }), hint ? el("p", { class: "hint", id: hintId, text: t(hint) }) : null, input);
}
const reason = () => field("reason", "staff.case.reason", { textarea: true, hint: "staff.case.reason_hint", attrs: { maxlength: 1000 } });
const note = () => field("reason", "staff.case.note", { attrs: { maxlength: 1000 } });

function radios(name, legendKey, options) {
  return el("fieldset", { "data-field": name, "data-error-after": true }, el("legend", { text: t(legendKey) }),
    ...options.map(([value, key], i) => el("label", { class: "choice" },
      el("input", { type: "radio", name, value, checked: i === 0 && name === "target" }), " ", el("span", { text: t(key) }))));
}

const value = (form, name) => (form.elements[name]?.value ?? "").trim();
// Optional fields are left out when empty; required ones are sent as typed, so the API says what is missing.
function pick(form, required, optional = []) {
  const body = {};
  for (const name of required) body[name] = value(form, name);
  for (const name of optional) if (value(form, name)) body[name] = value(form, name);
  return body;
}

async function children(code) {
  try { return (await api("GET", `/divisions/${code}`, { auth: false })).children; } catch { return []; }
}

function assign(detail) {
  const list = el("datalist", { id: "committees" });
  const street = detail.jurisdiction.slice(0, 9);
  children(street).then((found) => list.append(...found.map((d) => el("option", { value: d.code, label: d.name }))));
  const committee = field("committee", "staff.case.committee", { attrs: { list: "committees", inputmode: "numeric", autocomplete: "off" } });
  const department = field("department", "staff.case.department_name", { hint: "staff.case.department_hint", attrs: { maxlength: 50 } });
  department.hidden = true;
  const target = radios("target", "staff.case.assign_to", [["committee", "staff.case.to_committee"], ["department", "staff.case.to_department"]]);
  target.addEventListener("change", () => {
    const toCommittee = target.querySelector("input:checked").value === "committee";
    committee.hidden = !toCommittee;
    department.hidden = toCommittee;
  });
  return {
    fields: [target, committee, list, department],
    body(form) {
      if (form.elements.target.value === "department") return pick(form, ["department"], ["reason"]);
      // A name picked from the list or typed in full stands for its code.
      const typed = value(form, "committee");
      const named = [...list.options].find((o) => o.label === typed);
      return { committee: named ? named.value : typed };
    },
  };
}

function transfer(detail) {
  const id = `f-to_street-${++serial}`;
  const select = el("select", { id, name: "to_street" }, el("option", { value: "", text: t("staff.case.choose") }));
  const district = detail.jurisdiction.slice(0, 6);
  children(district).then((found) => select.append(...found.filter((d) => d.code !== detail.jurisdiction)
    .map((d) => el("option", { value: d.code, text: `${d.name}（${d.code}）` }))));
  return {
    fields: [el("div", {}, el("label", { for: id, text: t("staff.case.to_street") }), select), reason()],
    body: (form) => pick(form, ["to_street", "reason"]),
  };
}

function reply() {
  const adoption = radios("adoption", "staff.case.adoption",
    ["adopted", "partly_adopted", "not_adopted"].map((a) => [a, `adoption.${a}`]));
  return {
    fields: [field("message", "staff.case.message", { textarea: true, attrs: { maxlength: 5000 } }), adoption,
      field("reason", "staff.case.adoption_reason", { textarea: true, hint: "staff.case.adoption_reason_hint", attrs: { maxlength: 1000 } })],
    body: (form) => {
      const body = pick(form, ["message"], ["reason"]);
      // No choice is sent as none, so the API names the missing field.
      if (form.elements.adoption.value) body.adoption = form.elements.adoption.value;
      return body;
    },
  };
}

function extend() {
  return {
    fields: [field("days", "staff.case.days", { type: "number", attrs: { min: 1, max: 30, inputmode: "numeric" } }), reason()],
    body: (form) => ({ days: Number.parseInt(value(form, "days"), 10) || 0, reason: value(form, "reason") }),
  };
}

// Merge: the target is found in the caller's own open queue by title or tracking number.
function merge(detail) {
  const searchId = `f-merge-search-${++serial}`;
  const search = el("input", { id: searchId, type: "search", "aria-describedby": `${searchId}-hint`, autocomplete: "off" });
  const results = el("fieldset", { "data-field": "into", "data-error-after": true }, el("legend", { text: t("staff.case.merge_results") }));
  results.hidden = true;
  const none = el("p", { class: "hint", role: "status" });
  const find = async () => {
    const needle = search.value.trim().toLowerCase();
    const found = [];
    let cursor = null;
    // The open queue, a few pages at most: the case to merge into is a recent one of the same matter.
    for (let page = 0; page < 5; page += 1) {
      const params = new URLSearchParams({ limit: "100" });
      if (cursor) params.set("cursor", cursor);
      const got = await api("GET", `/review/suggestions?${params}`);
      found.push(...got.items.filter((item) => item.id !== detail.id && !item.merged_into
        && (!needle || item.title.toLowerCase().includes(needle) || item.tracking_no.toLowerCase().includes(needle))));
      cursor = got.next_cursor;
      if (!cursor) break;
    }
    results.replaceChildren(el("legend", { text: t("staff.case.merge_results") }), ...found.slice(0, 20).map((item) =>
      el("label", { class: "choice" }, el("input", { type: "radio", name: "into", value: item.id }), " ",
        el("span", { text: `${item.title}（${item.tracking_no} · ${t(`status.${item.status}`)}）` }))));
    results.hidden = !found.length;
    none.textContent = found.length ? "" : t("staff.case.merge_none");
    results.querySelector("input")?.focus();
  };
  search.addEventListener("keydown", (event) => { if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) { event.preventDefault(); find(); } });
  return {
    fields: [el("div", {}, el("label", { for: searchId, text: t("staff.case.merge_search") }),
      el("p", { class: "hint", id: `${searchId}-hint`, text: t("staff.case.merge_hint") }), search,
      el("button", { type: "button", class: "secondary", text: t("staff.case.search"), onclick: find })), none, results, note()],
    body: (form) => ({ into: form.elements.into?.value || "", ...pick(form, [], ["reason"]) }),
  };
}

const simple = (required, optional, make) => () => ({ fields: make(), body: (form) => pick(form, required, optional) });

export const BUILDERS = {
  accept: simple([], ["reason"], () => [note()]),
  decline: simple(["reason"], [], () => [reason()]),
  assign,
  transfer,
  return: simple(["reason"], [], () => [reason()]),
  merge,
  reply,
  extend,
  close: simple([], ["reason"], () => [note()]),
  reopen: simple(["reason"], [], () => [reason()]),
};
