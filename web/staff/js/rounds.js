// Rounds of the official's jurisdiction, exported as CSV, and a new round in one form.
import { ApiError, api, boot, el, formatFen, formatTime, t } from "../../js/core.js";
import { guardSubmit, keepDraft } from "../../js/forms.js";
import { yuanToFen } from "../../js/fen.js";
import { downloadCsv } from "./csv.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

await boot("staff.round.list");
staffNav("rounds");
const { me } = await requireOfficial();
const $ = (id) => document.getElementById(id);

// ---- the list ----------------------------------------------------------------------------

let shown = [];
let cursor = null;

function row(round) {
  return el("tr", {},
    el("td", {}, el("a", { href: `round.html?round=${round.id}`, text: round.title })),
    el("td", { text: round.scope }),
    el("td", { text: t(`round.phase.${round.phase === "upcoming" ? "proposals" : round.phase}`) }),
    el("td", { class: "money", text: formatFen(round.budget_fen) }),
    el("td", { text: `${formatTime(round.voting.starts)} – ${formatTime(round.voting.ends)}` }));
}

async function load(more) {
  const query = new URLSearchParams({ limit: "50" });
  if ($("phase-filter").value) query.set("phase", $("phase-filter").value);
  if (more && cursor) query.set("cursor", cursor);
  try {
    const page = await api("GET", `/review/rounds?${query}`);
    shown = more ? shown.concat(page.items) : page.items;
    cursor = page.next_cursor;
  } catch {
    $("load-problem").textContent = t("error.load");
    $("load-problem").hidden = false;
    return;
  }
  $("rounds").tBodies[0].replaceChildren(...shown.map(row));
  $("rounds-none").hidden = shown.length > 0;
  $("more").hidden = !cursor;
}

$("phase-filter").addEventListener("change", () => load(false));
$("more").addEventListener("click", () => load(true));
$("export").addEventListener("click", () => downloadCsv(`rounds-${me.jurisdiction}.csv`, shown, [
  { label: "id", key: "id" }, { label: "title", key: "title" }, { label: "scope", key: "scope" },
  { label: "phase", key: "phase" }, { label: "method", key: "method" }, { label: "rule", key: "rule" },
  { label: "budget_fen", key: "budget_fen" },
  { label: "voting_starts", value: (r) => r.voting.starts }, { label: "voting_ends", value: (r) => r.voting.ends },
]));
await load(false);

// ---- a new round -------------------------------------------------------------------------

const PHASES = [["proposals", 14], ["review", 14], ["voting", 14], ["results", 7], ["implementation", 120], ["evaluation", 30]];
const DAY = 86_400_000;
// A datetime-local value in Shanghai's wall time, whatever the device's zone.
const shanghaiLocal = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

const form = $("create");
const draft = keepDraft(form, "staff-round");
if (!form.scope.value) form.scope.value = me.jurisdiction || "";
// Consecutive windows from tomorrow 09:00, each easy to change.
let start = Date.parse(`${shanghaiLocal(Date.now() + DAY).slice(0, 10)}T09:00:00+08:00`);
for (const [name, days] of PHASES) {
  const starts = form.elements[`schedule.${name}.starts`];
  const ends = form.elements[`schedule.${name}.ends`];
  if (!starts.value) starts.value = shanghaiLocal(start);
  if (!ends.value) ends.value = shanghaiLocal(start + days * DAY - 9 * 3_600_000);
  start += days * DAY;
}

function problem(field, key) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message: t(key), message_zh: t(key) }] });
}

const whole = (value) => (value.trim() ? Number(value) : undefined);

guardSubmit(form, async () => {
  const budget = yuanToFen(form.budget.value);
  if (!budget) throw problem("budget_fen", "staff.round.budget_bad");
  const kind = form.elements["method.kind"].value;
  const method = { kind };
  if (kind === "approval" && whole(form.elements["method.max_picks"].value)) method.max_picks = whole(form.elements["method.max_picks"].value);
  if (kind === "cumulative") {
    method.points = whole(form.elements["method.points"].value);
    if (!method.points) throw problem("method.points", "staff.round.points_needed");
  }
  const schedule = {};
  for (const [name] of PHASES) {
    const starts = form.elements[`schedule.${name}.starts`].value;
    const ends = form.elements[`schedule.${name}.ends`].value;
    if (!starts || !ends) throw problem(`schedule.${name}`, "staff.round.window_needed");
    schedule[name] = { starts: `${starts}:00+08:00`, ends: `${ends}:00+08:00` };
  }
  const body = {
    scope: form.scope.value.trim(), title: form.title.value.trim(), description: form.description.value.trim(),
    budget_fen: budget, schedule, method, rule: form.rule.value,
    eligibility: Object.fromEntries(["accounts", "roster", "paper_codes"].map((k) => [k, form.elements[`eligibility.${k}`].checked])),
    allow_ballot_change: form.allow_ballot_change.checked,
  };
  const created = await api("POST", "/rounds", { body, idempotencyKey: draft.idempotencyKey });
  draft.clear();
  location.href = `round.html?round=${created.id}&created=1`;
});
enableSubmit(form);
