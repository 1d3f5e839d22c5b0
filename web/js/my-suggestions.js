import { ApiError, api, boot, el, formatTime, has, param, requireSignIn, t } from "./core.js";
import { guardSubmit, keepDraft, showError } from "./forms.js";

await boot("mine");
if (!requireSignIn()) throw new Error("redirecting to sign-in");

const id = param("id");
const label = (prefix, value) => (has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value);

// ---- the list ----------------------------------------------------------------------------

async function showList() {
  const view = document.getElementById("list-view");
  view.hidden = false;
  const list = document.getElementById("list");
  const more = document.getElementById("more");
  const status = document.getElementById("list-status");
  let cursor = null;
  async function load() {
    try {
      const page = await api("GET", `/suggestions/mine${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
      list.append(...page.items.map(card));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      status.textContent = list.childElementCount ? "" : t("mine.empty");
    } catch (error) {
      status.textContent = error instanceof ApiError ? t("error.unexpected") : t("error.load");
    }
  }
  more.addEventListener("click", load);
  await load();
}

function card(item) {
  return el("li", { class: "card" },
    el("h2", {}, el("a", { href: `my-suggestions.html?id=${encodeURIComponent(item.id)}`, text: item.title })),
    el("p", {}, el("span", { class: "badge", text: label("status", item.status) }), " ",
      item.overdue ? el("span", { class: "badge", text: t("mine.overdue") }) : null),
    el("p", { class: "muted", text: `${t("mine.tracking", { no: item.tracking_no })} · ${t("mine.submitted_at", { time: formatTime(item.submitted_at) })}` }),
    item.due_at ? el("p", { class: "muted", text: t("mine.due", { time: formatTime(item.due_at) }) }) : null);
}

// ---- one suggestion ----------------------------------------------------------------------

function text(idOf, value) { document.getElementById(idOf).textContent = value || ""; }

function showDetail(item) {
  document.getElementById("detail-view").hidden = false;
  text("detail-title", item.title);
  text("detail-status", label("status", item.status));
  text("detail-tracking", t("mine.tracking", { no: item.tracking_no }));
  text("detail-category", label("category", item.category));
  text("detail-content", item.content);
  text("detail-location", item.location ? t("mine.location", { location: item.location }) : "");
  text("detail-deadlines", t("mine.deadlines", {
    acknowledge: formatTime(item.deadlines.acknowledge_by), reply: formatTime(item.deadlines.reply_by) }));
  text("detail-notice", item.merged_into ? t("mine.merged_into") : "");
  const reply = item.reply || item.primary?.reply;
  document.getElementById("reply").hidden = !reply;
  if (reply) {
    text("reply-adoption", label("adoption", reply.adoption));
    text("reply-at", formatTime(reply.replied_at));
    text("reply-message", reply.message);
    text("rating-summary", item.rating.count ? t("mine.rating_summary", { count: item.rating.count, mean: item.rating.mean?.toFixed(1) }) : "");
  }
  document.getElementById("timeline").replaceChildren(...item.timeline.map((event) => el("li", {},
    el("strong", { text: label("action", event.action) }), " ",
    el("span", { class: "muted", text: formatTime(event.at) }),
    event.status_to && event.status_to !== event.status_from ? el("span", { text: ` · ${label("status", event.status_to)}` }) : null,
    event.message ? el("p", { text: event.message }) : null,
    event.reason ? el("p", { class: "muted", text: event.reason }) : null)));
  const form = document.getElementById("rating");
  // A merged case is answered, and rated, through the case it joined: rating it here rates that reply.
  const canRate = item.can_rate || Boolean(item.primary?.can_rate);
  form.hidden = !canRate;
  if (canRate) prepareRating(form, item, reply);
}

function prepareRating(form, item, reply) {
  text("rate-by", reply ? t("mine.rate_by", { time: formatTime(reply.rate_by) }) : "");
  document.getElementById("scores").replaceChildren(...[5, 4, 3, 2, 1].map((n) => el("label", { class: "choice" },
    el("input", { type: "radio", name: "score", value: String(n) }), el("span", { text: t("mine.score_n", { n }) }))));
  const draft = keepDraft(form, `rating.${item.id}`);
  guardSubmit(form, async () => {
    const chosen = form.querySelector("input[name=score]:checked");
    if (!chosen) {
      const message = t("mine.need_score");
      throw new ApiError(400, { code: "validation_failed", message: "", details: [{ field: "score", message, message_zh: message }] });
    }
    const body = { score: Number(chosen.value), comment: form.comment.value.trim() || undefined };
    const receipt = await api("POST", `/suggestions/${encodeURIComponent(item.id)}/rating`, { body });
    draft.clear();
    form.hidden = true;
    const done = document.getElementById("rating-done");
    done.textContent = receipt.reopened ? t("mine.reopened") : t("mine.rated");
    done.setAttribute("tabindex", "-1");
    done.focus();
  });
}

if (id) {
  // The list is what a page without scripts shows; one case replaces it.
  document.getElementById("list-view").hidden = true;
  try {
    showDetail(await api("GET", `/suggestions/${encodeURIComponent(id)}`));
  } catch (error) {
    document.getElementById("detail-view").hidden = false;
    showError(document.getElementById("detail-view"), error, { onRetry: () => location.reload() });
  }
} else {
  await showList();
}
