// Proposing a project to a round while its proposals are open: name, what and where, an
// estimated cost typed in yuan (sent in fen), photos, review, a receipt. One question per
// screen; what was typed and uploaded stays in a draft until the proposal is accepted.
import { ApiError, SignInNeeded, api, boot, el, formatFen, formatTime, param, requireSignIn, t } from "./core.js";
import { clearErrors, guardSubmit, keepDraft, showError } from "./forms.js";
import { MAX_PHOTOS, PHOTO_TYPES, uploadPhoto } from "./photos.js";
import { steps } from "./steps.js";

const ROUND_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const MAX_FEN = 10_000_000_000;
const $ = (id) => document.getElementById(id);

await boot("propose");
if (!requireSignIn()) throw new Error("redirecting to sign-in");

const form = $("proposal");
const roundId = param("round");

function refuse(text) {
  form.hidden = true;
  $("load-problem").textContent = text;
  $("load-problem").hidden = false;
}

function fieldProblem(field, message) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

// "45000", "45,000", "¥45000.5" → fen; null when it is not an amount of yuan.
export function fenOf(text) {
  const cleaned = text.replace(/[\s,，¥￥元]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [yuan, cents = ""] = cleaned.split(".");
  return Number(yuan) * 100 + Number(cents.padEnd(2, "0"));
}

let round = null;
let failed = false;
try {
  round = ROUND_ID.test(roundId || "") ? await api("GET", `/rounds/${roundId}`) : null;
} catch (error) {
  if (error instanceof SignInNeeded) location.reload();
  else if (!(error instanceof ApiError && error.status === 404)) failed = true;
}

if (failed) {
  refuse(t("error.load"));
} else if (!round) {
  refuse(t("propose.no_round"));
} else {
  $("round-title").textContent = round.title;
  $("round-window").textContent = t("propose.window", {
    starts: formatTime(round.schedule.proposals.starts), ends: formatTime(round.schedule.proposals.ends) });
  if (round.phase !== "proposals") refuse(t("propose.closed"));
  else runForm(round);
}

function runForm(round) {
  const draft = keepDraft(form, `proposal.${round.id}`);
  const photos = () => draft.extra?.photos || [];
  const photoList = $("photo-list");
  const photoInput = $("photo-file");

  function renderPhotos() {
    photoList.replaceChildren(...photos().map((photo, index) => el("li", {},
      el("span", { text: photo.name }), " ",
      el("button", { type: "button", class: "secondary", text: t("suggest.remove_photo"), "aria-label": t("suggest.remove_named", { name: photo.name }),
        onclick: () => { draft.extra = { photos: photos().filter((_, i) => i !== index) }; renderPhotos(); } }))));
    photoInput.disabled = photos().length >= MAX_PHOTOS;
  }

  photoInput.addEventListener("change", async () => {
    const file = photoInput.files[0];
    if (!file) return;
    if (!PHOTO_TYPES.includes(file.type)) {
      showError(form, fieldProblem("photos", t("suggest.photo_type")));
      photoInput.value = "";
      return;
    }
    const progress = $("upload-progress");
    $("upload").hidden = false;
    $("photo-status").textContent = "";
    try {
      const uploaded = await uploadPhoto(file, (percent) => { progress.value = percent; });
      draft.extra = { photos: [...photos(), uploaded] };
      $("photo-status").textContent = t("suggest.photo_added", { name: file.name });
      renderPhotos();
    } catch (error) {
      showError(form, error, { onRetry: () => photoInput.dispatchEvent(new Event("change")) });
    } finally {
      $("upload").hidden = true;
      photoInput.value = "";
    }
  });

  function costProblem() {
    const fen = fenOf(form.cost.value);
    if (!form.cost.value.trim()) return t("propose.need_cost");
    if (fen === null) return t("propose.bad_cost");
    if (fen <= 0) return t("propose.zero_cost");
    if (fen > Math.min(MAX_FEN, round.budget_fen)) return t("propose.over_budget", { budget: formatFen(round.budget_fen) });
    return null;
  }

  function missing(section) {
    const step = section.dataset.step;
    if (step === "title" && !form.title.value.trim()) return fieldProblem("title", t("propose.need_title"));
    if (step === "about" && !form.description.value.trim()) return fieldProblem("description", t("propose.need_description"));
    if (step === "cost" && costProblem()) return fieldProblem("estimated_cost_fen", costProblem());
    return null;
  }

  function proposal() {
    return {
      title: form.title.value.trim(),
      description: form.description.value.trim(),
      location: form.location.value.trim() || undefined,
      estimated_cost_fen: fenOf(form.cost.value),
      photos: photos().map((photo) => photo.key),
    };
  }

  function renderReview() {
    const body = proposal();
    const rows = [["propose.title_field", body.title], ["propose.description", body.description],
      ["propose.location", body.location || "—"], ["propose.cost_review", formatFen(body.estimated_cost_fen)],
      ["propose.photos", String(photos().length)]];
    $("review").replaceChildren(...rows.flatMap(([key, value]) => [el("dt", { text: t(key) }), el("dd", { text: value })]));
  }

  const buttons = { back: form.querySelector("[data-go=back]"), next: form.querySelector("[data-go=next]"), send: form.querySelector("button[type=submit]") };
  const flow = steps(form, {
    indicator: $("step-indicator"),
    check: (section) => {
      const problem = missing(section);
      if (problem) showError(form, problem);
      else clearErrors(form);
      return !problem;
    },
    onShow: (index, section) => {
      buttons.back.hidden = index === 0;
      buttons.next.hidden = section.dataset.step === "review";
      buttons.send.hidden = section.dataset.step !== "review";
      if (section.dataset.step === "review") renderReview();
    },
  });

  // Enter in a field of an earlier screen means "next", never "send".
  form.addEventListener("submit", (event) => {
    if (flow.isLast()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    buttons.next.click();
  });
  guardSubmit(form, async () => {
    // Every screen is checked again: a draft restored on the last screen skipped them.
    for (const section of form.querySelectorAll("[data-step]")) {
      const problem = missing(section);
      if (problem) {
        showError(form, problem);
        flow.showStepOf(form.querySelector("[aria-invalid=true]"));
        return;
      }
    }
    try {
      // One key per draft: a retry after a lost answer, or a second press, is the same project.
      const project = await api("POST", `/rounds/${round.id}/proposals`, { body: proposal(), idempotencyKey: draft.idempotencyKey });
      draft.clear();
      showReceipt(project);
    } catch (error) {
      if (error instanceof ApiError && error.code === "idempotency_key_reused") {
        // An earlier press of this draft was received, before the text was changed: that
        // proposal stands, and the round's page shows it.
        draft.clear();
        showReceipt(null);
        return;
      }
      if (error instanceof ApiError && error.details.length) {
        showError(form, error);
        const first = form.querySelector("[aria-invalid=true]");
        if (first) flow.showStepOf(first);
        return;
      }
      throw error;
    }
  });

  function showReceipt(project) {
    form.hidden = true;
    $("receipt-title").textContent = project ? project.title : "";
    $("receipt-status").textContent = project ? t("propose.receipt_status", {
      cost: formatFen(project.estimated_cost_fen), photos: project.photos.length, at: formatTime(project.submitted_at) })
      : t("propose.sent_before");
    $("round-link").href = `round.html?round=${round.id}`;
    $("another").href = `propose.html?round=${round.id}`;
    const section = $("receipt");
    section.hidden = false;
    section.querySelector("h2").focus();
  }

  renderPhotos();
  flow.show(0, { focus: false });
}
