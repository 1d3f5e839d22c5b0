import { ApiError, api, boot, el, formatTime, requireSignIn, t } from "./core.js";
import { clearErrors, guardSubmit, keepDraft, showError } from "./forms.js";
import { MAX_PHOTOS, PHOTO_TYPES, uploadPhoto } from "./photos.js";
import { outbox } from "./outbox.js";
import { steps } from "./steps.js";

const CITY = "31";

await boot("suggest");
if (!requireSignIn()) throw new Error("redirecting to sign-in");

const form = document.getElementById("suggestion");  // its first question, the category, is in the HTML: usable before this module arrives

const draft = keepDraft(form, "suggestion");
const photos = () => draft.extra?.photos || [];

// ---- place: district → street → committee, starting from the resident's own committee ---

const selects = { district: form.district, street: form.street, committee: form.committee };
const children = new Map();

async function childrenOf(code) {
  if (!children.has(code)) children.set(code, (await api("GET", `/divisions/${code}`, { auth: false })).children);
  return children.get(code);
}

async function fill(select, parent, chosen, { optional = false } = {}) {
  const options = parent ? await childrenOf(parent) : [];
  const first = el("option", { value: "", text: t(optional ? "suggest.whole_street" : "suggest.choose") });
  select.replaceChildren(first, ...options.map((d) => el("option", { value: d.code, text: d.name })));
  select.value = options.some((d) => d.code === chosen) ? chosen : "";
}

async function showPlace(home) {
  const district = draft.saved("district") || home.slice(0, 6);
  const street = draft.saved("street") || (home.length >= 9 ? home.slice(0, 9) : "");
  const committee = draft.saved("committee") ?? (home.length === 12 ? home : "");
  await fill(selects.district, CITY, district);
  await fill(selects.street, selects.district.value, street);
  await fill(selects.committee, selects.street.value, committee, { optional: true });
  draft.save();
}
selects.district.addEventListener("change", async () => {
  await fill(selects.street, selects.district.value, "");
  await fill(selects.committee, "", "", { optional: true });
  draft.save();
});
selects.street.addEventListener("change", async () => {
  await fill(selects.committee, selects.street.value, "", { optional: true });
  draft.save();
});

// ---- photos --------------------------------------------------------------------------------

const photoList = document.getElementById("photo-list");
const photoStatus = document.getElementById("photo-status");
function renderPhotos() {
  photoList.replaceChildren(...photos().map((photo, index) => el("li", {},
    el("span", { text: photo.name }), " ",
    el("button", { type: "button", class: "secondary", text: t("suggest.remove_photo"), "aria-label": t("suggest.remove_named", { name: photo.name }),
      onclick: () => { draft.extra = { photos: photos().filter((_, i) => i !== index) }; renderPhotos(); } }))));
  form.querySelector("#photo-file").disabled = photos().length >= MAX_PHOTOS;
}

form.querySelector("#photo-file").addEventListener("change", async (event) => {
  const input = event.currentTarget;
  const file = input.files[0];
  if (!file) return;
  if (!PHOTO_TYPES.includes(file.type)) {
    showError(form, fieldProblem("photos", "suggest.photo_type"));
    input.value = "";
    return;
  }
  const progress = document.getElementById("upload-progress");
  document.getElementById("upload").hidden = false;
  try {
    const uploaded = await uploadPhoto(file, (percent) => { progress.value = percent; });
    draft.extra = { photos: [...photos(), uploaded] };
    photoStatus.textContent = t("suggest.photo_added", { name: file.name });
    renderPhotos();
  } catch (error) {
    showError(form, error, { onRetry: () => input.dispatchEvent(new Event("change")) });
  } finally {
    document.getElementById("upload").hidden = true;
    if (!photoStatus.textContent) input.value = "";
  }
});

// ---- steps, review and sending ----------------------------------------------------------

function fieldProblem(field, key) {
  const message = t(key);
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

function missing(section) {
  const step = section.dataset.step;
  if (step === "category" && !form.querySelector("input[name=category]:checked")) return fieldProblem("category", "suggest.need_category");
  if (step === "place" && !selects.street.value) return fieldProblem("street", "suggest.need_street");
  if (step === "text" && !form.title.value.trim()) return fieldProblem("title", "suggest.need_title");
  if (step === "text" && !form.content.value.trim()) return fieldProblem("content", "suggest.need_content");
  return null;
}

function submission() {
  return {
    category: form.querySelector("input[name=category]:checked")?.value,
    division: selects.committee.value || selects.street.value,
    location: form.location.value.trim() || undefined,
    title: form.title.value.trim(),
    content: form.content.value.trim(),
    photos: photos().map((photo) => photo.key),
    publish_consent: form.publish_consent.checked,
    channel: "web",
  };
}

function renderReview() {
  const place = [selects.district, selects.street, selects.committee].filter((s) => s.value).map((s) => s.selectedOptions[0].text).join(" · ");
  const rows = [
    ["suggest.category", t(`category.${submission().category}`)], ["suggest.place", place],
    ["suggest.location", form.location.value.trim() || "—"], ["suggest.title_field", form.title.value],
    ["suggest.content", form.content.value], ["suggest.photos", String(photos().length)],
  ];
  document.getElementById("review").replaceChildren(...rows.flatMap(([key, value]) => [el("dt", { text: t(key) }), el("dd", { text: value })]));
}

const buttons = { back: form.querySelector("[data-go=back]"), next: form.querySelector("[data-go=next]"), send: form.querySelector("button[type=submit]") };
const flow = steps(form, {
  indicator: document.getElementById("step-indicator"),
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
// Offline, a press is kept and sent when the connection returns (outbox.js).
const waitingNote = el("p", { class: "notice", id: "queued-status", role: "status" });
form.querySelector(".actions").before(waitingNote);
const mail = outbox("suggestion", {
  onSending: () => { waitingNote.textContent = t("offline.sending"); },
  onSent: (receipt) => { waitingNote.textContent = ""; draft.clear(); showReceipt(receipt); },
  onRefused: (error) => { waitingNote.textContent = ""; showError(form, error); },
});

guardSubmit(form, async () => {
  try {
    const receipt = await mail.send("POST", "/suggestions", { body: submission(), idempotencyKey: draft.idempotencyKey });
    if (!receipt) {
      waitingNote.textContent = t("offline.queued");
      return;
    }
    draft.clear();
    showReceipt(receipt);
  } catch (error) {
    if (error instanceof ApiError && error.details.length) {
      showError(form, error);
      const first = form.querySelector("[aria-invalid=true]");
      if (first) flow.showStepOf(first);
      return;
    }
    throw error;
  }
});

function showReceipt(receipt) {
  form.hidden = true;
  document.getElementById("tracking-no").textContent = receipt.tracking_no;
  document.getElementById("deadlines").textContent = t("suggest.deadlines", {
    acknowledge: formatTime(receipt.deadlines.acknowledge_by), reply: formatTime(receipt.deadlines.reply_by) });
  document.getElementById("follow").href = `my-suggestions.html?id=${encodeURIComponent(receipt.id)}`;
  const section = document.getElementById("receipt");
  section.hidden = false;
  section.querySelector("h2").focus();
}

renderPhotos();
flow.show(0, { focus: false });
if (mail.waiting()) {
  waitingNote.textContent = t("offline.queued");
  mail.flush();
}
try {
  const me = await api("GET", "/me");
  await showPlace(me.residence || me.jurisdiction || "");
} catch (error) {
  showError(form, error, { onRetry: () => location.reload() });
}
