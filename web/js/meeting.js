// A meeting: its kind, time, place, agenda and topics; registering (once, within capacity) and
// withdrawing before it starts; once held, its minutes and decisions with the room's vote.
import { ApiError, api, boot, currentSession, el, formatTime, param, signInHref, t } from "./core.js";
import { announce, guardSubmit } from "./forms.js";

await boot("meeting");
const $ = (id) => document.getElementById(id);
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const meetingId = param("id");
let meeting = null;

function problem(text, link) {
  $("meeting-problem").replaceChildren(text, ...(link ? [" ", link] : []));
  $("meeting-problem").hidden = false;
}

export function carriedText(carried) {
  return t(`meeting.carried.${carried.target}`);
}

export function carriedHref(carried, root = "") {
  if (carried.target === "pb_proposal" && carried.round_id) return `${root}round.html?id=${carried.round_id}`;
  if (carried.target === "convention") return `${root}conventions.html?id=${carried.ref_id}`;
  return null;
}

export function decisionCard(decision, root = "") {
  const carried = decision.carried_to;
  const href = carried ? carriedHref(carried, root) : null;
  return el("li", { class: "card", id: `decision-${decision.id}` },
    el("p", { class: "prose", text: decision.text }),
    el("p", {}, el("span", { class: "badge", text: t(decision.passed ? "meeting.passed" : "meeting.not_passed") }), " ",
      el("span", { text: t("meeting.votes", { for: decision.votes_for, against: decision.votes_against, abstain: decision.votes_abstain }) })),
    el("p", { class: "muted", text: formatTime(decision.decided_at) }),
    carried ? el("p", {}, href ? el("a", { href, text: carriedText(carried) }) : carriedText(carried)) : null);
}

function fact(label, value) {
  return [el("dt", { text: t(label) }), el("dd", { text: value })];
}

function show() {
  $("meeting-title").textContent = meeting.title;
  document.title = `${meeting.title} · ${t("site.name")}`;
  $("meeting-facts").replaceChildren(
    ...fact("meeting.kind_label", t(`meeting.kind.${meeting.kind}`)),
    ...fact("meeting.status_label", t(`meeting.status.${meeting.status}`)),
    ...fact("meeting.time", `${formatTime(meeting.starts_at)} – ${formatTime(meeting.ends_at)}`),
    ...fact("meeting.place", meeting.place),
    ...fact("meeting.registered_label", meeting.capacity
      ? t("meeting.registered_of", { count: meeting.registered, capacity: meeting.capacity })
      : t("meeting.registered_count", { count: meeting.registered })),
    ...(meeting.attendance !== null && meeting.attendance !== undefined ? fact("meeting.attendance", String(meeting.attendance)) : []),
    ...(meeting.cancelled_reason ? fact("meeting.cancelled_reason", meeting.cancelled_reason) : []));
  $("meeting-agenda").textContent = meeting.agenda;
  $("meeting-topics").replaceChildren(...meeting.topic_ids.map((id, index) => el("li", {},
    el("a", { href: `topic.html?id=${id}`, text: t("meeting.topic_n", { n: index + 1 }) }))));
  const canRegister = meeting.allowed_actions.includes("register");
  const canUnregister = meeting.allowed_actions.includes("unregister");
  $("register-view").hidden = !canRegister && !canUnregister && !meeting.my_registration;
  $("register-form").hidden = !canRegister;
  $("unregister-form").hidden = !canUnregister;
  $("registered-note").hidden = !meeting.my_registration;
  $("registered-note").textContent = t("meeting.you_registered");
  $("minutes-view").hidden = !meeting.minutes;
  if (meeting.minutes) {
    $("minutes-text").textContent = meeting.minutes.text;
    $("minutes-photos").replaceChildren(...meeting.minutes.photos.map((href, index) => el("li", {},
      el("a", { href, text: t("meeting.photo_n", { n: index + 1 }) }))));
  }
  $("decisions-view").hidden = !meeting.decisions.length;
  $("decisions").replaceChildren(...meeting.decisions.map((decision) => decisionCard(decision)));
  $("meeting-view").hidden = false;
}

async function reload() {
  meeting = await api("GET", `/meetings/${meetingId}`);
  show();
}

guardSubmit($("register-form"), async () => {
  const name = $("register-name").value.trim();
  await api("POST", `/meetings/${meetingId}/register`, { body: { name: name || undefined } });
  await reload();
  announce($("meeting-live"), t("meeting.you_registered"));
});
guardSubmit($("unregister-form"), async () => {
  await api("POST", `/meetings/${meetingId}/unregister`, { body: {} });
  await reload();
  announce($("meeting-live"), t("meeting.unregistered"));
});

if (!ID.test(meetingId || "")) {
  problem(t("meeting.not_found"));
} else if (!currentSession()) {
  problem(t("meeting.sign_in_to_read"), el("a", { href: signInHref(), text: t("auth.sign_in") }));
} else {
  try {
    await reload();
    for (const id of ["register-form", "unregister-form"]) $(id).querySelector("button[type=submit]").disabled = false;
    if (location.hash.startsWith("#decision-")) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) problem(t("meeting.not_found"));
    else { console.warn(error); problem(t("meeting.load_failed")); }
  }
}
