import { ApiError, boot, t } from "./core.js";
import { guardSubmit } from "./forms.js";
import { revealToggles } from "./code-entry.js";
import { SIGN_UP_PENDING, destination, fieldProblem, mainlandPhone } from "./self-service.js";
import { answerChallenge, authenticatorSecret, signIn } from "./sign-in-flow.js";

await boot("sign-in");
const form = document.getElementById("sign-in");
revealToggles(form);
let pending = null;

// Just confirmed on the sign-up page after a reload lost the password: the number is known.
const signedUp = sessionStorage.getItem("mulin.signed-up");
if (signedUp) {
  sessionStorage.removeItem("mulin.signed-up");
  form.phone.value = signedUp.replace(/^\+86/, "");
  document.getElementById("signed-up").hidden = false;
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
    // The password was right but the number never confirmed: finish the sign-up instead.
    if (error instanceof ApiError && error.code === "UserNotConfirmedException" && !form.staff.checked) {
      localStorage.setItem(SIGN_UP_PENDING, JSON.stringify({ phone, resend: true }));
      location.href = "sign-up.html";
      return { done: false, redirected: true };
    }
    if (error instanceof ApiError) throw fieldProblem("password", t("sign-in.failed"));
    throw error;
  }
}

guardSubmit(form, async () => {
  const result = pending ? await answer() : await credentials();
  if (result.redirected) return;
  if (result.done) location.href = destination();
  else await showChallenge(result);
});
