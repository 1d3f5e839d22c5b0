// One round's ballot: choose within the round's limits, review, cast, show the receipt.
// The choices stay in a draft until the ballot is cast, so a reload or a lost network
// loses nothing; the server keeps one ballot per voter or code whatever the page does.
import { ApiError, SignInNeeded, api, currentSession, el, formatFen, formatTime, t } from "./core.js";
import { announce, clearErrors, guardSubmit, keepDraft, showError } from "./forms.js";
import { runPointsBallot } from "./vote-points.js";
import { candidatePhotos, candidateFacts, committeeNames, isSelection, selectionHeading } from "./selection.js";

// The code typed on the entry form travels to the ballot in this tab only, never in the URL.
export const CODE_HANDOFF = "mulin.vote.code";

const $ = (id) => document.getElementById(id);

export function problem(text) {
  const node = $("load-problem");
  node.replaceChildren(text);
  node.hidden = false;
}

export function windowText(round) {
  return t("vote.window", { starts: formatTime(round.voting.starts), ends: formatTime(round.voting.ends) });
}

export function fieldProblem(field, message) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

export async function showBallot(roundId, { paper }) {
  let round;
  try {
    // Signed out (a paper-code household) the public ballot view; signed in, the round as
    // this account may see it.
    round = currentSession()
      ? await api("GET", `/rounds/${roundId}`)
      : await api("GET", `/rounds/${roundId}/ballot`, { auth: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) problem(t("vote.no_such_round"));
    else if (error instanceof SignInNeeded) problem(t("vote.round_needs_sign_in"));
    else problem(t("error.load"));
    return;
  }
  $("ballot-view").hidden = false;
  // A selection is headed by its year's 十佳, its own title beneath.
  if (isSelection(round)) document.querySelector("h1").textContent = selectionHeading(round);
  $("round-title").textContent = round.title;
  $("round-window").textContent = windowText(round);
  $("round-description").textContent = round.description;
  if (round.phase !== "voting") {
    $("ballot").hidden = true;
    problem(t("vote.not_open"));
  } else if (round.method === "cumulative") {
    runPointsBallot(round, paper, { fieldProblem, showReceipt, codeHandoff: CODE_HANDOFF });
  } else if (round.method !== "knapsack" && round.method !== "approval") {
    $("ballot").hidden = true;
    problem(t("vote.method_unsupported"));
  } else {
    await runBallot(round, paper);
  }
}

function projectItem(project, cost, names) {
  const id = `pick-${project.id}`;
  const about = [project.description, project.location ? t("vote.location", { place: project.location }) : null];
  // A selection's candidate: its committee, evaluation, spending and photos beside the box.
  const facts = names ? candidateFacts(project, names) : null;
  return el("li", { class: "project" },
    el("label", { class: "choice", for: id },
      el("input", { type: "checkbox", id, name: id, value: project.id, "aria-describedby": `${id}-about ${id}-why` }),
      el("span", {}, el("strong", { text: project.title }), " ", facts ? null : el("span", { class: "cost", text: formatFen(cost) }))),
    el("p", { class: "hint", id: `${id}-about`, text: about.filter(Boolean).join(" ") }),
    facts, facts ? candidatePhotos(project) : null,
    el("p", { class: "why", id: `${id}-why` }));
}

async function runBallot(round, paper) {
  const form = $("ballot");
  const knapsack = round.method === "knapsack";
  const budget = round.budget_fen;
  const limits = round.method_limits || {};
  const minPicks = limits.min_picks || 1;
  const maxPicks = knapsack ? null : (limits.max_picks ?? null);
  const minShare = knapsack ? (limits.min_budget_share_percent || 0) : 0;
  const projects = round.projects.filter((project) => project.status === "feasible");
  const costOf = new Map(projects.map((p) => [p.id, p.final_cost_fen ?? p.estimated_cost_fen]));
  const titleOf = new Map(projects.map((p) => [p.id, p.title]));
  const live = $("vote-live");

  $("picks-legend").textContent = t(knapsack ? "vote.legend_knapsack" : "vote.legend_approval");
  $("picks-hint").textContent = knapsack ? t("vote.rule_knapsack", { budget: formatFen(budget) })
    : maxPicks !== null ? t("vote.rule_approval", { max: maxPicks }) : t("vote.rule_approval_any");
  $("left-label").textContent = t(knapsack ? "vote.budget_left" : maxPicks !== null ? "vote.picks_left" : "vote.picks_chosen");
  const names = isSelection(round) ? await committeeNames(projects) : null;
  if (names) $("picks-hint").textContent = t("selection.pick_up_to", { k: maxPicks });
  $("projects").replaceChildren(...projects.map((p) => projectItem(p, costOf.get(p.id), names)));
  $("code-box").hidden = !paper;
  if (round.allow_ballot_change && !paper) $("review-hint").textContent = t("vote.review_hint_changeable");

  const boxes = () => [...form.querySelectorAll("#projects input[type=checkbox]")];
  const chosen = () => boxes().filter((box) => box.checked).map((box) => box.value);
  const costOfAll = (ids) => ids.reduce((sum, id) => sum + costOf.get(id), 0);

  // Why this project cannot be added to the others already chosen, or null if it can.
  function refusalFor(box) {
    const others = chosen().filter((id) => id !== box.value);
    if (knapsack) {
      const left = budget - costOfAll(others);
      const cost = costOf.get(box.value);
      return cost > left ? t("vote.over_budget", { cost: formatFen(cost), left: formatFen(left) }) : null;
    }
    return maxPicks !== null && others.length >= maxPicks ? t("vote.no_picks_left", { max: maxPicks }) : null;
  }

  function update() {
    const picked = chosen();
    if (knapsack) {
      $("left").textContent = formatFen(budget - costOfAll(picked));
      $("chosen-total").textContent = t("vote.chosen_knapsack", {
        count: picked.length, total: formatFen(costOfAll(picked)), budget: formatFen(budget) });
    } else {
      $("left").textContent = String(maxPicks !== null ? maxPicks - picked.length : picked.length);
      $("chosen-total").textContent = t("vote.chosen_approval", { count: picked.length });
    }
    for (const box of boxes()) {
      const why = box.checked ? null : refusalFor(box);
      const note = $(`${box.id}-why`);
      note.textContent = why || "";
      note.className = "why";
      box.closest("li").classList.toggle("blocked", !!why);
      // Still focusable, so a screen-reader user hears why it cannot be chosen.
      if (why) box.setAttribute("aria-disabled", "true");
      else box.removeAttribute("aria-disabled");
    }
  }

  $("projects").addEventListener("click", (event) => {
    const box = event.target.closest("input[type=checkbox]");
    if (!box || !box.checked) return;
    const why = refusalFor(box);
    if (!why) return;
    event.preventDefault();
    const note = $(`${box.id}-why`);
    note.textContent = why;
    note.className = "why field-error";
    announce(live, why);
  });
  form.addEventListener("change", update);

  const draft = keepDraft(form, `vote.${round.id}${paper ? ".paper" : ""}`);
  const handed = paper ? sessionStorage.getItem(CODE_HANDOFF) : null;
  if (handed) {
    form.code.value = handed;
    sessionStorage.removeItem(CODE_HANDOFF);
  }
  // A draft from before a cost changed may no longer fit: keep what still does, in order.
  for (const box of boxes()) if (box.checked && refusalFor(box)) box.checked = false;
  draft.save();
  update();

  let step = "choose";
  function setStep(next) {
    step = next;
    $("choose-step").hidden = next !== "choose";
    $("review-step").hidden = next !== "review";
    draft.extra = { step: next };
  }

  function toReview() {
    const picked = chosen();
    if (paper && form.code.value.replace(/[\s-]/g, "").length < 8) throw fieldProblem("code", t("vote.code_missing"));
    if (picked.length < minPicks) throw fieldProblem("picks", t("vote.too_few", { min: minPicks }));
    if (minShare && costOfAll(picked) * 100 < budget * minShare) throw fieldProblem("picks", t("vote.under_share", { share: minShare }));
    $("review-list").replaceChildren(...picked.map((id) => el("li", {},
      el("span", { text: titleOf.get(id) }), knapsack ? el("span", { class: "cost", text: formatFen(costOf.get(id)) }) : null)));
    $("review-total").textContent = knapsack
      ? t("vote.review_total", { count: picked.length, total: formatFen(costOfAll(picked)), left: formatFen(budget - costOfAll(picked)) })
      : t("vote.review_count", { count: picked.length });
    clearErrors(form);
    setStep("review");
    $("review-heading").focus();
  }

  $("to-review").addEventListener("click", () => {
    try { toReview(); } catch (error) { showError(form, error); }
  });
  // The second press of a double press on "review" lands where the cast button now is: a
  // vote is cast only by a press meant for it.
  $("cast").addEventListener("click", (event) => { if (event.detail > 1) event.preventDefault(); });
  $("change").addEventListener("click", () => {
    setStep("choose");
    $("picks-legend").scrollIntoView({ block: "start" });
    boxes()[0]?.focus();
  });

  guardSubmit(form, async () => {
    if (step !== "review") { toReview(); return; }
    const body = { picks: chosen() };
    if (paper) body.code = form.code.value.trim();
    let receipt;
    try {
      // Signed in (staff at a booth, or a resident), a paper code goes with the account
      // so the API records who entered it; without an account it goes alone.
      receipt = paper && !currentSession()
        ? await api("POST", `/rounds/${round.id}/code-ballots`, { body, auth: false, retry: true })
        : await api("POST", `/rounds/${round.id}/ballots`, { body, retry: true });
    } catch (error) {
      if (error instanceof ApiError && error.details.some((d) => d.field === "code" || d.field === "picks")) setStep("choose");
      throw error;
    }
    draft.clear();
    showReceipt(receipt);
  });

  if (draft.extra && draft.extra.step === "review") {
    try { toReview(); } catch { setStep("choose"); }
  }
}

function showReceipt(receipt) {
  $("ballot").hidden = true;
  $("receipt").textContent = receipt.receipt;
  if (receipt.change_code) {
    $("change-code").textContent = receipt.change_code;
    $("change-code-box").hidden = false;
  }
  $("receipt-view").hidden = false;
  $("receipt-heading").focus();
}
