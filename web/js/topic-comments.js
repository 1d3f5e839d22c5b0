// The discussion under a topic: comments with their replies one level deep, the author's edit
// (within its window) and delete (a tombstone keeps the thread's shape), a report button on
// other people's posts, and a hidden post shown as the reason it was hidden.
import { api, el, formatTime, newIdempotencyKey, t } from "./core.js";
import { guardSubmit, keepDraft } from "./forms.js";

const $ = (id) => document.getElementById(id);
const form = $("comment-form");
let topic = null;
let hooks = null;
let replyTo = null;
let draft = null;

function body(comment) {
  if (comment.deleted) return el("p", { class: "muted", text: t("topic.comment_deleted") });
  if (comment.hidden) {
    return el("div", {},
      el("p", { class: "notice", text: t("topic.hidden_reason", { reason: comment.hidden.reason }) }),
      comment.text ? el("p", { class: "prose muted", text: comment.text }) : null);
  }
  return el("p", { class: "prose", text: comment.text });
}

function editForm(comment, item) {
  const edit = el("form", { method: "post", class: "comment-edit", novalidate: true },
    el("label", { for: `edit-${comment.id}`, text: t("topic.edit_field") }),
    el("textarea", { id: `edit-${comment.id}`, name: "text", maxlength: "1000", required: true }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("topic.edit_save") })));
  edit.elements.text.value = comment.text;
  guardSubmit(edit, async () => {
    await api("PATCH", `/topics/${topic.id}/comments/${comment.id}`, { body: { text: edit.elements.text.value.trim() } });
    await hooks.reload();
  });
  item.append(edit);
  edit.elements.text.focus();
}

function actions(comment, item) {
  const buttons = [];
  const label = (key) => t(key);
  if (!comment.parent_id && !comment.deleted && topic.can_comment) {
    buttons.push(el("button", { type: "button", class: "secondary", text: label("topic.reply"),
      onclick: () => startReply(comment) }));
  }
  if (comment.mine && comment.editable_until) {
    buttons.push(el("button", { type: "button", class: "secondary", text: label("topic.edit"),
      onclick: () => { if (!item.querySelector(".comment-edit")) editForm(comment, item); } }));
  }
  if (comment.mine && !comment.deleted) {
    buttons.push(el("button", { type: "button", class: "secondary", text: label("topic.delete"),
      onclick: async () => {
        if (!confirm(t("topic.delete_confirm"))) return;
        await api("DELETE", `/topics/${topic.id}/comments/${comment.id}`);
        await hooks.reload();
      } }));
  }
  if (comment.mine && comment.hidden && !comment.hidden.appealed) {
    buttons.push(el("button", { type: "button", class: "secondary", text: label("topic.appeal"), onclick: () => hooks.appeal(comment) }));
  }
  if (topic.can_comment && !comment.mine && !comment.deleted && !comment.hidden) {
    buttons.push(el("button", { type: "button", class: "secondary", text: label("topic.report"), onclick: () => hooks.report(comment) }));
  }
  return buttons.length ? el("div", { class: "actions comment-actions" }, ...buttons) : null;
}

function commentItem(comment, replies) {
  const item = el("li", { class: "comment", id: `comment-${comment.id}` },
    el("p", { class: "muted" },
      el("span", { text: comment.mine ? t("topic.me") : t("topic.neighbour") }), " · ",
      el("span", { text: formatTime(comment.created_at) }),
      comment.edited_at ? el("span", { text: ` · ${t("topic.edited")}` }) : null),
    body(comment));
  item.append(...[actions(comment, item)].filter(Boolean));
  if (replies.length) item.append(el("ul", { class: "replies", "aria-label": t("topic.replies") }, ...replies.map((reply) => commentItem(reply, []))));
  return item;
}

function startReply(comment) {
  replyTo = comment.id;
  $("replying").textContent = t("topic.replying", { text: (comment.text || "").slice(0, 40) });
  $("replying").hidden = false;
  $("cancel-reply").hidden = false;
  form.elements.text.focus();
}

function stopReply() {
  replyTo = null;
  $("replying").hidden = true;
  $("cancel-reply").hidden = true;
}

export function showComments(current, given) {
  topic = current;
  hooks = given;
  const top = topic.comments.filter((comment) => !comment.parent_id);
  const repliesOf = (id) => topic.comments.filter((comment) => comment.parent_id === id);
  $("comments").replaceChildren(...top.map((comment) => commentItem(comment, repliesOf(comment.id))));
  $("comments-none").hidden = topic.comments.length > 0;
  form.hidden = !topic.can_comment;
  if (!draft) {
    draft = keepDraft(form, `topic-comment-${topic.id}`);
    $("cancel-reply").addEventListener("click", stopReply);
    guardSubmit(form, async () => {
      await api("POST", `/topics/${topic.id}/comments`, {
        idempotencyKey: draft.idempotencyKey,
        body: { text: form.elements.text.value.trim(), reply_to: replyTo || undefined },
      });
      draft.clear();
      form.reset();
      draft.idempotencyKey = newIdempotencyKey();
      stopReply();
      await hooks.reload();
    });
    form.querySelector("button[type=submit]").disabled = false;
  }
}
