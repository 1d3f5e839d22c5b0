// One round for its officials: review, roster, paper codes, paper and booth ballots, tally,
// progress. Each step is a form of its own; the API says when a phase does not allow it.
import { ApiError, api, apiText, boot, el, formatFen, formatTime, newIdempotencyKey, param, t } from "../../js/core.js";
import { guardSubmit } from "../../js/forms.js";
import { yuanToFen } from "../../js/fen.js";
import { uploadPhoto } from "../../js/photos.js";
import { reasonText } from "../../js/round-results.js";
import { isSelection, selectionHeading } from "../../js/selection.js";
import { downloadCsv } from "./csv.js";
import { showNominations } from "./round-nominate.js";
import { showSlips } from "./round-slips.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

await boot("staff.round.one");
staffNav("rounds");
const { me } = await requireOfficial();
const $ = (id) => document.getElementById(id);
const ROUND_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const roundId = param("round");
let round = null;
// A press before the round has loaded (a quick hand, a slow link) waits for it.
let markReady;
const roundReady = new Promise((resolve) => { markReady = resolve; });
const whenLoaded = (form, send) => {
  guardSubmit(form, async () => { await roundReady; await send(); });
  enableSubmit(form);
};

function problem(field, message) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

// Projects a ballot may pick, numbered as staff read them off the paper.
const ballotProjects = () => round.projects.filter((p) => p.status === "feasible");

async function load() {
  try {
    round = await api("GET", `/rounds/${roundId}`);
  } catch {
    $("load-problem").textContent = t("error.load");
    $("load-problem").hidden = false;
    return false;
  }
  markReady();
  $("round-title").textContent = round.title;
  const facts = {
    phase: t(`round.phase.${round.phase === "upcoming" ? "proposals" : round.phase}`), scope: round.scope,
    voting: `${formatTime(round.voting.starts)} – ${formatTime(round.voting.ends)}`,
  };
  // A selection has no budget (its ¥0 would read as a round with no money): its kind and k instead.
  $("round-facts").textContent = isSelection(round)
    ? t("staff.round.selection_facts", { ...facts, kind: selectionHeading(round), picks: t("selection.picks", { k: round.method_limits.max_picks }) })
    : t("staff.round.facts", { ...facts, budget: formatFen(round.budget_fen) });
  $("public-link").href = `../round.html?round=${round.id}`;
  renderProjects();
  if (round.kind === "selection") await showNominations(round, me, load);
  $("pick-list").replaceChildren(...ballotProjects().map((p) => el("li", { text: p.title })));
  const funded = round.projects.filter((p) => p.status === "feasible");
  const select = $("progress-project");
  const chosen = select.value;
  select.replaceChildren(...funded.map((p) => el("option", { value: p.id, text: p.title })));
  if (chosen) select.value = chosen;
  return true;
}

// ---- review ------------------------------------------------------------------------------

function reviewForm(project) {
  const id = project.id;
  const form = el("form", { novalidate: true, "aria-label": t("staff.round.review_of", { title: project.title }) },
    el("fieldset", { "data-field": "feasible" },
      el("legend", { text: t("staff.round.feasible_q") }),
      el("label", { class: "choice" }, el("input", { type: "radio", name: "feasible", value: "yes", checked: project.status !== "infeasible" }), " ", t("staff.round.feasible_yes")),
      el("label", { class: "choice" }, el("input", { type: "radio", name: "feasible", value: "no", checked: project.status === "infeasible" }), " ", t("staff.round.feasible_no"))),
    el("label", { for: `cost-${id}`, text: t("staff.round.final_cost") }),
    el("input", { id: `cost-${id}`, name: "cost", type: "text", inputmode: "decimal", autocomplete: "off", "data-field": "final_cost_fen",
      value: String((project.final_cost_fen ?? project.estimated_cost_fen) / 100) }),
    el("label", { for: `reason-${id}`, text: t("staff.round.reason") }),
    el("textarea", { id: `reason-${id}`, name: "reason", maxlength: "1000" }, project.review_reason || ""),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("staff.round.review_send") })));
  guardSubmit(form, async () => {
    const feasible = form.feasible.value === "yes";
    const body = { feasible, version: project.version };
    if (feasible) {
      body.final_cost_fen = yuanToFen(form.cost.value);
      if (!body.final_cost_fen) throw problem("final_cost_fen", t("staff.round.budget_bad"));
    } else {
      body.reason = form.reason.value.trim();
      if (!body.reason) throw problem("reason", t("staff.round.reason_needed"));
    }
    await api("POST", `/rounds/${round.id}/projects/${id}/review`, { body, idempotencyKey: newIdempotencyKey() });
    await load();
    $(`project-${id}`)?.focus();
  });
  return form;
}

function renderProjects() {
  $("projects").replaceChildren(...round.projects.map((p) => el("li", { class: "card" },
    el("h3", { id: `project-${p.id}`, tabindex: "-1", text: p.title }),
    el("p", {}, el("span", { class: "badge", text: t(`staff.round.status.${p.status}`) }), " ",
      t("staff.round.estimated", { amount: formatFen(p.estimated_cost_fen) }),
      p.final_cost_fen ? ` · ${t("staff.round.final", { amount: formatFen(p.final_cost_fen) })}` : ""),
    el("p", { text: p.description }),
    p.location ? el("p", { class: "muted", text: p.location }) : null,
    reviewForm(p))));
  $("projects-none").hidden = round.projects.length > 0;
}

$("export-projects").addEventListener("click", () => downloadCsv(`round-${round.id}-projects.csv`, round.projects, [
  { label: "id", key: "id" }, { label: "title", key: "title" }, { label: "status", key: "status" },
  { label: "estimated_cost_fen", key: "estimated_cost_fen" }, { label: "final_cost_fen", key: "final_cost_fen" },
  { label: "review_reason", key: "review_reason" }, { label: "location", key: "location" }, { label: "submitted_at", key: "submitted_at" },
]));

// ---- roster ------------------------------------------------------------------------------

// Words (a CSV's header, a name) are skipped; anything with digits must be a mainland mobile.
function phonesIn(text) {
  const phones = [];
  const bad = [];
  // Spaces may sit inside a number ("138 0000 0071"): only line breaks and commas separate.
  for (const token of text.split(/[\r\n\t,;，；、]+/)) {
    if (!/\d/.test(token)) continue;
    const digits = token.replace(/[^\d]/g, "");
    const national = digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
    if (/^1[3-9]\d{9}$/.test(national)) phones.push(`+86${national}`);
    else bad.push(token);
  }
  return { phones: [...new Set(phones)], bad };
}

$("phones-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (file) $("phones").value = [$("phones").value.trim(), await file.text()].filter(Boolean).join("\n");
});

whenLoaded($("roster"), async () => {
  const { phones, bad } = phonesIn($("phones").value);
  if (bad.length) throw problem("phones", t("staff.round.phones_bad", { list: bad.slice(0, 5).join("、") }));
  if (!phones.length) throw problem("phones", t("staff.round.phones_none"));
  let added = 0;
  let verified = 0;
  const verify = $("roster").verify_residence.checked;
  // The API takes 1,000 numbers a request, or 200 when each is also a residence to verify.
  const size = verify ? 200 : 1000;
  for (let i = 0; i < phones.length; i += size) {
    const receipt = await api("POST", `/rounds/${round.id}/roster`, {
      body: { phones: phones.slice(i, i + size), verify_residence: verify }, idempotencyKey: newIdempotencyKey(),
    });
    added += receipt.added;
    verified += receipt.residences_verified;
  }
  $("roster-done").textContent = t("staff.round.roster_done", { added, verified });
  $("phones").value = "";
});

// ---- paper codes -------------------------------------------------------------------------

whenLoaded($("codes"), async () => {
  const count = Number($("count").value);
  if (!Number.isInteger(count) || count < 1 || count > 500) throw problem("count", t("staff.round.codes_count"));
  const sheet = await api("POST", `/rounds/${round.id}/codes`, { body: { count }, idempotencyKey: newIdempotencyKey() });
  await showSlips(round, sheet.codes);
});

// ---- paper and booth ballots -------------------------------------------------------------

// Numbers from the list become project ids; ids typed as they are pass through.
function withIds(text) {
  const numbered = ballotProjects();
  return text.split(/\r?\n/).map((line) => {
    const parts = line.split(";");
    if (parts.length < 2) return line;
    parts[1] = parts[1].split(/[,，]/).map((pick) => {
      const n = pick.trim();
      return /^\d{1,3}$/.test(n) && numbered[Number(n) - 1] ? numbered[Number(n) - 1].id : n;
    }).join(",");
    return parts.join(";");
  }).join("\n");
}

whenLoaded($("paper"), async () => {
  const text = $("ballots").value.replace(/\s+$/, "");
  if (!text.trim()) throw problem("csv", t("staff.round.ballots_none"));
  const report = await api("POST", `/rounds/${round.id}/paper-ballots`, {
    body: { csv: withIds(text), channel: $("channel").value }, idempotencyKey: newIdempotencyKey(),
  });
  const refused = report.lines.filter((line) => line.error);
  $("paper-report").replaceChildren(
    el("p", { text: t("staff.round.ballots_done", { accepted: report.accepted, refused: report.refused }) }),
    refused.length ? el("ul", { class: "field-error" }, ...refused.map((line) => el("li", {
      text: t("staff.round.ballot_line", { line: line.line, error: apiText(line.error) }) }))) : "");
  // What was refused stays to be corrected; what went in is gone, so nothing is entered twice.
  const lines = text.split(/\r?\n/);
  $("ballots").value = refused.map((line) => lines[line.line - 1]).join("\n");
});

// ---- tally and results -------------------------------------------------------------------

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let result = null;

async function showResults() {
  result = await api("GET", `/rounds/${round.id}/results`, { auth: false });
  $("results").tBodies[0].replaceChildren(...result.projects.map((p) => el("tr", {},
    el("th", { scope: "row", text: p.title }), el("td", { class: "money", text: String(p.score) }),
    el("td", { class: "money", text: formatFen(p.cost_fen) }),
    el("td", { text: `${t(p.selected ? "staff.round.selected" : "staff.round.not_selected")} · ${reasonText(p.reason)}` }))));
  // Only a funded project has progress to report.
  const select = $("progress-project");
  select.replaceChildren(...result.projects.filter((p) => p.selected).map((p) => el("option", { value: p.id, text: p.title })));
  $("results-view").hidden = false;
  $("export-results").hidden = false;
}

whenLoaded($("tally"), async () => {
  let job = await api("POST", `/rounds/${round.id}/tally`, { body: { version: round.version }, idempotencyKey: newIdempotencyKey() });
  while (job.state === "queued" || job.state === "counting") {
    $("tally-status").textContent = t(`staff.round.tally_${job.state}`);
    await wait(1000);
    job = await api("GET", `/rounds/${round.id}/tally`);
  }
  if (job.state === "failed") {
    $("tally-status").textContent = t("staff.round.tally_failed", { reason: apiText(job.reason || "") });
    return;
  }
  $("tally-status").textContent = t("staff.round.tally_done");
  await load();
  await showResults();
});

$("export-results").addEventListener("click", () => downloadCsv(`round-${round.id}-results.csv`, result.projects, [
  { label: "id", key: "id" }, { label: "title", key: "title" }, { label: "score", key: "score" },
  { label: "cost_fen", key: "cost_fen" }, { label: "selected", value: (p) => (p.selected ? "yes" : "no") }, { label: "reason", key: "reason" },
]));

// ---- progress ----------------------------------------------------------------------------

let photos = [];
$("progress-photo").addEventListener("change", async (event) => {
  for (const file of event.target.files) {
    try {
      photos.push((await uploadPhoto(file, (pct) => { $("progress-photos").textContent = `${file.name} ${pct}%`; })).key);
    } catch {
      $("progress-photos").textContent = t("staff.round.photo_failed");
      return;
    }
  }
  $("progress-photos").textContent = t("staff.round.photos_ready", { count: photos.length });
});

const progressKey = { value: newIdempotencyKey() };
whenLoaded($("progress"), async () => {
  const form = $("progress");
  const percent = Number(form.percent.value);
  if (!form.note.value.trim()) throw problem("note", t("staff.round.note_needed"));
  await api("POST", `/rounds/${round.id}/progress`, {
    body: { project_id: form.project_id.value, status: form.status.value, percent, note: form.note.value.trim(), photos },
    idempotencyKey: progressKey.value,
  });
  progressKey.value = newIdempotencyKey();
  photos = [];
  form.note.value = "";
  $("progress-photos").textContent = "";
  $("progress-done").textContent = t("staff.round.progress_done");
});

if (!roundId || !ROUND_ID.test(roundId)) {
  $("load-problem").textContent = t("staff.round.no_round");
  $("load-problem").hidden = false;
} else if (await load()) {
  $("created").hidden = param("created") !== "1";
  if (round.result_published || ["results", "implementation", "evaluation", "closed"].includes(round.phase)) await showResults().catch(() => null);
}
