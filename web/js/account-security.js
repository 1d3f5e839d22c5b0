// The account's own keys: its password, its mobile number, every device it is signed in on,
// the data held about it and the account itself. Passwords and codes stay in the fields.
import { api, el, renewSession, signOut, t } from "./core.js";
import { clearErrors, guardSubmit, showError } from "./forms.js";
import { resendControl, revealToggles } from "./code-entry.js";
import {
  changePassword, confirmPhoneChange, explain, fieldProblem, isCode, mainlandPhone, passwordMeetsRule, requestPhoneChange,
  resendPhoneCode, signOutEverywhere, spacedPhone,
} from "./self-service.js";
import { steps } from "./steps.js";

const PHONE_PENDING = "mulin.pending-phone";

export function showPasswordChange(form) {
  form.hidden = false;
  revealToggles(form);
  form.querySelector("h2").focus();
  guardSubmit(form, async () => {
    if (!form.current.value) throw fieldProblem("current", t("sign-in.empty_password"));
    if (!passwordMeetsRule(form.password.value)) throw fieldProblem("password", t("auth.weak_password"));
    try {
      await changePassword(form.current.value, form.password.value);
    } catch (error) {
      throw explain(error, { current: "current", password: "password" }, "current");
    }
    form.reset();
    location.href = "account.html?done=password";
  });
}

export function showPhoneChange(form) {
  form.hidden = false;
  const send = form.querySelector("#phone-send");
  const confirm = form.querySelector("#phone-confirm");
  const flow = steps(form, {
    indicator: form.querySelector("#phone-steps"),
    onShow: (index) => {
      send.hidden = index !== 0;
      confirm.hidden = index !== 1;
      form.phone.readOnly = index !== 0;
    },
  });
  const phone = () => mainlandPhone(form.phone.value);
  const codeSent = form.querySelector("#phone-code-sent");

  const resend = resendControl(form.querySelector("#phone-resend"), form.querySelector("#phone-resend-wait"), "phone", async () => {
    try {
      await resendPhoneCode();
      codeSent.textContent = t("auth.code_resent", { phone: spacedPhone(phone()) });
      return true;
    } catch (error) {
      showError(form, explain(error, { code: "code" }, "code"));
      return false;
    }
  });
  function showCodeStep() {
    localStorage.setItem(PHONE_PENDING, JSON.stringify({ phone: phone() }));
    codeSent.textContent = t("auth.code_sent", { phone: spacedPhone(phone()) });
    form.querySelector("#phone-code").value = "";
    flow.show(1);
    resend.watch();
  }
  form.querySelector("#phone-other").addEventListener("click", () => {
    localStorage.removeItem(PHONE_PENDING);
    resend.forget();
    clearErrors(form);
    flow.show(0);
  });

  guardSubmit(form, async () => {
    if (flow.current === 0) {
      if (!phone()) throw fieldProblem("phone", t("sign-in.bad_phone"));
      try {
        await requestPhoneChange(phone());
      } catch (error) {
        throw explain(error, { phone: "phone" }, "phone");
      }
      resend.sent();
      showCodeStep();
      return;
    }
    const code = form.querySelector("#phone-code").value;
    if (!isCode(code)) throw fieldProblem("code", t("auth.bad_code_format"));
    try {
      await confirmPhoneChange(code);
    } catch (error) {
      throw explain(error, { code: "code" }, "code");
    }
    localStorage.removeItem(PHONE_PENDING);
    resend.forget();
    // The next ID token names the new number.
    await renewSession();
    location.href = "account.html?done=phone";
  });

  let waiting = null;
  try { waiting = JSON.parse(localStorage.getItem(PHONE_PENDING)); } catch { waiting = null; }
  if (waiting?.phone && mainlandPhone(waiting.phone)) {
    form.phone.value = waiting.phone.replace(/^\+86/, "");
    showCodeStep();
  } else {
    flow.show(0);
  }
}

export function everywhereForm(form) {
  guardSubmit(form, async () => {
    try {
      await signOutEverywhere();
    } catch (error) {
      // A session Cognito no longer knows is already signed out.
      if (error.code !== "NotAuthorizedException") throw error;
    }
    await signOut();
    location.href = "index.html";
  });
}

function shanghaiDate() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function dataForm(form) {
  const done = form.querySelector("#data-done");
  guardSubmit(form, async () => {
    done.textContent = "";
    const data = await api("GET", "/me/data");
    const name = `mulin-my-data-${shanghaiDate()}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    done.textContent = t("account.downloaded", { name });
  });
}

export function showDelete(form, deleted) {
  form.hidden = false;
  const phrase = t("account.delete_phrase");
  form.querySelector("#confirm-label").textContent = t("account.delete_type", { phrase });
  form.querySelector("h2").focus();
  guardSubmit(form, async () => {
    if (form.confirm.value.trim() !== phrase) throw fieldProblem("confirm", t("account.delete_mismatch", { phrase }));
    await api("DELETE", "/me", { retry: true });
    await signOut();
    for (const key of Object.keys(localStorage)) if (key.startsWith("mulin.") && key !== "mulin.prefs") localStorage.removeItem(key);
    form.hidden = true;
    deleted.hidden = false;
    deleted.querySelector("h2").focus();
  });
}
