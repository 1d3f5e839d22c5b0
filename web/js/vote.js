// The voting page: the open rounds of the resident's committee, the paper-code entry, and
// (with ?round=…) one round's ballot, which vote-ballot.js runs.
import { SignInNeeded, api, boot, currentSession, el, formatFen, param, t } from "./core.js";
import { guardSubmit } from "./forms.js";
import { CODE_HANDOFF, fieldProblem, problem, showBallot, windowText } from "./vote-ballot.js";
import { isSelection, selectionHeading } from "./selection.js";

await boot("vote");

const ROUND_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const $ = (id) => document.getElementById(id);

function roundCard(round, official) {
  const method = round.method === "knapsack" ? t("vote.method_knapsack") : round.method === "approval"
    ? t("vote.method_approval") : t("vote.method_other");
  // A selection has no budget: its card names the year's 十佳 instead.
  const selection = isSelection(round);
  return el("li", { class: "card" },
    el("h3", { text: round.title }),
    el("p", {}, el("span", { class: "badge", text: selection ? selectionHeading(round) : method }), " ",
      selection ? null : el("span", { text: t("vote.budget", { amount: formatFen(round.budget_fen) }) })),
    el("p", { class: "muted", text: windowText(round) }),
    el("p", { class: "actions" },
      el("a", { class: "button primary", href: `vote.html?round=${round.id}`, text: t("vote.go_vote") }),
      el("a", { class: "button secondary", href: `round.html?round=${round.id}`, text: t("round.details") }),
      official ? el("a", { class: "button secondary", href: `vote.html?round=${round.id}&paper=1`, text: t("vote.enter_paper_code") }) : null));
}

async function showRounds() {
  $("rounds-view").hidden = false;
  let me;
  let rounds;
  try {
    me = await api("GET", "/me");
    // A resident votes in the committee staff verified as home; staff see their own.
    const committee = me.role === "resident" ? me.residence : me.jurisdiction;
    if (!committee) {
      $("rounds-none").textContent = t("vote.no_residence");
      $("rounds-none").hidden = false;
      return;
    }
    rounds = (await api("GET", `/rounds?division=${encodeURIComponent(committee)}`, { auth: false })).items;
  } catch (error) {
    if (error instanceof SignInNeeded) { location.reload(); return; }
    problem(t("error.load"));
    return;
  }
  const open = rounds.filter((round) => round.phase === "voting");
  // Rounds in every other phase lead to their own page: proposals, results, objections, ratings.
  const others = rounds.filter((round) => round.phase !== "voting");
  $("all-rounds").replaceChildren(...others.map((round) => el("li", { class: "card" },
    el("h3", {}, el("a", { href: `round.html?round=${round.id}`, text: round.title })),
    el("p", {}, el("span", { class: "badge", text: t(`round.phase.${round.phase === "upcoming" ? "proposals" : round.phase}`) })))));
  $("all-rounds-view").hidden = !others.length;
  if (!open.length) {
    $("rounds-none").textContent = t("vote.none_open");
    $("rounds-none").hidden = false;
    return;
  }
  $("rounds").replaceChildren(...open.map((round) => roundCard(round, me.role !== "resident")));
}

function showPaperEntry() {
  $("paper-view").hidden = false;
  const form = $("paper-form");
  if (param("round")) form.round.value = param("round");
  guardSubmit(form, async () => {
    const round = form.round.value.trim().toUpperCase();
    const code = form.code.value.trim();
    if (!ROUND_ID.test(round)) throw fieldProblem("round", t("vote.bad_round_number"));
    if (code.replace(/[\s-]/g, "").length < 8) throw fieldProblem("code", t("vote.code_missing"));
    sessionStorage.setItem(CODE_HANDOFF, code);
    location.href = `vote.html?round=${round}&paper=1`;
  });
}

const roundId = param("round");
if (roundId && ROUND_ID.test(roundId)) {
  await showBallot(roundId, { paper: param("paper") === "1" || !currentSession() });
} else if (currentSession()) {
  await showRounds();
  showPaperEntry();
} else {
  $("signed-out-view").hidden = false;
  showPaperEntry();
}
