// What every staff page shares: the official's session check, the staff nav, the keys.
import { api, currentSession, el, signInHref, t } from "../../js/core.js";

export const STAFF_PAGES = [
  ["index.html", "today"], ["suggestions.html", "suggestions"], ["entry.html", "entry"],
  ["residences.html", "residences"], ["funds.html", "funds"], ["rounds.html", "rounds"], ["topics.html", "topics"], ["staff.html", "accounts"],
];

// Replaces the residents' nav the frame drew: staff work in their own sections.
export function staffNav(active) {
  const nav = el("nav", { class: "site-nav staff-nav", "aria-label": t("staff.nav.label") },
    el("ul", {}, ...STAFF_PAGES.map(([href, name]) => el("li", {},
      el("a", { href, text: t(`staff.nav.${name}`), "aria-current": name === active ? "page" : null })))));
  const old = document.querySelector(".site-nav");
  if (old) old.replaceWith(nav);
  else document.querySelector("main")?.before(nav);
  return nav;
}

// Instead of the page's content: who may see it and where to sign in. Nothing of the page's
// own text stays visible, so a resident never sees an empty staff form.
function signInPrompt(reason) {
  const main = document.querySelector("main");
  for (const child of main.children) child.hidden = true;
  main.append(el("section", { class: "notice staff-gate", id: "staff-gate", role: "status" },
    el("h1", { text: t("staff.gate.heading") }),
    el("p", { text: t(reason) }),
    el("p", {}, el("a", { class: "button primary", href: signInHref(), text: t("staff.gate.sign_in") }))));
}

const never = () => new Promise(() => {});

// Resolves to {me} for an official's session. A resident's token is never sent to a staff
// route: the pool it signed in through is known before any call, and GET /me confirms the role.
export async function requireOfficial() {
  const session = currentSession();
  if (!session) { signInPrompt("staff.gate.signed_out"); return never(); }
  if (session.pool !== "officials") { signInPrompt("staff.gate.resident"); return never(); }
  let me;
  try {
    me = await api("GET", "/me");
  } catch {
    signInPrompt("staff.gate.signed_out");
    return never();
  }
  if (!me || me.role === "resident") { signInPrompt("staff.gate.resident"); return never(); }
  return { me };
}

// Single-key shortcuts, never while typing in a field or with a modifier held (the browser's
// own keys stay theirs). `keys` maps a key ("j", "?", "Enter") to a handler.
export function shortcuts(keys) {
  addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, dialog[open]"))) return;
    const handler = keys[event.key];
    if (!handler) return;
    if (event.key === "Enter" && target instanceof HTMLElement && target.closest("a, button")) return;
    event.preventDefault();
    handler(event);
  });
}

// The "?" help: a dialog listing the page's keys (pairs of key and string key).
export function keyHelp(pairs) {
  const dialog = el("dialog", { class: "key-help", "aria-labelledby": "key-help-heading" },
    el("h2", { id: "key-help-heading", text: t("staff.keys.heading") }),
    el("dl", {}, ...pairs.flatMap(([key, label]) => [el("dt", {}, el("kbd", { text: key })), el("dd", { text: t(label) })])),
    el("form", { method: "dialog" }, el("button", { class: "secondary", text: t("staff.keys.close") })));
  document.body.append(dialog);
  return () => (dialog.open ? dialog.close() : dialog.showModal());
}

// The division code and its name where the page knows it; the code alone otherwise.
export function divisionLabel(code, names = {}) {
  return names[code] ? `${names[code]}（${code}）` : code;
}

// Staff forms arrive with their submit buttons disabled: a press before the module has wired
// the form would post it to the page itself. The module calls this once the handler is on.
export function enableSubmit(form) {
  for (const button of form.querySelectorAll("button[type=submit], input[type=submit]")) button.disabled = false;
}
