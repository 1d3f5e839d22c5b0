// What a resident sends about a counted round: an objection during the public notice (公示)
// and an evaluation of each funded project. Drafts are kept, and one press is one record.
import { ApiError, api, el, formatTime, t } from "./core.js";
import { guardSubmit, keepDraft } from "./forms.js";

const $ = (id) => document.getElementById(id);

// A problem the page sees before sending, shown beside its field as the API's would be.
function fieldProblem(field, message) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

function windowText(round, name) {
  const span = round.schedule[name];
  return span ? t("round.window", { starts: formatTime(span.starts), ends: formatTime(span.ends) }) : "";
}

export function showObjection(round) {
  const form = $("objection-form");
  const select = $("objection-project");
  select.append(...round.projects.filter((p) => p.status === "feasible").map((p) => el("option", { value: p.id, text: p.title })));
  $("objection-window").textContent = windowText(round, "results");
  const draft = keepDraft(form, `round.objection.${round.id}`);
  if (draft.saved("project_id")) select.value = draft.saved("project_id");
  $("objection-view").hidden = false;
  guardSubmit(form, async () => {
    const text = form.text.value.trim();
    if (!text) throw fieldProblem("text", t("round.objection_empty"));
    const body = { text };
    if (select.value) body.project_id = select.value;
    const sent = await api("POST", `/rounds/${round.id}/objections`, { body, idempotencyKey: draft.idempotencyKey });
    draft.clear();
    form.hidden = true;
    const done = $("objection-done");
    done.textContent = t("round.objection_done", { at: formatTime(sent.at) });
    done.hidden = false;
    done.focus();
  });
}

const SCORES = [5, 4, 3, 2, 1];

function evaluationForm(round, project) {
  const prefix = `eval-${project.id}`;
  const form = el("form", { class: "card evaluation", novalidate: true, "aria-labelledby": `${prefix}-title` },
    el("h3", { id: `${prefix}-title`, text: project.title }),
    el("fieldset", { "data-field": "score" },
      el("legend", { text: t("round.score_legend") }),
      ...SCORES.map((score) => el("label", { class: "choice", for: `${prefix}-${score}` },
        el("input", { type: "radio", id: `${prefix}-${score}`, name: "score", value: String(score) }),
        el("span", { text: t(`round.score.${score}`) })))),
    el("label", { for: `${prefix}-comment`, text: t("round.comment") }),
    el("textarea", { id: `${prefix}-comment`, name: "comment", maxlength: "500", rows: "3" }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("round.evaluate_send") })));
  const draft = keepDraft(form, `round.evaluation.${round.id}.${project.id}`);
  guardSubmit(form, async () => {
    const score = Number(form.querySelector("input[name=score]:checked")?.value || 0);
    if (!score) throw fieldProblem("score", t("round.score_missing"));
    const body = { project_id: project.id, score };
    const comment = form.comment.value.trim();
    if (comment) body.comment = comment;
    // The API keeps one evaluation per resident and project, so a retry cannot make two.
    await api("POST", `/rounds/${round.id}/evaluations`, { body, idempotencyKey: draft.idempotencyKey });
    draft.clear();
    const done = el("p", { class: "notice ok", role: "status", tabindex: "-1", text: t("round.evaluate_done", { title: project.title }) });
    form.replaceWith(done);
    done.focus();
  });
  return form;
}

export function showEvaluations(round, result) {
  const funded = new Set(result.projects.filter((p) => p.selected).map((p) => p.id));
  const projects = round.projects.filter((p) => funded.has(p.id));
  if (!projects.length) return;
  $("evaluation-window").textContent = windowText(round, "evaluation");
  $("evaluation-forms").replaceChildren(...projects.map((p) => evaluationForm(round, p)));
  $("evaluation-view").hidden = false;
}
