import { api, boot, currentSession, t } from "./core.js";
import { committeePanel } from "./live-index.js";

const config = await boot("index");
if (currentSession()) {
  try {
    const me = await api("GET", "/me");
    document.getElementById("who").textContent = t("index.signed_in_as", { phone: me.phone_masked || "" });
    // A verified resident sees their own committee's index first; everyone has the city's below.
    if (me.role === "resident" && me.residence) await committeePanel(config, me.residence, document.getElementById("live-panel"));
  } catch {
    // Not knowing who is signed in changes nothing on this page.
  }
} else {
  document.getElementById("join").hidden = false;
}
