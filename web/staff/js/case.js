// One case: its facts, reply and timeline, and the actions it accepts now, each opened by its
// key. Every action sends the version this page read; a 409 says what changed and offers a reload.
import { ApiError, api, boot, el, formatTime, has, param, t } from "../../js/core.js";
import { guardSubmit } from "../../js/forms.js";
import { ACTION_KEYS, BUILDERS } from "./case-actions.js";
import { keyHelp, requireOfficial, shortcuts, staffNav } from "./staff.js";

await boot("staff.case");
staffNav("suggestions");
const { me } = await requireOfficial();
// The API lists what the case accepts; committee staff may only reply (rules.ACTION_ROLES).
const mine = (actions) => (me.role === "committee_staff" ? actions.filter((a) => a === "reply") : actions);

const id = param("id") || "";
const $ = (name) => document.getElementById(name);
const loadStatus = $("load-status");
let detail = null;

const fact = (key, text) => (text ? [el("dt", { text: t(key) }), el("dd", { text })] : []);

function render(item) {
  detail = { ...item, allowed_actions: mine(item.allowed_actions) };
  $("case").hidden = false;
  // One heading: the case's own once it is shown.
  $("page-heading").hidden = true;
  $("case-title").textContent = item.title;
  document.title = `${item.title} · ${t("site.name")}`;
  $("case-status").textContent = t(`status.${item.status}`);
  $("case-overdue").hidden = !item.overdue;
  $("case-tracking").textContent = t("staff.case.tracking", { no: item.tracking_no });
  $("facts").replaceChildren(
    ...fact("staff.case.category", t(`category.${item.category}`)),
    ...fact("staff.case.channel", t(`staff.channel.${item.channel}`)),
    ...fact("staff.case.division", division(item.division)),
    ...fact("staff.case.jurisdiction", division(item.jurisdiction)),
    ...fact("staff.case.submitted", formatTime(item.submitted_at)),
    ...fact("staff.case.acknowledge_by", formatTime(item.deadlines.acknowledge_by)),
    ...fact("staff.case.reply_by", formatTime(item.deadlines.reply_by) + (item.deadlines.extended ? t("staff.case.extended") : "")),
    // Only ever the masked number the API gives: the page has no other.
    ...fact("staff.case.phone", item.submitter_phone_masked),
    ...fact("staff.case.location", item.location),
    ...fact("staff.case.department", item.assigned_department),
    ...fact("staff.case.consent", t(item.publish_consent ? "staff.case.yes" : "staff.case.no")),
    ...fact("staff.case.merged_into", item.merged_into),
    ...fact("staff.case.merged_cases", item.merged_cases.join(", ")),
  );
  $("case-content").textContent = item.content;
  $("reply").hidden = !item.reply;
  if (item.reply) {
    $("reply-adoption").textContent = t(`adoption.${item.reply.adoption}`);
    $("reply-at").textContent = formatTime(item.reply.replied_at);
    $("reply-message").textContent = item.reply.message;
    $("reply-reason").textContent = item.reply.reason || "";
    $("rating").textContent = item.rating.count ? t("staff.case.rating", { count: item.rating.count, mean: item.rating.mean?.toFixed(1) }) : "";
  }
  $("action-buttons").replaceChildren(...(detail.allowed_actions.length
    ? detail.allowed_actions.map((action) => el("button", {
      type: "button", class: "secondary", "data-action": action, "aria-keyshortcuts": ACTION_KEYS[action],
      onclick: () => open(action),
    }, t(`staff.case.do.${action}`), " ", el("kbd", { text: ACTION_KEYS[action] })))
    : [el("p", { class: "muted", text: t("staff.case.no_actions") })]));
  $("timeline").replaceChildren(...item.timeline.map((event) => el("li", {},
    el("strong", { text: t(`action.${event.action}`) }), " ",
    el("span", { class: "muted", text: formatTime(event.at) }),
    event.status_to && event.status_to !== event.status_from ? el("span", { text: ` · ${t(`status.${event.status_to}`)}` }) : null,
    event.message ? el("p", { text: event.message }) : null,
    event.reason ? el("p", { class: "muted", text: event.reason }) : null,
    Object.keys(event.details || {}).length ? el("p", { class: "muted", text: details(event.details) }) : null)));
}

// A timeline event's particulars in words: the fields the page knows by name, the others as sent.
function details(given) {
  const worded = { channel: "staff.channel", adoption: "adoption", status: "status" };
  return Object.entries(given).map(([key, value]) => {
    const label = has(`staff.case.detail.${key}`) ? t(`staff.case.detail.${key}`) : key;
    const shown = worded[key] && has(`${worded[key]}.${value}`) ? t(`${worded[key]}.${value}`) : key === "reply_by" ? formatTime(value) : names[value] ? division(value) : value;
    return `${label}: ${shown}`;
  }).join(" · ");
}

// Division names beside their codes, read once per code; a code whose name cannot be read stays a code.
const names = {};
async function nameDivisions(codes) {
  await Promise.all([...new Set(codes.filter((c) => /^31\d+$/.test(String(c)) && !(c in names)))].map(async (code) => {
    try { names[code] = (await api("GET", `/divisions/${code}`, { auth: false })).name; } catch { names[code] = ""; }
  }));
}
const division = (code) => (names[code] ? `${names[code]}（${code}）` : code);

async function read() {
  const item = await api("GET", `/suggestions/${encodeURIComponent(id)}`);
  await nameDivisions([item.division, item.jurisdiction, ...item.timeline.flatMap((e) => Object.values(e.details || {}))]);
  return item;
}

function close() {
  $("action-form").replaceChildren();
}

// What the 409 means now: the case as it stands and what it accepts; the page keeps the
// version it read until the official reloads, so nothing is sent over a change unseen.
async function conflict(error) {
  let now = null;
  try { now = await read(); } catch { now = null; }
  const allowed = mine(now ? now.allowed_actions : (error.details.find((d) => d.allowed_actions)?.allowed_actions || []));
  const statusNow = now ? now.status : (error.details.find((d) => d.status)?.status || detail.status);
  $("conflict-text").textContent = t("staff.case.conflict", {
    status: t(`status.${statusNow}`),
    actions: allowed.length ? allowed.map((a) => t(`staff.case.do.${a}`)).join("、") : t("staff.case.conflict_none"),
  });
  $("conflict").hidden = false;
  // The buttons belong to the case as it was read: acting again waits for the reload.
  $("action-buttons").hidden = true;
  $("conflict").focus();
}

function open(action) {
  if (!detail || !detail.allowed_actions.includes(action) || !$("conflict").hidden) return;
  const built = BUILDERS[action](detail);
  const form = el("form", { class: "action-form", novalidate: true, "data-action": action, "aria-labelledby": "action-heading" },
    el("h3", { id: "action-heading", text: t(`staff.case.do.${action}`) }),
    ...built.fields,
    el("div", { class: "actions" },
      el("button", { type: "submit", class: "primary", text: t("staff.case.submit", { action: t(`staff.case.do.${action}`) }) }),
      el("button", { type: "button", class: "secondary", text: t("staff.case.cancel"), onclick: () => { close(); $("action-buttons").querySelector(`[data-action="${action}"]`)?.focus(); } })));
  $("action-form").replaceChildren(form);
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.preventDefault(); close(); $("case-title").focus(); }
    // Ctrl+Enter sends from any field, a text box included.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
  });
  guardSubmit(form, async () => {
    try {
      await api("POST", `/review/suggestions/${encodeURIComponent(detail.id)}/${action}`,
        { body: { version: detail.version, ...built.body(form) }, retry: false });
    } catch (error) {
      // A merge target no longer open is said at its field; any other 409 is this case changing.
      if (error instanceof ApiError && error.status === 409 && !error.details.some((d) => d.field === "into")) { close(); await conflict(error); return; }
      throw error;
    }
    close();
    render(await read());
    $("done").textContent = t("staff.case.done", { action: t(`staff.case.do.${action}`) });
    $("case-title").focus();
  });
  (form.querySelector("input:not([type=radio]), textarea, select") || form.querySelector("input"))?.focus();
}

// Back to the queue as it was filtered, when that is where the official came from.
if (document.referrer.includes("/staff/suggestions.html")) $("back").href = document.referrer;
$("reload").addEventListener("click", () => location.reload());

const keys = Object.entries(ACTION_KEYS).map(([action, key]) => [key, `staff.case.do.${action}`]);
const help = keyHelp([...keys, ["q", "staff.keys.back"], ["?", "staff.keys.help"]]);
shortcuts({
  ...Object.fromEntries(Object.entries(ACTION_KEYS).map(([action, key]) => [key, () => open(action)])),
  q: () => { location.href = $("back").href; },
  "?": help,
});

try {
  render(await read());
  $("case-title").focus();
} catch (error) {
  loadStatus.textContent = t(error instanceof ApiError && error.status === 404 ? "staff.case.not_found" : "error.load");
}
