// Residents' conventions (居民公约): a division's list, or one (?id=) with the vote that made it.
// Public: anyone reads them, signed in or not.
import { ApiError, api, boot, currentSession, el, formatDate, param, t } from "./core.js";

await boot("meeting.conventions");
const $ = (id) => document.getElementById(id);
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const DIVISION = /^31[0-9]{7}(?:[0-9]{3})?$/;

function card(convention) {
  return el("li", { class: "card", id: `convention-${convention.id}` },
    el("h2", {}, el("a", { href: `conventions.html?id=${convention.id}`, text: convention.title })),
    el("p", { class: "prose", text: convention.text }),
    el("p", { class: "muted", text: t("meeting.convention_vote", {
      date: formatDate(convention.published_at), for: convention.votes_for, against: convention.votes_against, abstain: convention.votes_abstain }) }),
    el("p", {}, el("a", { href: `meeting.html?id=${convention.meeting_id}#decision-${convention.decision_id}`, text: t("meeting.convention_meeting") })));
}

async function division() {
  const given = param("division");
  if (DIVISION.test(given || "")) return given;
  if (!currentSession()) return null;
  const me = await api("GET", "/me");
  return me.role === "resident" ? me.residence : me.jurisdiction;
}

try {
  const id = param("id");
  if (ID.test(id || "")) {
    const convention = await api("GET", `/conventions/${id}`, { auth: false });
    $("conventions-heading").textContent = convention.title;
    document.title = `${convention.title} · ${t("site.name")}`;
    $("conventions").replaceChildren(card(convention));
  } else {
    const code = await division();
    if (!code) {
      $("conventions-problem").textContent = t("meeting.conventions_which");
      $("conventions-problem").hidden = false;
    } else {
      const page = await api("GET", `/conventions?division=${code}`, { auth: false });
      $("conventions").replaceChildren(...page.items.map(card));
      $("conventions-none").hidden = page.items.length > 0;
    }
  }
} catch (error) {
  $("conventions-problem").textContent = t(error instanceof ApiError && error.status === 404 ? "meeting.convention_not_found" : "meeting.load_failed");
  $("conventions-problem").hidden = false;
}
