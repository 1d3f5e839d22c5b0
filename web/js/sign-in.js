import { ApiError, boot, param, t } from "./core.js";
import { guardSubmit } from "./forms.js";
import { answerChallenge, authenticatorSecret, signIn } from "./sign-in-flow.js";

await boot("sign-in");
const form = document.getElementById("sign-in");
let pending = null;

// Residents type their number as they say it: spaces, dashes, with or without +86.
function mainlandPhone(text) {
  const digits = text.replace(/[\s-]/g, "").replace(/^(\+?86)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : null;
}

function fieldProblem(field, message) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

// Only a page inside this site may be the destination after signing in.
function destination() {
  const next = param("next") || "index.html";
  return /^[a-z-]+\.html(\?[^#]*)?$/.test(next) ? next : "index.html";
}

async function showChallenge(next) {
  pending = next;
  document.getElementById("credentials").hidden = true;
  form.phone.readOnly = true;
  document.getElementById("challenge").hidden = false;
  document.getElementById("new-password-field").hidden = next.challenge !== "NEW_PASSWORD_REQUIRED";
  document.getElementById("code-field").hidden = next.challenge === "NEW_PASSWORD_REQUIRED";
  const secret = document.getElementById("secret");
  secret.hidden = next.challenge !== "MFA_SETUP";
  if (next.challenge === "MFA_SETUP") secret.textContent = (await authenticatorSecret(next)).replace(/(.{4})/g, "$1 ").trim();
  form.code.value = "";
  const key = { NEW_PASSWORD_REQUIRED: "new_password", MFA_SETUP: "setup", SOFTWARE_TOKEN_MFA: "mfa" }[next.challenge];
  document.getElementById("challenge-heading").textContent = t(`sign-in.${key}_heading`);
  document.getElementById("challenge-hint").textContent = t(`sign-in.${key}_hint`);
  document.getElementById("challenge-heading").focus();
}

async function answer() {
  if (pending.challenge === "NEW_PASSWORD_REQUIRED" && form.new_password.value.length < 12) {
    throw fieldProblem("new_password", t("sign-in.new_password_hint"));
  }
  if (pending.challenge !== "NEW_PASSWORD_REQUIRED" && !/^\d{6}$/.test(form.code.value.trim())) {
    throw fieldProblem("code", t("sign-in.bad_code"));
  }
  try {
    return await answerChallenge(pending, { code: form.code.value.trim(), newPassword: form.new_password.value });
  } catch (error) {
    if (error instanceof ApiError && error.code === "InvalidPasswordException") throw fieldProblem("new_password", t("sign-in.weak_password"));
    if (error instanceof ApiError && error.status < 500) throw fieldProblem(pending.challenge === "NEW_PASSWORD_REQUIRED" ? "new_password" : "code", t("sign-in.bad_code"));
    throw error;
  }
}

async function credentials() {
  const phone = mainlandPhone(form.phone.value);
  if (!phone) throw fieldProblem("phone", t("sign-in.bad_phone"));
  if (!form.password.value) throw fieldProblem("password", t("sign-in.empty_password"));
  try {
    return await signIn(phone, form.password.value, { staff: form.staff.checked });
  } catch (error) {
    if (error instanceof ApiError && error.code === "TooManyRequestsException") throw fieldProblem("password", t("sign-in.too_many"));
    if (error instanceof ApiError) throw fieldProblem("password", t("sign-in.failed"));
    throw error;
  }
}

guardSubmit(form, async () => {
  const result = pending ? await answer() : await credentials();
  if (result.done) location.href = destination();
  else await showChallenge(result);
});
