// The deliberation queue: topics over their threshold (schedule a meeting or answer why not, by
// the deadline), reported posts (hide with the reason, or restore) and, for streets, authors'
// appeals of a hiding (restore, or keep hidden with the reason). One form acts on the chosen entry.
import { api, boot, el, formatTime, t } from "../../js/core.js";
import { guardSubmit } from "../../js/forms.js";
import { allRows, downloadCsv } from "./csv.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

await boot("staff.topic");
staffNav("topics");
await requireOfficial();

const $ = (id) => document.getElementById(id);
const form = $("act-form");
let cursor = null;
let chosen = null;

// The actions each kind of entry is acted on with here; of those, only the ones the server says
// the post or topic allows now (allowed_actions: a hidden post is restored, not hidden again).
const ACTIONS = {
  schedule: ["answer"],
  report: ["hide", "restore"],
  appeal: ["restore", "reject_appeal"],
};
// What each action's text field is, and the body it sends.
const FIELD = { answer: "text", hide: "reason", restore: "reason", reject_appeal: "reason" };
const OPTIONAL = new Set(["restore"]);

function entryTitle(item) {
  return item.title || t("staff.topic.untitled");
}

function row(item) {
  const allowed = item.allowed_actions || [];
  const buttons = ACTIONS[item.kind].filter((action) => allowed.includes(action)).map((action) => el("button", {
    type: "button", class: "secondary", text: t(`staff.topic.action.${action}`),
    onclick: () => choose(item, action) }));
  if (item.kind === "schedule") {
    buttons.unshift(el("a", { class: "button primary", href: `meeting.html?topics=${item.topic_id}`, text: t("staff.topic.schedule") }));
  }
  return el("li", { class: "card", "data-topic": item.topic_id, "data-comment": item.comment_id },
    el("h2", {}, el("a", { href: `../topic.html?id=${item.topic_id}`, text: entryTitle(item) })),
    el("p", {}, el("span", { class: "badge", text: t(`staff.topic.kind.${item.kind}`) }), " ",
      item.overdue ? el("span", { class: "badge overdue", text: t("staff.topic.overdue") }) : null, " ",
      el("span", { class: "muted", text: [
        formatTime(item.at),
        item.due_at ? t("staff.topic.due", { time: formatTime(item.due_at) }) : "",
        item.supports !== null && item.supports !== undefined ? t("staff.topic.supports", { count: item.supports }) : "",
      ].filter(Boolean).join(" · ") })),
    item.comment_id ? el("p", { class: "muted", text: t("staff.topic.on_comment") }) : null,
    item.reason ? el("p", { text: t("staff.topic.reported_reason", { reason: item.reason }) }) : null,
    el("div", { class: "actions" }, ...buttons));
}

function choose(item, action) {
  chosen = { item, action };
  $("act-what").textContent = `${t(`staff.topic.action.${action}`)}：${entryTitle(item)}`;
  $("act-label").textContent = t(action === "answer" ? "staff.topic.answer_text" : "staff.topic.reason");
  form.elements.text.required = !OPTIONAL.has(action);
  form.reset();
  $("act-view").hidden = false;
  $("act-heading").focus();
}

guardSubmit(form, async () => {
  const { item, action } = chosen;
  const text = form.elements.text.value.trim();
  const body = {};
  if (text) body[FIELD[action]] = text;
  if (item.comment_id && action !== "answer") body.comment_id = item.comment_id;
  await api("POST", `/review/topics/${item.topic_id}/${action}`, { body });
  $("act-view").hidden = true;
  $("done").textContent = t("staff.topic.done", { action: t(`staff.topic.action.${action}`) });
  $("done").hidden = false;
  await load(false);
});
$("act-cancel").addEventListener("click", () => { $("act-view").hidden = true; });
enableSubmit(form);

let shown = [];
async function load(more) {
  const query = new URLSearchParams({ limit: "50" });
  if (more && cursor) query.set("cursor", cursor);
  try {
    const page = await api("GET", `/review/topics?${query}`);
    shown = more ? shown.concat(page.items) : page.items;
    cursor = page.next_cursor;
  } catch {
    $("load-problem").textContent = t("error.load");
    $("load-problem").hidden = false;
    return;
  }
  $("topic-queue").replaceChildren(...shown.map(row));
  $("queue-none").hidden = shown.length > 0;
  $("more").hidden = !cursor;
}
$("more").addEventListener("click", () => load(true));

$("export").addEventListener("click", async () => {
  const rows = await allRows(api, (next) => `/review/topics?limit=100${next ? `&cursor=${encodeURIComponent(next)}` : ""}`);
  downloadCsv("topic-queue.csv", rows, [
    { label: t("staff.topic.csv.kind"), value: (r) => t(`staff.topic.kind.${r.kind}`) },
    { label: t("staff.topic.csv.topic"), key: "topic_id" },
    { label: t("staff.topic.csv.comment"), key: "comment_id" },
    { label: t("staff.topic.csv.division"), key: "division" },
    { label: t("staff.topic.csv.title"), key: "title" },
    { label: t("staff.topic.csv.at"), key: "at" },
    { label: t("staff.topic.csv.due"), key: "due_at" },
    { label: t("staff.topic.csv.overdue"), value: (r) => (r.overdue ? t("staff.topic.overdue") : "") },
    { label: t("staff.topic.csv.reason"), key: "reason" },
    { label: t("staff.topic.csv.supports"), key: "supports" },
  ]);
});

await load(false);
