import { api, boot, currentSession, t } from "./core.js";

await boot("index");
if (currentSession()) {
  try {
    const me = await api("GET", "/me");
    document.getElementById("who").textContent = t("index.signed_in_as", { phone: me.phone_masked || "" });
  } catch {
    // Not knowing who is signed in changes nothing on this page.
  }
} else {
  document.getElementById("join").hidden = false;
}
