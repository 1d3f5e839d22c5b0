// My account: who is signed in, where staff have verified they live, and what they can do
// with their account. ?do=residence|password|phone|delete opens one task on its own screen.
import { SignInNeeded, api, boot, el, formatDate, formatTime, param, renewSession, requireSignIn, t } from "./core.js";
import { showResidenceRequest } from "./account-residence.js";
import { dataForm, everywhereForm, showDelete, showPasswordChange, showPhoneChange } from "./account-security.js";
import { textsForm } from "./account-texts.js";

await boot("account");
if (!requireSignIn()) throw new Error("redirecting to sign-in");

const $ = (id) => document.getElementById(id);
const DONE = ["password", "phone", "residence"];

function problem(text) {
  $("load-problem").textContent = text;
  $("load-problem").hidden = false;
}

async function load(path) {
  try {
    return await api("GET", path);
  } catch (error) {
    if (error instanceof SignInNeeded) { requireSignIn(); throw error; }
    problem(t("error.load"));
    throw error;
  }
}

function statusBadge(status) {
  const key = `account.status.${status}`;
  return el("span", { class: `badge status-${status}`, text: t(key) });
}

function requestCard(request) {
  const place = [request.committee_name, [request.building, request.room].filter(Boolean).join(" ")].filter(Boolean).join(" · ");
  return el("li", { class: "card" },
    el("h4", {}, statusBadge(request.status), " ", el("span", { text: place })),
    el("p", { class: "muted", text: `${t(`account.basis_name.${request.basis}`)} · ${t("account.requested_at", { at: formatTime(request.requested_at) })}` }),
    request.decided_at ? el("p", { class: "muted", text: t("account.decided_at", { at: formatTime(request.decided_at) }) }) : null,
    request.reason ? el("p", { text: t("account.reason", { reason: request.reason }) }) : null);
}

// The token must carry a residence staff have approved before a ballot can use it.
async function residenceInToken(mine) {
  if (!mine.current || mine.current.in_token) return mine;
  await renewSession();
  return load("/me/residence");
}

function describeResidence(mine) {
  const pending = mine.requests.find((r) => r.status === "pending");
  const status = $("residence-status");
  if (mine.current) {
    const since = mine.current.since ? t("account.since", { date: formatDate(mine.current.since) }) : "";
    status.replaceChildren(statusBadge("approved"), " ",
      el("span", { text: t("account.residence_current", { place: mine.current.committee_name || mine.current.committee, since }) }));
  } else if (pending) {
    status.replaceChildren(statusBadge("pending"), " ",
      el("span", { text: t("account.residence_pending", { place: pending.committee_name }) }));
  } else {
    status.textContent = t("account.residence_none");
  }
  $("ask").hidden = !!pending;
  $("ask").textContent = t(mine.current ? "account.ask_move" : "account.ask");
  $("history-heading").hidden = !mine.requests.length;
  $("requests").replaceChildren(...mine.requests.map(requestCard));
}

async function showOverview() {
  $("overview").hidden = false;
  if (param("welcome")) $("welcome").hidden = false;
  const done = param("done");
  if (DONE.includes(done)) {
    $("done").textContent = t(`account.done_${done}`);
    $("done").hidden = false;
  }
  everywhereForm($("everywhere"));
  dataForm($("data"));
  let me = await load("/me");
  $("my-role").textContent = t(`account.role.${me.role}`);
  if (me.role !== "resident") {
    // Officials' accounts, numbers and data are kept by their administrators.
    for (const id of ["residence-heading", "texts-heading", "data-heading"]) $(id).closest("section").hidden = true;
    $("my-phone").textContent = me.phone_masked || "";
    return;
  }
  const mine = await residenceInToken(await load("/me/residence"));
  if (mine.current && !me.residence) me = await load("/me");
  $("my-phone").textContent = me.phone_masked || "";
  describeResidence(mine);
  await textsForm($("texts"));
}

const task = param("do");
try {
  if (task === "residence") {
    const me = await load("/me");
    await showResidenceRequest($("residence"), { home: me.residence || "" });
  } else if (task === "password") {
    showPasswordChange($("password"));
  } else if (task === "phone") {
    showPhoneChange($("phone-change"));
    const me = await load("/me");
    $("current-phone").textContent = t("account.current_phone", { phone: me.phone_masked || "" });
  } else if (task === "delete") {
    showDelete($("delete"), $("deleted"));
  } else {
    await showOverview();
  }
} catch (error) {
  // A sign-in that ran out is already on its way to the sign-in page; anything else is said.
  if (!(error instanceof SignInNeeded) && $("load-problem").hidden) problem(t("error.load"));
}
