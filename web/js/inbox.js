// The inbox: every step of a resident's cases, applications and residence checks, newest
// first, each linking to what it is about. Opening the page marks what it showed as read
// (POST /notifications/read keeps the newest time; the bell counts what came after it).
import { SignInNeeded, api, boot, currentSession, el, formatTime, refreshBell, requireSignIn, state, t } from "./core.js";

const $ = (id) => document.getElementById(id);
// Where each kind of subject is followed; a kind the site has no page for gets no link.
const PAGES = {
  suggestion: (id) => `my-suggestions.html?id=${encodeURIComponent(id)}`,
  fund_application: (id) => `fund.html?id=${encodeURIComponent(id)}`,
  round: (id) => `round.html?round=${encodeURIComponent(id)}`,
  residence: () => "account.html",
};

await boot("inbox");
let readUntil = null;
let cursor = null;
let newest = null;

function card(message) {
  const unread = !readUntil || message.at > readUntil;
  const link = PAGES[message.subject_type];
  const title = [message.tracking_no].filter(Boolean).join(" ");
  return el("li", { class: unread ? "card unread" : "card" },
    el("p", { class: "muted" },
      unread ? el("span", { class: "badge", text: t("inbox.unread") }) : null, unread ? " " : null,
      el("time", { datetime: message.at, text: formatTime(message.at) }), title ? ` · ${title}` : null),
    el("p", { text: state.lang === "zh" ? message.text : message.text_en }),
    link ? el("p", {}, el("a", { href: link(message.subject_id),
      text: t(`inbox.open.${message.subject_type}`) })) : null);
}

async function more() {
  const query = `/notifications/mine?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const page = await api("GET", query);
  newest ??= page.items[0]?.at ?? null;
  $("messages").append(...page.items.map(card));
  cursor = page.next_cursor;
  $("more").hidden = !cursor;
  return page;
}

async function markRead() {
  if (!newest || (readUntil && newest <= readUntil)) return;
  const after = await api("POST", "/notifications/read", { body: { read_until: newest }, retry: true });
  refreshBell(after.unread);
}

async function load() {
  try {
    readUntil = (await api("GET", "/notifications/read")).read_until;
  } catch (error) {
    if (error instanceof SignInNeeded) throw error;
    $("inbox-status").textContent = t("inbox.offline");
  }
  const page = await more();
  $("inbox-status").textContent = page.items.length ? (navigator.onLine ? "" : t("inbox.offline")) : t("inbox.empty");
  // The badges stay for this visit, so the resident sees what is new; the next visit has none.
  await markRead().catch(() => null);
}

if (!currentSession()) {
  $("inbox-status").textContent = t("inbox.sign_in");
  requireSignIn();
} else {
  $("more").addEventListener("click", () => more().catch(() => { $("inbox-status").textContent = t("error.load"); }));
  try {
    await load();
  } catch (error) {
    if (error instanceof SignInNeeded) requireSignIn();
    else $("inbox-status").textContent = t("error.load");
  }
}
