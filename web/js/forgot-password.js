// Forgotten password: the number, then the SMS code with a new password; done, the resident
// is signed in. Only the number is kept on the device while the code is on its way.
import { boot, t } from "./core.js";
import { clearErrors, guardSubmit, showError } from "./forms.js";
import { resendControl, revealToggles } from "./code-entry.js";
import {
  confirmForgotPassword, destination, explain, fieldProblem, forgotPassword, isCode, mainlandPhone, passwordMeetsRule,
  spacedPhone,
} from "./self-service.js";
import { signIn } from "./sign-in-flow.js";
import { steps } from "./steps.js";

const PENDING = "mulin.pending-reset";

await boot("forgot");
const form = document.getElementById("forgot");
revealToggles(form);
const buttons = { send: document.getElementById("send"), reset: document.getElementById("reset") };
const phone = () => mainlandPhone(form.phone.value);

const flow = steps(form, {
  indicator: document.getElementById("step-indicator"),
  onShow: (index) => {
    buttons.send.hidden = index !== 0;
    buttons.reset.hidden = index !== 1;
    form.phone.readOnly = index !== 0;
  },
});

async function sendCode() {
  try {
    await forgotPassword(phone());
    return true;
  } catch (error) {
    throw explain(error, { phone: "phone", code: flow.current === 1 ? "code" : undefined }, flow.current === 1 ? "code" : "phone");
  }
}

const resend = resendControl(document.getElementById("resend"), document.getElementById("resend-wait"), "reset", async () => {
  try {
    await sendCode();
    document.getElementById("code-sent").textContent = t("auth.code_resent", { phone: spacedPhone(phone()) });
    return true;
  } catch (error) {
    showError(form, error);
    return false;
  }
});

function showResetStep() {
  localStorage.setItem(PENDING, JSON.stringify({ phone: phone() }));
  document.getElementById("code-sent").textContent = t("auth.code_sent", { phone: spacedPhone(phone()) });
  flow.show(1);
  resend.watch();
}

document.getElementById("other-number").addEventListener("click", () => {
  localStorage.removeItem(PENDING);
  resend.forget();
  form.code.value = "";
  form.password.value = "";
  clearErrors(form);
  flow.show(0);
});

async function reset() {
  const problems = [];
  if (!isCode(form.code.value)) problems.push(["code", t("auth.bad_code_format")]);
  if (!passwordMeetsRule(form.password.value)) problems.push(["password", t("auth.weak_password")]);
  if (problems.length) {
    const error = fieldProblem(...problems[0]);
    error.details = problems.map(([field, message]) => ({ field, message, message_zh: message }));
    throw error;
  }
  try {
    await confirmForgotPassword(phone(), form.code.value, form.password.value);
  } catch (error) {
    throw explain(error, { code: "code", password: "password" }, "code");
  }
  localStorage.removeItem(PENDING);
  resend.forget();
  const result = await signIn(phone(), form.password.value).catch(() => ({ done: false }));
  form.password.value = "";
  location.href = result.done ? destination("index.html") : "sign-in.html";
}

guardSubmit(form, async () => {
  if (flow.current === 1) { await reset(); return; }
  if (!phone()) throw fieldProblem("phone", t("sign-in.bad_phone"));
  await sendCode();
  resend.sent();
  showResetStep();
});

let waiting = null;
try { waiting = JSON.parse(localStorage.getItem(PENDING)); } catch { waiting = null; }
if (waiting?.phone && mainlandPhone(waiting.phone)) {
  form.phone.value = waiting.phone.replace(/^\+86/, "");
  showResetStep();
} else {
  flow.show(0, { focus: false });
}
