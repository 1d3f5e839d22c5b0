// Asking a committee to verify where the resident lives (居住核验): the committee, the flat,
// the basis, optional proof photos. Kept as a draft until sent; one Idempotency-Key per draft.
import { ApiError, api, el, t } from "./core.js";
import { clearErrors, guardSubmit, keepDraft, showError } from "./forms.js";
import { PHOTO_TYPES, uploadPhoto } from "./photos.js";
import { placePicker } from "./places.js";
import { fieldProblem } from "./self-service.js";
import { steps } from "./steps.js";

// POST /me/residence takes at most three proof photos.
const MAX_PROOF = 3;

export async function showResidenceRequest(form, { home }) {
  form.hidden = false;
  const draft = keepDraft(form, "residence");
  const photos = () => draft.extra?.photos || [];
  const picker = placePicker({ district: form.district, street: form.street, committee: form.committee }, () => draft.save());

  const list = form.querySelector("#proof-list");
  const input = form.querySelector("#proof-file");
  const status = form.querySelector("#proof-status");
  function renderPhotos() {
    list.replaceChildren(...photos().map((photo, index) => el("li", {},
      el("span", { text: photo.name }), " ",
      el("button", { type: "button", class: "secondary", text: t("suggest.remove_photo"), "aria-label": t("suggest.remove_named", { name: photo.name }),
        onclick: () => { draft.extra = { photos: photos().filter((_, i) => i !== index) }; renderPhotos(); } }))));
    input.disabled = photos().length >= MAX_PROOF;
  }
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    status.textContent = "";
    if (!PHOTO_TYPES.includes(file.type)) {
      showError(form, fieldProblem("proof_photos", t("suggest.photo_type")));
      input.value = "";
      return;
    }
    const progress = form.querySelector("#upload-progress");
    form.querySelector("#upload").hidden = false;
    try {
      const uploaded = await uploadPhoto(file, (percent) => { progress.value = percent; });
      draft.extra = { photos: [...photos(), uploaded] };
      status.textContent = t("suggest.photo_added", { name: file.name });
      renderPhotos();
    } catch (error) {
      showError(form, error, { onRetry: () => input.dispatchEvent(new Event("change")) });
    } finally {
      form.querySelector("#upload").hidden = true;
      input.value = "";
    }
  });

  const basis = () => form.querySelector("input[name=basis]:checked")?.value;
  function missing(step) {
    if (step === "place" && !picker.committee) return fieldProblem("committee", t("account.need_committee"));
    if (step === "home" && !form.building.value.trim()) return fieldProblem("building", t("account.need_building"));
    if (step === "home" && !form.room.value.trim()) return fieldProblem("room", t("account.need_room"));
    if (step === "basis" && !basis()) return fieldProblem("basis", t("account.need_basis"));
    return null;
  }
  function renderReview() {
    const rows = [["account.place_short", picker.label],
      ["account.home_short", `${form.building.value.trim()} ${form.room.value.trim()}`],
      ["account.basis_short", t(`account.basis_name.${basis()}`)]];
    form.querySelector("#residence-review").replaceChildren(
      ...rows.flatMap(([key, value]) => [el("dt", { text: t(key) }), el("dd", { text: value })]));
  }

  const buttons = { back: form.querySelector("[data-go=back]"), next: form.querySelector("[data-go=next]"), send: form.querySelector("button[type=submit]") };
  const flow = steps(form, {
    indicator: form.querySelector("#residence-steps"),
    check: (section) => {
      const problem = missing(section.dataset.step);
      if (problem) showError(form, problem);
      else clearErrors(form);
      return !problem;
    },
    onShow: (index, section) => {
      buttons.back.hidden = index === 0;
      buttons.send.hidden = section.dataset.step !== "proof";
      buttons.next.hidden = section.dataset.step === "proof";
      if (section.dataset.step === "proof") renderReview();
    },
  });

  form.addEventListener("submit", (event) => {
    if (flow.isLast()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    buttons.next.click();
  });
  guardSubmit(form, async () => {
    const body = {
      committee: picker.committee, building: form.building.value.trim(), room: form.room.value.trim(), basis: basis(),
      proof_photos: photos().map((photo) => photo.key),
    };
    try {
      await api("POST", "/me/residence", { body, idempotencyKey: draft.idempotencyKey });
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        showError(form, error);
        const first = form.querySelector("[aria-invalid=true]");
        if (first) flow.showStepOf(first);
        return;
      }
      throw error;
    }
    draft.clear();
    location.href = "account.html?done=residence";
  });

  renderPhotos();
  flow.show(0, { focus: false });
  const saved = draft.saved("committee") || draft.saved("street") || draft.saved("district");
  try {
    await picker.show(saved || home || "");
  } catch (error) {
    showError(form, error, { onRetry: () => location.reload() });
  }
  form.querySelector("h2").focus();
}
