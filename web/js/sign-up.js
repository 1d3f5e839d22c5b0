// Sign-up: the number, a password that meets the pool's rule, then the code Cognito sends by
// SMS; confirmed, the resident is signed in at once. The number waiting for its code is kept
// on the device (never the password or the code), so a resident who leaves to read the
// message comes back to the code screen.
import { boot, t } from "./core.js";
import { clearErrors, guardSubmit, showError } from "./forms.js";
import { resendControl, revealToggles } from "./code-entry.js";
import {
  SIGN_UP_PENDING, confirmSignUp, destination, explain, fieldProblem, isCode, mainlandPhone, passwordMeetsRule,
  resendSignUpCode, signUp, spacedPhone,
} from "./self-service.js";
import { signIn } from "./sign-in-flow.js";
import { steps } from "./steps.js";

await boot("sign-up");
const form = document.getElementById("sign-up");
revealToggles(form);
const buttons = {
  back: form.querySelector("[data-go=back]"), next: form.querySelector("[data-go=next]"),
  send: document.getElementById("send"), confirm: document.getElementById("confirm"),
};
// Held only in this page's memory, to sign in once the code is confirmed.
let password = null;

const pending = () => { try { return JSON.parse(localStorage.getItem(SIGN_UP_PENDING)); } catch { return null; } };
const phone = () => mainlandPhone(form.phone.value);

const flow = steps(form, {
  indicator: document.getElementById("step-indicator"),
  check: (section) => {
    if (section.dataset.step !== "phone") return true;
    if (phone()) { clearErrors(form); return true; }
    showError(form, fieldProblem("phone", t("sign-in.bad_phone")));
    return false;
  },
  onShow: (index, section) => {
    const step = section.dataset.step;
    buttons.back.hidden = step !== "password";
    buttons.next.hidden = step !== "phone";
    buttons.send.hidden = step !== "password";
    buttons.confirm.hidden = step !== "code";
    if (step !== "phone") document.getElementById("phone-readback").textContent = t("sign-up.number_is", { phone: spacedPhone(phone()) });
    if (step === "phone") form.phone.readOnly = false;
  },
});
const CODE_STEP = 2;

const resend = resendControl(document.getElementById("resend"), document.getElementById("resend-wait"), "sign-up", async () => {
  try {
    await resendSignUpCode(phone());
    document.getElementById("code-sent").textContent = t("auth.code_resent", { phone: spacedPhone(phone()) });
    return true;
  } catch (error) {
    showError(form, explain(error, { code: "code" }, "code"));
    return false;
  }
});

function showCodeStep() {
  form.phone.readOnly = true;
  localStorage.setItem(SIGN_UP_PENDING, JSON.stringify({ phone: phone() }));
  document.getElementById("code-sent").textContent = t("auth.code_sent", { phone: spacedPhone(phone()) });
  form.code.value = "";
  flow.show(CODE_STEP);
  resend.watch();
}

document.getElementById("other-number").addEventListener("click", () => {
  localStorage.removeItem(SIGN_UP_PENDING);
  resend.forget();
  password = null;
  form.password.value = "";
  clearErrors(form);
  flow.show(0);
});

async function create() {
  if (!passwordMeetsRule(form.password.value)) throw fieldProblem("password", t("auth.weak_password"));
  try {
    await signUp(phone(), form.password.value);
  } catch (error) {
    const problem = explain(error, { phone: "phone", password: "password" }, "password");
    if (problem.details?.[0]?.field === "phone") flow.show(0, { focus: false });
    throw problem;
  }
  password = form.password.value;
  form.password.value = "";
  resend.sent();
  showCodeStep();
}

async function confirm() {
  if (!isCode(form.code.value)) throw fieldProblem("code", t("auth.bad_code_format"));
  try {
    await confirmSignUp(phone(), form.code.value);
  } catch (error) {
    throw explain(error, { code: "code" }, "code");
  }
  localStorage.removeItem(SIGN_UP_PENDING);
  resend.forget();
  if (password) {
    const result = await signIn(phone(), password).catch(() => ({ done: false }));
    password = null;
    if (result.done) { location.href = destination("account.html?welcome=1"); return; }
  }
  // Reloaded while waiting for the code: the password was never kept, so it is asked again.
  sessionStorage.setItem("mulin.signed-up", phone());
  location.href = `sign-in.html?next=${encodeURIComponent(destination("account.html?welcome=1"))}`;
}

// Enter on the number's screen means "next", never "send".
form.addEventListener("submit", (event) => {
  if (flow.current !== 0) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  buttons.next.click();
});
guardSubmit(form, async () => {
  if (flow.current === 1) await create();
  else if (flow.current === CODE_STEP) await confirm();
});

const waiting = pending();
if (waiting?.phone && mainlandPhone(waiting.phone)) {
  form.phone.value = waiting.phone.replace(/^\+86/, "");
  showCodeStep();
  // Sent here by the sign-in page: the account exists but its number was never confirmed.
  if (waiting.resend) {
    try {
      await resendSignUpCode(phone());
      resend.sent();
    } catch (error) {
      showError(form, explain(error, { code: "code" }, "code"));
    }
  }
} else {
  flow.show(0, { focus: false });
}
