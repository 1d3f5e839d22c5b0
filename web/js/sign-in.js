import { ApiError, boot, guardSubmit, param, signIn, t } from "./core.js";

await boot("sign-in");
const form = document.getElementById("sign-in");

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

guardSubmit(form, async () => {
  const phone = mainlandPhone(form.phone.value);
  if (!phone) throw fieldProblem("phone", t("sign-in.bad_phone"));
  if (!form.password.value) throw fieldProblem("password", t("sign-in.empty_password"));
  try {
    await signIn(phone, form.password.value);
  } catch (error) {
    if (error instanceof ApiError && error.code === "TooManyRequestsException") throw fieldProblem("password", t("sign-in.too_many"));
    if (error instanceof ApiError) throw fieldProblem("password", t("sign-in.failed"));
    throw error;
  }
  location.href = destination();
});
