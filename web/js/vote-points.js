// A cumulative round's ballot: the voter spreads the round's points across its projects with
// − and + or by typing a number, the points left always in view. A press that would go over
// the total or a project's cap is refused with the reason beside that project; the choices
// are a draft until the ballot is cast.
import { ApiError, api, currentSession, el, formatFen, t } from "./core.js";
import { announce, clearErrors, guardSubmit, keepDraft, showError } from "./forms.js";

const $ = (id) => document.getElementById(id);

function projectItem(project, cost, cap) {
  const id = `pts-${project.id}`;
  const about = [project.description, project.location ? t("vote.location", { place: project.location }) : null];
  const step = (delta, key) => el("button", {
    type: "button", class: "secondary", "data-delta": String(delta), "data-for": id,
    "aria-label": t(key, { title: project.title }), text: delta > 0 ? "+" : "−",
  });
  return el("li", { class: "project points" },
    el("label", { for: id }, el("strong", { text: project.title }), " ", el("span", { class: "cost", text: formatFen(cost) }),
      el("span", { class: "visually-hidden", text: ` ${t("points.for")}` })),
    el("p", { class: "hint", id: `${id}-about`, text: about.filter(Boolean).join(" ") }),
    el("div", { class: "stepper", "data-error-after": true },
      step(-1, "points.less"),
      el("input", { type: "number", id, name: id, inputmode: "numeric", min: "0", max: String(cap), step: "1", value: "0",
        "aria-describedby": `${id}-about ${id}-why` }),
      step(1, "points.more")),
    el("p", { class: "why", id: `${id}-why` }));
}

export function runPointsBallot(round, paper, { fieldProblem, showReceipt, codeHandoff }) {
  const form = $("ballot");
  const limits = round.method_limits || {};
  const total = limits.points;
  const cap = limits.max_points_per_project ?? total;
  const minPicks = limits.min_picks || 1;
  const maxPicks = limits.max_picks ?? null;
  const projects = round.projects.filter((project) => project.status === "feasible");
  const titleOf = new Map(projects.map((p) => [p.id, p.title]));
  const live = $("vote-live");

  $("picks-legend").textContent = t("points.legend");
  $("picks-hint").textContent = t("points.rule", { points: total, cap });
  $("left-label").textContent = t("points.left");
  // The total is said as it changes; refusals are said through the page's live region.
  $("summary").setAttribute("aria-live", "polite");
  $("summary").dataset.field = "points";
  $("projects").replaceChildren(...projects.map((p) => projectItem(p, p.final_cost_fen ?? p.estimated_cost_fen, cap)));
  $("code-box").hidden = !paper;
  if (round.allow_ballot_change && !paper) $("review-hint").textContent = t("vote.review_hint_changeable");

  const inputs = () => [...form.querySelectorAll("#projects input[type=number]")];
  const pointsOf = (input) => {
    const value = Number(input.value);
    return Number.isInteger(value) && value > 0 ? value : 0;
  };
  const given = () => inputs().filter((input) => pointsOf(input) > 0);
  const spent = () => inputs().reduce((sum, input) => sum + pointsOf(input), 0);
  const projectOf = (input) => input.id.slice("pts-".length);

  // A refused press leaves the value valid: only a value that cannot be sent is invalid.
  function say(input, text, { invalid = true } = {}) {
    const note = $(`${input.id}-why`);
    note.textContent = text || "";
    note.className = text ? "why field-error" : "why";
    if (text && invalid) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  // What is wrong with this field's own value, or null.
  function ownProblem(input) {
    const raw = input.value.trim();
    if (raw && !/^\d+$/.test(raw)) return t("points.whole");
    if (pointsOf(input) > cap) return t("points.over_cap", { cap });
    return null;
  }
  const overTotal = () => (spent() > total ? t("points.over_total", { total, over: spent() - total }) : null);
  // Over the total, the field last changed is where the resident looks for the reason.
  let lastEdited = null;
  function wrongField() {
    const own = inputs().find((input) => ownProblem(input));
    if (own) return [own, ownProblem(own)];
    if (!overTotal()) return null;
    return [lastEdited && pointsOf(lastEdited) > 0 ? lastEdited : given().pop(), overTotal()];
  }

  function update() {
    $("left").textContent = String(total - spent());
    $("chosen-total").textContent = t("points.chosen", { count: given().length, spent: spent(), total });
    const wrong = wrongField();
    for (const input of inputs()) say(input, ownProblem(input) || (wrong && wrong[0] === input ? wrong[1] : null));
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-delta]");
    if (!button) return;
    const input = $(button.dataset.for);
    const delta = Number(button.dataset.delta);
    const next = pointsOf(input) + delta;
    let why = null;
    if (next < 0) return;
    if (delta > 0 && next > cap) why = t("points.no_more_cap", { cap });
    else if (delta > 0 && spent() + delta > total) why = t("points.none_left", { total });
    if (why) {
      say(input, why, { invalid: false });
      announce(live, why);
      return;
    }
    input.value = String(next);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  form.addEventListener("input", (event) => {
    if (!event.target.matches("#projects input[type=number]")) return;
    lastEdited = event.target;
    // A refusal shown on the way to review is stale once the points change.
    if (form.querySelector(".field-error[data-generated]")) clearErrors(form);
    update();
  });

  const draft = keepDraft(form, `vote.${round.id}${paper ? ".paper" : ""}`);
  const handed = paper ? sessionStorage.getItem(codeHandoff) : null;
  if (handed) {
    form.code.value = handed;
    sessionStorage.removeItem(codeHandoff);
    draft.save();
  }
  update();

  let step = "choose";
  function setStep(next) {
    step = next;
    $("choose-step").hidden = next !== "choose";
    $("review-step").hidden = next !== "review";
    draft.extra = { step: next };
  }

  function toReview() {
    if (paper && form.code.value.replace(/[\s-]/g, "").length < 8) throw fieldProblem("code", t("vote.code_missing"));
    const wrong = wrongField();
    if (wrong) {
      say(wrong[0], null);  // said once, by the error beside the field
      throw fieldProblem(wrong[0].name, wrong[1]);
    }
    const picked = given();
    if (picked.length < minPicks) throw fieldProblem("picks", t("vote.too_few", { min: minPicks }));
    if (maxPicks !== null && picked.length > maxPicks) throw fieldProblem("picks", t("points.too_many", { max: maxPicks }));
    $("review-list").replaceChildren(...picked.map((input) => el("li", {},
      el("span", { text: titleOf.get(projectOf(input)) }),
      el("span", { class: "cost", text: t("points.n", { n: pointsOf(input) }) }))));
    $("review-total").textContent = t("points.review_total", { count: picked.length, spent: spent(), left: total - spent() });
    clearErrors(form);
    setStep("review");
    $("review-heading").focus();
  }

  $("to-review").addEventListener("click", () => {
    try { toReview(); } catch (error) { showError(form, error); }
  });
  $("cast").addEventListener("click", (event) => { if (event.detail > 1) event.preventDefault(); });
  $("change").addEventListener("click", () => {
    setStep("choose");
    $("picks-legend").scrollIntoView({ block: "start" });
    inputs()[0]?.focus();
  });

  guardSubmit(form, async () => {
    if (step !== "review") { toReview(); return; }
    const picked = given();
    const body = { picks: picked.map(projectOf), points: picked.map(pointsOf) };
    if (paper) body.code = form.code.value.trim();
    let receipt;
    try {
      receipt = paper && !currentSession()
        ? await api("POST", `/rounds/${round.id}/code-ballots`, { body, auth: false, retry: true })
        : await api("POST", `/rounds/${round.id}/ballots`, { body, retry: true });
    } catch (error) {
      if (error instanceof ApiError && error.details.some((d) => ["code", "picks", "points"].includes(d.field))) setStep("choose");
      throw error;
    }
    draft.clear();
    showReceipt(receipt);
  });

  if (draft.extra && draft.extra.step === "review") {
    try { toReview(); } catch { setStep("choose"); }
  }
}
