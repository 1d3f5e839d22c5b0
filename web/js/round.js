// One participatory-budgeting round through its phases: what the phase allows, the projects
// with their photos, and once counted the results (round-results.js), objections during the
// public notice and evaluations (round-forms.js), progress as officials report it.
import { ApiError, SignInNeeded, api, boot, currentSession, el, formatFen, formatTime, param, t } from "./core.js";
import { showResults } from "./round-results.js";
import { showEvaluations, showObjection } from "./round-forms.js";
import { candidateFacts, committeeNames, isSelection, selectionHeading } from "./selection.js";

const config = await boot("round");
const $ = (id) => document.getElementById(id);
const ROUND_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const STEPS = ["proposals", "review", "voting", "tallying", "results", "implementation", "evaluation", "closed"];
// The phases after the count, in which the result is shown.
const COUNTED = new Set(["results", "implementation", "evaluation", "closed"]);

function problem(text) {
  $("load-problem").replaceChildren(text);
  $("load-problem").hidden = false;
}

async function load(roundId) {
  if (currentSession()) {
    try {
      return await api("GET", `/rounds/${roundId}`);
    } catch (error) {
      if (!(error instanceof SignInNeeded)) throw error;
    }
  }
  // Signed out, the view every voter gets, as the paper-code households read it.
  return api("GET", `/rounds/${roundId}/ballot`, { auth: false });
}

function windowOf(round, name) {
  if (name === "tallying") return null;
  if (name === "closed") return round.schedule.evaluation ? { starts: round.schedule.evaluation.ends } : null;
  return round.schedule[name] || null;
}

function showAbout(round) {
  const selection = isSelection(round);
  // A selection has no budget: its line names the round and how many are chosen.
  $("round-title").textContent = selection ? selectionHeading(round) : round.title;
  document.title = `${$("round-title").textContent} · ${t("site.name")}`;
  $("round-facts").replaceChildren(
    el("span", { class: "badge", text: selection ? t("selection.picks", { k: round.method_limits.max_picks }) : t(`round.method.${round.method}`) }), " ",
    el("span", { text: selection ? round.title : t("round.budget", { amount: formatFen(round.budget_fen) }) }));
  $("round-description").textContent = round.description;
  const now = STEPS.indexOf(round.phase);
  $("phase-now").textContent = t(`round.now.${round.phase}`);
  $("phase-steps").replaceChildren(...STEPS.map((name, index) => {
    const span = windowOf(round, name);
    const when = !span ? "" : span.ends && name !== "closed"
      ? t("round.window", { starts: formatTime(span.starts), ends: formatTime(span.ends) })
      : t("round.from", { starts: formatTime(span.starts) });
    return el("li", { class: index < now ? "done" : index === now ? "current" : "later", "aria-current": index === now ? "step" : null },
      el("strong", { text: t(selection && name === "proposals" ? "selection.phase.proposals" : `round.phase.${name}`) }), index === now ? el("span", { class: "badge", text: t("round.phase_current") }) : null,
      when ? el("span", { class: "muted", text: when }) : null);
  }));
  const actions = [];
  if (round.phase === "proposals" && !selection) actions.push(el("a", { class: "button primary", href: `propose.html?round=${round.id}`, text: t("round.propose") }));
  if (round.phase === "voting") actions.push(el("a", { class: "button primary", href: `vote.html?round=${round.id}`, text: t("round.vote") }));
  $("round-actions").replaceChildren(...actions);
  $("round-actions").hidden = !actions.length;
  $("about-view").hidden = false;
}

function costOf(project) { return project.final_cost_fen ?? project.estimated_cost_fen; }

function photos(urls, title) {
  if (!urls || !urls.length) return null;
  return el("ul", { class: "photos" }, ...urls.map((src, index) => el("li", {},
    el("img", { src, alt: t("round.photo_alt", { title, n: index + 1 }), loading: "lazy", width: "320", height: "240" }))));
}

function projectCard(project, evaluation, names) {
  const facts = names ? candidateFacts(project, names) : null;
  return el("li", { class: "card project-card", id: `project-${project.id}` },
    el("h3", { text: project.title }),
    facts || el("p", {}, el("span", { class: `badge status-${project.status}`, text: t(`round.status.${project.status}`) }), " ",
      el("span", { text: t(project.final_cost_fen ? "round.final_cost" : "round.estimated_cost", { amount: formatFen(costOf(project)) }) })),
    project.location ? el("p", { class: "muted", text: t("round.location", { place: project.location }) }) : null,
    el("p", { class: "description", text: project.description }),
    project.status === "infeasible" && project.review_reason ? el("p", { class: "notice", text: t("round.infeasible_why", { reason: project.review_reason }) }) : null,
    evaluation && !facts ? el("p", { text: t("round.evaluated", { mean: String(Math.round(evaluation.mean * 10) / 10), count: evaluation.count }) }) : null,
    photos(project.photo_urls, project.title));
}

function showProjects(round, names) {
  const evaluations = new Map(round.evaluations.map((e) => [e.project_id, e]));
  $("project-cards").replaceChildren(...round.projects.map((p) => projectCard(p, evaluations.get(p.id), names)));
  $("projects-none").hidden = round.projects.length > 0;
  $("projects-view").hidden = false;
}

function showProgress(round) {
  if (!COUNTED.has(round.phase) && !round.progress.length) return;
  const titles = new Map(round.projects.map((p) => [p.id, p.title]));
  const updates = [...round.progress].sort((a, b) => b.at.localeCompare(a.at));
  $("progress-list").replaceChildren(...updates.map((update) => {
    const title = titles.get(update.project_id) || "";
    return el("li", { class: "card" },
      el("h3", { text: title }),
      el("p", {}, el("span", { class: "badge", text: t(`round.work.${update.status}`) }), " ",
        el("span", { text: t("round.percent", { percent: update.percent }) })),
      el("progress", { max: "100", value: String(update.percent), "aria-label": t("round.percent_of", { title, percent: update.percent }) }),
      el("p", { class: "description", text: update.note }),
      el("p", { class: "muted", text: formatTime(update.at) }),
      photos(update.photo_urls, title));
  }));
  $("progress-none").hidden = updates.length > 0;
  $("progress-view").hidden = false;
}

const roundId = (param("round") || "").toUpperCase();
if (!ROUND_ID.test(roundId)) {
  problem(t("round.bad_id"));
} else {
  let round = null;
  try {
    round = await load(roundId);
  } catch (error) {
    problem(t(error instanceof ApiError && error.status === 404 ? "round.not_found" : "error.load"));
  }
  if (round) {
    showAbout(round);
    if (isSelection(round)) $("projects-heading").textContent = t("selection.candidates");
    showProjects(round, isSelection(round) ? await committeeNames(round.projects) : null);
    const resident = currentSession()?.pool === "residents";
    let result = null;
    if (COUNTED.has(round.phase) && round.result_published) {
      result = await showResults(round, config, { resident });
    }
    showProgress(round);
    if (resident && round.phase === "results") showObjection(round);
    if (resident && round.phase === "evaluation" && result) showEvaluations(round, result);
    if (!currentSession()) {
      $("sign-in-link").href = `sign-in.html?next=${encodeURIComponent(`round.html?round=${roundId}`)}`;
      $("signed-out-view").hidden = !COUNTED.has(round.phase);
    }
  }
}
