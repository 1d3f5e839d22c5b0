// One topic: what was raised, its supports against the threshold, its path from raising to the
// project's evaluation (each step linking to the meeting, decision or project), the discussion
// (topic-comments.js), reports with their reason and the author's one appeal of a hiding.
import { ApiError, SignInNeeded, api, boot, currentSession, el, formatTime, newIdempotencyKey, param, signInHref, t } from "./core.js";
import { announce, guardSubmit, showError } from "./forms.js";
import { showComments } from "./topic-comments.js";

await boot("topic");
const $ = (id) => document.getElementById(id);
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const topicId = param("id");
let topic = null;

function problem(text, link) {
  $("topic-problem").replaceChildren(text, ...(link ? [" ", link] : []));
  $("topic-problem").hidden = false;
}

export function hiddenText(hidden) {
  return t("topic.hidden_reason", { reason: hidden.reason });
}

// Where each step of the path leads: the meeting, the decision in its meeting, what it became.
function stepLink(step) {
  const [first, second] = step.ref_id.split("/");
  switch (step.ref_kind) {
    case "meeting": return `meeting.html?id=${first}`;
    case "decision": return `meeting.html?id=${first}#decision-${second}`;
    case "round_project": return `round.html?round=${first}#project-${second}`;
    case "fund_application": return "fund.html";
    case "convention": return `conventions.html?id=${first}`;
    default: return null;
  }
}

function showPath() {
  $("path").replaceChildren(...topic.path.map((step) => {
    const href = stepLink(step);
    const label = t(`topic.step.${step.step}`);
    const detail = step.ref_kind === "round_project" || step.ref_kind === "fund_application" || step.ref_kind === "suggestion" || step.ref_kind === "convention"
      ? t(`topic.ref.${step.ref_kind}`) : null;
    return el("li", { "data-step": step.step },
      el("strong", {}, href ? el("a", { href, text: label }) : label),
      detail ? el("span", { text: ` · ${detail}` }) : null,
      el("p", { class: "muted", text: formatTime(step.at) }));
  }));
}

function showSupport() {
  $("support-count").textContent = t("topic.supports_line", { count: topic.supports, threshold: topic.threshold });
  const button = $("support");
  // 附议 is a neighbour seconding: the author has no button, and is told why.
  $("support-own").hidden = !topic.mine;
  if (topic.supported_by_me) { button.textContent = t("topic.supported"); button.disabled = true; return; }
  button.hidden = !topic.can_support;
  button.disabled = !topic.can_support;
}

function show() {
  const hidden = topic.hidden;
  $("topic-title").textContent = topic.title ?? t("topic.hidden_title", { reason: hidden?.reason || "" });
  document.title = `${$("topic-title").textContent} · ${t("site.name")}`;
  $("topic-facts").replaceChildren(
    el("span", { class: "badge", text: t(`topic.status.${topic.status}`) }), " ",
    el("span", { text: formatTime(topic.created_at) }),
    topic.due_at ? el("span", { text: ` · ${t("topic.due", { time: formatTime(topic.due_at) })}` }) : "");
  $("topic-hidden").hidden = !hidden;
  if (hidden) $("topic-hidden").textContent = hiddenText(hidden);
  $("topic-background").textContent = topic.background ?? "";
  $("topic-proposal").textContent = topic.proposal ?? "";
  $("topic-photos").textContent = topic.photos.length ? t("topic.photo_count", { count: topic.photos.length }) : "";
  const title = topic.title ?? "";
  $("topic-photo-list").replaceChildren(...(topic.photo_urls || []).map((src, index) => el("li", {},
    el("img", { src, alt: t("round.photo_alt", { title, n: index + 1 }), loading: "lazy", width: "320", height: "240" }))));
  $("topic-photo-list").hidden = !topic.photo_urls?.length;
  $("topic-answer").hidden = !topic.answer;
  if (topic.answer) $("topic-answer").textContent = t("topic.answer", { text: topic.answer });
  showSupport();
  // Reports come from the committee's residents; officials hide posts themselves.
  $("report-topic").hidden = !topic.can_comment || topic.mine || !!hidden;
  showPath();
  showComments(topic, { reload, report: openReport, appeal: openAppeal });
  if (topic.mine && hidden && !hidden.appealed) openAppeal(null, false);
  $("topic-view").hidden = false;
}

async function reload() {
  topic = await api("GET", `/topics/${topicId}`);
  show();
}

// ---- support -------------------------------------------------------------------------------

$("support").addEventListener("click", async () => {
  const button = $("support");
  button.disabled = true;
  try {
    const receipt = await api("POST", `/topics/${topicId}/supports`);
    topic = { ...topic, supports: receipt.supports, supported_by_me: true, can_support: false };
    showSupport();
    announce($("topic-live"), t(receipt.queued ? "topic.supported_queued" : "topic.supported_done", { count: receipt.supports }));
    if (receipt.queued) await reload();
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) { await reload(); return; }
    button.disabled = false;
    problem(error instanceof SignInNeeded ? t("error.sign_in_again") : t("topic.support_failed"));
  }
});

// ---- reports and appeals -------------------------------------------------------------------

const reportForm = $("report-form");
let reportTarget = null;
let reportKey = null;

function openReport(comment) {
  reportTarget = comment ? comment.id : null;
  reportKey = newIdempotencyKey();
  reportForm.reset();
  $("report-what").textContent = comment ? t("topic.report_comment_what") : t("topic.report_topic_what");
  $("report-view").hidden = false;
  $("report-heading").focus();
}
$("report-topic").addEventListener("click", () => openReport(null));
$("report-cancel").addEventListener("click", () => { $("report-view").hidden = true; });
guardSubmit(reportForm, async () => {
  const reason = reportForm.elements.reason.value;
  const note = reportForm.elements.note.value.trim();
  await api("POST", `/topics/${topicId}/reports`, {
    idempotencyKey: reportKey,
    body: { reason: reason || undefined, comment_id: reportTarget || undefined, note: note || undefined },
  });
  $("report-view").hidden = true;
  announce($("topic-live"), t("topic.reported"));
  problem(t("topic.reported"));
  $("topic-problem").setAttribute("role", "status");
});

const appealForm = $("appeal-form");
let appealTarget = null;
function openAppeal(comment, focus = true) {
  appealTarget = comment ? comment.id : null;
  $("appeal-view").hidden = false;
  if (focus) $("appeal-heading").focus();
}
guardSubmit(appealForm, async () => {
  await api("POST", `/topics/${topicId}/appeals`, {
    body: { text: appealForm.elements.text.value.trim(), comment_id: appealTarget || undefined },
  });
  appealForm.reset();
  $("appeal-view").hidden = true;
  announce($("topic-live"), t("topic.appealed"));
  await reload();
});

// ---- start ---------------------------------------------------------------------------------

if (!ID.test(topicId || "")) {
  problem(t("topic.not_found"));
} else if (!currentSession()) {
  problem(t("topic.sign_in_to_read"), el("a", { href: signInHref(), text: t("auth.sign_in") }));
} else {
  try {
    await reload();
    for (const form of [reportForm, appealForm]) form.querySelector("button[type=submit]").disabled = false;
    if (param("raised")) announce($("topic-live"), t("topic.raised"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) problem(t("topic.not_found"));
    else { console.warn(error); problem(t("topic.load_failed")); }
  }
}
