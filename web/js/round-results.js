// A counted round's result, every project with its votes, cost and why it was or was not
// funded; and "verify my ballot": the page reads the public ballots file itself and finds
// the resident's line there, so the ballot's id never leaves the phone.
import { api, el, formatFen, formatTime, has, t } from "./core.js";

const $ = (id) => document.getElementById(id);
// The tally's reasons, in the words residents read; an unknown one is shown as the API said it.
const REASONS = {
  "selected": "round.reason.selected",
  "no support; selected because it fits the leftover budget": "round.reason.selected_unsupported",
  "selected by equal shares": "round.reason.equal_shares",
  "not reached by equal shares; added by greedy completion": "round.reason.completion",
  "does not fit the remaining budget": "round.reason.does_not_fit",
  "no support": "round.reason.no_support",
  "among the k most approved": "round.reason.top_k",
};

export function reasonText(reason) {
  const outside = /^not among the (\d+) most approved$/.exec(reason);
  if (outside && has("round.reason.not_top_k")) return t("round.reason.not_top_k", { k: outside[1] });
  const key = REASONS[reason];
  return key && has(key) ? t(key) : reason;
}

function fileUrl(config, key) {
  return `${config.public_base}/${key}`;
}

function resultCard(project, cumulative, selection) {
  return el("li", { class: `card result ${project.selected ? "selected" : "not-selected"}` },
    el("h3", { text: project.title }),
    el("p", {}, el("span", { class: `badge ${project.selected ? "status-approved" : "status-declined"}`,
      text: t(project.selected ? (selection ? "selection.winner" : "round.selected") : "round.not_selected") })),
    el("dl", { class: "facts" },
      el("dt", { text: t(cumulative ? "round.points_label" : "round.votes_label") }), el("dd", { text: String(project.score) }),
      el("dt", { text: t(selection ? "selection.spending" : "round.cost_label") }), el("dd", { text: formatFen(project.cost_fen) }),
      el("dt", { text: t("round.reason_label") }), el("dd", { text: reasonText(project.reason) })));
}

// Shows the result; returns it, or null when it could not be read.
export async function showResults(round, config, { resident }) {
  let result;
  try {
    result = await api("GET", `/rounds/${round.id}/results`, { auth: false });
  } catch {
    $("results-summary").textContent = t("error.load");
    $("results-view").hidden = false;
    return null;
  }
  const cumulative = round.method === "cumulative";
  // A selection has no budget to spend: its line says how many it chose.
  const selection = round.kind === "selection";
  $("results-summary").textContent = [
    t(`round.rule.${result.rule}`, { k: round.method_limits?.max_picks }),
    t("round.results_counted", { ballots: result.ballots, at: formatTime(result.tallied_at) }),
    selection ? t("selection.winners", { count: result.projects.filter((p) => p.selected).length })
      : t("round.results_spent", { total: formatFen(result.total_cost_fen), budget: formatFen(result.budget_fen) }),
    result.tie_decided ? t("round.tie_decided") : "",
  ].filter(Boolean).join(" ");
  // A selection shows its winners first, as the count ranks them.
  const shown = selection ? [...result.projects].sort((a, b) => Number(b.selected) - Number(a.selected)) : result.projects;
  $("result-list").replaceChildren(...shown.map((p) => resultCard(p, cumulative, selection)));
  $("ballots-file").href = fileUrl(config, result.ballots_file);
  $("results-view").hidden = false;
  if (resident) setUpVerify(round, result, config);
  return result;
}

// The VOTES rows of a Pabulib file: voter id → { picks, points }. Only the ids are read, so
// quoted titles in PROJECTS cannot confuse it.
export function votesIn(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.lastIndexOf("VOTES");
  const votes = new Map();
  if (start < 0) return votes;
  const header = lines[start + 1].split(";");
  const [idAt, voteAt, pointsAt] = ["voter_id", "vote", "points"].map((name) => header.indexOf(name));
  for (const line of lines.slice(start + 2)) {
    if (!line) continue;
    const cells = line.split(";");
    votes.set(cells[idAt], {
      picks: cells[voteAt] ? cells[voteAt].split(",") : [],
      points: pointsAt >= 0 && cells[pointsAt] ? cells[pointsAt].split(",").map(Number) : null,
    });
  }
  return votes;
}

// The same projects and, on a cumulative ballot, the same points on each: a file that kept
// the picks but moved points between them must not read as the resident's ballot.
export function sameBallot(mine, line) {
  const pairs = (picks, points) => JSON.stringify(picks.map((id, i) => [id, points ? points[i] : null]).sort());
  return pairs(mine.picks, mine.points) === pairs(line.picks, line.points);
}

function say(...children) {
  const box = $("verify-result");
  box.replaceChildren(...children);
  box.hidden = false;
}

function setUpVerify(round, result, config) {
  const titles = new Map(round.projects.map((p) => [p.id, p.title]));
  $("verify-view").hidden = false;
  const button = $("verify");
  button.addEventListener("click", async () => {
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    try {
      const mine = await api("GET", `/rounds/${round.id}/my-ballot`);
      if (!mine.voted) { say(el("p", { text: t("round.verify_not_voted") })); return; }
      if (!mine.published_ballot_id) { say(el("p", { text: t("round.verify_not_published") })); return; }
      // The whole public file, as anyone downloads it: nothing in the request names the ballot.
      const response = await fetch(fileUrl(config, mine.ballots_file || result.ballots_file), { cache: "no-cache" });
      if (!response.ok) throw new Error(`ballots file: HTTP ${response.status}`);
      const line = votesIn(await response.text()).get(mine.published_ballot_id);
      if (!line) { say(el("p", { class: "field-error", text: t("round.verify_missing", { id: mine.published_ballot_id }) })); return; }
      const same = !mine.picks || sameBallot(mine, line);
      say(
        el("p", { text: t("round.verify_found", { id: mine.published_ballot_id }) }),
        el("ul", { id: "verify-picks" }, ...line.picks.map((id, index) => el("li", {
          text: line.points ? t("round.verify_pick_points", { title: titles.get(id) || id, points: line.points[index] }) : (titles.get(id) || id),
        }))),
        el("p", { class: same ? "" : "field-error", text: t(same ? "round.verify_same" : "round.verify_differs") }));
    } catch {
      say(el("p", { text: t("error.load") }));
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
}
