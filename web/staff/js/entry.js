// A case entered on a resident's behalf: what a paper form, a 12345 referral or a meeting
// recorded, sent once (one Idempotency-Key per draft), then a receipt printed for the resident.
import { ApiError, api, boot, el, formatDate, formatTime, t } from "../../js/core.js";
import { clearErrors, guardSubmit, keepDraft, showError } from "../../js/forms.js";
import { MAX_PHOTOS, PHOTO_TYPES, uploadPhoto } from "../../js/photos.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

const CATEGORIES = ["urban_renewal", "transport", "education_childcare", "elderly_care", "sanitation", "property_management",
  "public_safety", "culture_sports", "health", "business_employment", "digital_governance", "other"];

await boot("staff.entry");
staffNav("entry");
const { me } = await requireOfficial();

const form = document.getElementById("entry");
form.category.replaceChildren(el("option", { value: "", text: t("staff.entry.choose") }),
  ...CATEGORIES.map((c) => el("option", { value: c, text: t(`category.${c}`) })));

// The places an official may enter for: their own division and the ones right under it.
const names = {};
async function fillDivisions() {
  const own = await api("GET", `/divisions/${me.jurisdiction}`, { auth: false });
  const places = [own, ...own.children];
  for (const place of places) names[place.code] = place.name;
  form.division.replaceChildren(...places.map((d) => el("option", { value: d.code, text: d.name })));
}

const draft = keepDraft(form, "staff-entry");
const photos = () => draft.extra?.photos || [];

function fieldProblem(field, key) {
  const message = t(key);
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

// ---- photos scanned in -----------------------------------------------------------------------

const photoList = document.getElementById("photo-list");
const photoStatus = document.getElementById("photo-status");
function renderPhotos() {
  photoList.replaceChildren(...photos().map((photo, index) => el("li", {},
    el("span", { text: photo.name }), " ",
    el("button", { type: "button", class: "secondary", text: t("staff.entry.remove_photo"), "aria-label": t("staff.entry.remove_named", { name: photo.name }),
      onclick: () => { draft.extra = { photos: photos().filter((_, i) => i !== index) }; renderPhotos(); } }))));
  form.querySelector("#photo-file").disabled = photos().length >= MAX_PHOTOS;
}

form.querySelector("#photo-file").addEventListener("change", async (event) => {
  const input = event.currentTarget;
  const file = input.files[0];
  if (!file) return;
  photoStatus.textContent = "";
  if (!PHOTO_TYPES.includes(file.type)) {
    showError(form, fieldProblem("photos", "staff.entry.photo_type"));
    input.value = "";
    return;
  }
  const progress = document.getElementById("upload-progress");
  document.getElementById("upload").hidden = false;
  try {
    const uploaded = await uploadPhoto(file, (percent) => { progress.value = percent; });
    draft.extra = { photos: [...photos(), uploaded] };
    photoStatus.textContent = t("staff.entry.photo_added", { name: file.name });
    renderPhotos();
  } catch (error) {
    showError(form, error, { onRetry: () => input.dispatchEvent(new Event("change")) });
  } finally {
    document.getElementById("upload").hidden = true;
    input.value = "";
  }
});

// ---- sending -----------------------------------------------------------------------------------

const digits = () => form.submitter_phone.value.replace(/\D/g, "");

function missing() {
  if (!form.querySelector("input[name=channel]:checked")) return fieldProblem("channel", "staff.entry.need_channel");
  if (!/^1[3-9]\d{9}$/.test(digits())) return fieldProblem("submitter_phone", "staff.entry.need_phone");
  if (!form.category.value) return fieldProblem("category", "staff.entry.need_category");
  if (!form.title.value.trim()) return fieldProblem("title", "staff.entry.need_title");
  if (!form.content.value.trim()) return fieldProblem("content", "staff.entry.need_content");
  return null;
}

function submission() {
  return {
    channel: form.querySelector("input[name=channel]:checked").value,
    submitter_phone: `+86${digits()}`,
    category: form.category.value,
    division: form.division.value,
    location: form.location.value.trim() || undefined,
    title: form.title.value.trim(),
    content: form.content.value.trim(),
    photos: photos().map((photo) => photo.key),
    publish_consent: form.publish_consent.checked,
    // What the resident said when asked: texts about this case go to the number only with their yes.
    sms_consent: form.sms_consent.checked,
  };
}

guardSubmit(form, async () => {
  const problem = missing();
  if (problem) { showError(form, problem); return; }
  const sent = submission();
  try {
    const receipt = await api("POST", "/suggestions", { body: sent, idempotencyKey: draft.idempotencyKey });
    draft.clear();
    showReceipt(receipt, sent);
  } catch (error) {
    if (error instanceof ApiError && error.details.length) { showError(form, error); return; }
    throw error;
  }
});
enableSubmit(form);

// ---- the receipt the resident takes home ------------------------------------------------------

const masked = (phone) => `${phone.slice(3, 6)}****${phone.slice(-4)}`;

function showReceipt(receipt, sent) {
  clearErrors(form);
  form.hidden = true;
  document.querySelector(".lead")?.setAttribute("hidden", "");
  const committee = names[me.jurisdiction] || me.jurisdiction;
  document.getElementById("receipt-committee").textContent = t("staff.entry.issued_by", { name: committee });
  document.getElementById("tracking-no").textContent = receipt.tracking_no;
  document.getElementById("receipt-date").textContent = formatDate(receipt.submitted_at);
  document.getElementById("receipt-channel").textContent = t(`staff.entry.channel.${sent.channel}`);
  document.getElementById("receipt-phone").textContent = masked(sent.submitter_phone);
  document.getElementById("receipt-title").textContent = sent.title;
  const steps = [
    t("staff.entry.next_acknowledge", { at: formatTime(receipt.deadlines.acknowledge_by) }),
    t("staff.entry.next_reply", { at: formatTime(receipt.deadlines.reply_by) }),
    t("staff.entry.next_follow", { phone: masked(sent.submitter_phone) }),
  ];
  if (receipt.deadlines.provisional) steps.push(t("staff.entry.next_provisional"));
  document.getElementById("receipt-next").replaceChildren(...steps.map((text) => el("li", { text })));
  const section = document.getElementById("receipt");
  section.hidden = false;
  section.querySelector("h2").focus();
}
document.getElementById("print").addEventListener("click", () => print());

renderPhotos();
try {
  await fillDivisions();
  const saved = draft.saved("division");
  if (saved && names[saved]) form.division.value = saved;
} catch (error) {
  showError(form, error, { onRetry: () => location.reload() });
}
