// Whether decisions on the resident's cases also reach them by SMS (PUT /me/texts).
import { api, t } from "./core.js";
import { guardSubmit } from "./forms.js";

function say(form, choice) {
  form.querySelector("#texts-done").textContent = choice.sms
    ? t("account.texts_on", { phone: choice.phone_masked || "" }) : t("account.texts_off");
}

export async function textsForm(form) {
  const choice = await api("GET", "/me/texts");
  form.sms.checked = choice.sms;
  // Said as well as ticked: whether texts are on, and to which number, is plain before any change.
  say(form, choice);
  guardSubmit(form, async () => {
    say(form, await api("PUT", "/me/texts", { body: { sms: form.sms.checked } }));
  });
}
