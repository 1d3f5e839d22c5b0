// A meeting from the staff's side: scheduled for topics from the queue (?topics=), then its
// attendance, minutes and decisions with the room's vote, and each passed decision carried once
// into a PB proposal, a team's fund draft, a suggestion to the street or a residents' convention.
import { api, boot, el, formatTime, newIdempotencyKey, param, t } from "../../js/core.js";
import { guardSubmit } from "../../js/forms.js";
import { yuanToFen } from "../../js/fen.js";
import { budgetLines, problem } from "./fund-paper.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

await boot("staff.meeting");
staffNav("topics");
const { me } = await requireOfficial();

const $ = (id) => document.getElementById(id);
const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const meetingId = param("id");
let meeting = null;

function done(text) {
  $("done").textContent = text;
  $("done").hidden = false;
  $("done").focus();
}

const number = (value) => (value === "" ? undefined : Number(value));

// ---- scheduling -----------------------------------------------------------------------------

async function showSchedule() {
  const form = $("schedule");
  const key = newIdempotencyKey();
  const topics = (param("topics") || "").split(",").filter((id) => ID.test(id));
  form.elements.topic_ids.value = topics.join("\n");
  form.elements.division.value = me.jurisdiction || "";
  if (topics.length) {
    const first = await api("GET", `/topics/${topics[0]}`);
    form.elements.division.value = first.division;
    form.elements.title.value = first.title ? `${first.title}${t("staff.meeting.title_suffix")}` : "";
  }
  guardSubmit(form, async () => {
    const value = (name) => form.elements[name].value.trim();
    const created = await api("POST", "/meetings", { idempotencyKey: key, body: {
      kind: value("kind"), division: value("division"), title: value("title"),
      topic_ids: value("topic_ids").split(/[\s,]+/).filter(Boolean),
      starts_at: value("starts_at"), ends_at: value("ends_at"), place: value("place"), agenda: value("agenda"),
      capacity: number(value("capacity")),
    } });
    location.href = `meeting.html?id=${created.id}&scheduled=1`;
  });
  form.hidden = false;
  enableSubmit(form);
}

// ---- one meeting ----------------------------------------------------------------------------

function fact(label, value) {
  return [el("dt", { text: t(label) }), el("dd", { text: value })];
}

function decisionItem(decision) {
  return el("li", { class: "card", id: `decision-${decision.id}` },
    el("p", { text: decision.text }),
    el("p", {}, el("span", { class: "badge", text: t(decision.passed ? "meeting.passed" : "meeting.not_passed") }), " ",
      t("meeting.votes", { for: decision.votes_for, against: decision.votes_against, abstain: decision.votes_abstain })),
    decision.carried_to ? el("p", { class: "carried", text: `${t(`meeting.carried.${decision.carried_to.target}`)}（${decision.carried_to.ref_id}）` }) : null);
}

function show() {
  $("meeting-title").textContent = meeting.title;
  document.title = `${meeting.title} · ${t("site.name")}`;
  $("facts").replaceChildren(
    ...fact("meeting.kind_label", t(`meeting.kind.${meeting.kind}`)),
    ...fact("meeting.status_label", t(`meeting.status.${meeting.status}`)),
    ...fact("meeting.time", `${formatTime(meeting.starts_at)} – ${formatTime(meeting.ends_at)}`),
    ...fact("meeting.place", meeting.place),
    ...fact("meeting.registered_label", t("meeting.registered_count", { count: meeting.registered })),
    ...(meeting.attendance !== null && meeting.attendance !== undefined ? fact("meeting.attendance", String(meeting.attendance)) : []));
  $("public-link").href = `../meeting.html?id=${meeting.id}`;
  const allowed = new Set(meeting.allowed_actions);
  $("attend").hidden = !allowed.has("attend");
  $("present").replaceChildren(el("legend", { text: t("staff.meeting.present") }),
    ...(meeting.registrations || []).map((r) => el("label", { class: "choice" },
      el("input", { type: "checkbox", name: "present", value: r.id, checked: r.present }), " ",
      el("span", { text: [r.name, r.phone].filter(Boolean).join(" · ") || r.id }))));
  $("minutes").hidden = !allowed.has("minutes");
  if (meeting.minutes) $("minutes-text").value = meeting.minutes.text;
  $("decide").hidden = !allowed.has("decide");
  $("decisions").replaceChildren(...meeting.decisions.map(decisionItem));
  const open = meeting.decisions.filter((d) => d.passed && !d.carried_to);
  $("carry-view").hidden = !allowed.has("carry") || !open.length;
  $("decision_id").replaceChildren(...open.map((d) => el("option", { value: d.id, text: d.text.slice(0, 40) })));
  $("manage").hidden = false;
}

async function reload() {
  meeting = await api("GET", `/meetings/${meetingId}`);
  show();
}

async function act(action, body, message) {
  await api("POST", `/meetings/${meetingId}/${action}`, { body });
  await reload();
  done(t(message));
}

// The team's fund draft, as POST /review/funds/applications takes it; the carry adds the title,
// the channel and, unless given, the decision's text as the purpose. The API names what is missing.
function fundDraft(form, budget) {
  const value = (name) => form.elements[name].value.trim();
  const digits = value("lead_phone").replace(/\D/g, "");
  if (digits && !/^1[3-9]\d{9}$/.test(digits)) throw problem("application.lead_phone", "staff.entry.need_phone");
  const lines = budget.items();
  const starts = value("starts_on");
  return {
    committee: meeting.division, year: Number((starts || new Date().toISOString()).slice(0, 4)),
    team: { name: value("team.name"), lead_name: value("team.lead_name"), member_count: number(value("team.member_count")) },
    ...(digits ? { lead_phone: `+86${digits}`, sms_consent: form.elements.fund_sms_consent.checked } : {}),
    category: value("fund_category"),
    ...(value("purpose") ? { purpose: value("purpose") } : {}), beneficiaries: number(value("beneficiaries")),
    starts_on: starts || undefined, ends_on: value("ends_on") || undefined,
    lines, requested_fen: lines.reduce((sum, line) => sum + line.unit_price_fen * line.quantity, 0),
  };
}

function wireForms() {
  const attend = $("attend");
  guardSubmit(attend, () => act("attend", {
    version: meeting.version, count: number(attend.elements.count.value),
    present: [...attend.querySelectorAll("input[name=present]:checked")].map((box) => box.value) }, "staff.meeting.attended"));
  const minutes = $("minutes");
  guardSubmit(minutes, () => act("minutes", { version: meeting.version, text: minutes.elements.text.value.trim() }, "staff.meeting.minuted"));
  const decide = $("decide");
  guardSubmit(decide, async () => {
    await act("decide", { text: decide.elements.text.value.trim(), votes_for: number(decide.elements.votes_for.value),
      votes_against: number(decide.elements.votes_against.value), votes_abstain: number(decide.elements.votes_abstain.value) }, "staff.meeting.decided");
    decide.reset();
  });
  const carry = $("carry");
  const showTarget = () => {
    for (const part of carry.querySelectorAll("[data-for]")) part.hidden = part.dataset.for !== carry.elements.target.value;
  };
  carry.elements.target.addEventListener("change", showTarget);
  showTarget();
  const budget = budgetLines({ container: $("fund-lines"), total: $("fund-total"), addButton: $("fund-add-line"),
    toFen: yuanToFen, prefix: "fund-line", saved: [{ item: "", price: "", quantity: "" }] });
  guardSubmit(carry, async () => {
    const value = (name) => carry.elements[name].value.trim();
    const target = value("target");
    const body = { decision_id: value("decision_id"), target, title: value("title") };
    if (target === "pb_proposal") {
      body.round_id = value("round_id") || undefined;
      body.estimated_cost_fen = value("estimated_cost_fen") ? Math.round(Number(value("estimated_cost_fen")) * 100) : undefined;
      if (value("location")) body.location = value("location");
    } else if (target === "fund_application") {
      body.application = fundDraft(carry, budget);
    } else if (target === "suggestion") {
      body.category = value("category") || undefined;
      body.submitter_phone = value("submitter_phone") ? `+86${value("submitter_phone").replace(/^\+?86/, "")}` : undefined;
      body.sms_consent = carry.elements.sms_consent.checked;
    }
    await act("carry", body, "staff.meeting.carried");
  });
  for (const form of [attend, minutes, decide, carry]) enableSubmit(form);
}

async function openRounds() {
  // Every round of the jurisdiction taking proposals, page after page: a street has more than one page's worth.
  const rounds = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ phase: "proposals", limit: "50" });
    if (cursor) query.set("cursor", cursor);
    const page = await api("GET", `/review/rounds?${query}`);
    rounds.push(...page.items.filter((round) => round.kind !== "selection"));
    cursor = page.next_cursor;
  } while (cursor);
  $("round_id").replaceChildren(...rounds.map((round) => el("option", { value: round.id, text: round.title })));
}

try {
  if (ID.test(meetingId || "")) {
    await Promise.all([reload(), openRounds()]);
    wireForms();
    if (param("scheduled")) done(t("staff.meeting.scheduled"));
  } else {
    await showSchedule();
  }
} catch (error) {
  console.warn(error);
  $("load-problem").textContent = t("error.load");
  $("load-problem").hidden = false;
}
