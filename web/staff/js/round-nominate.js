// A selection's (十佳项目评选) nominations on the staff round page: a committee's staff pick one
// of their committee's completed projects of the selection's year — an autonomy-fund project the
// street accepted, or a project their closed PB round selected — from the lists the API already
// gives, and nominate it; what the candidate shows is copied from the records by the API.
import { api, el, formatFen, newIdempotencyKey, t } from "../../js/core.js";
import { guardSubmit } from "../../js/forms.js";
import { committeeNames } from "../../js/selection.js";
import { enableSubmit } from "./staff.js";

const $ = (id) => document.getElementById(id);
const COMPLETED_FUNDS = ["accepted", "closed"];

async function fundOptions(committee, year) {
  const lists = await Promise.all(COMPLETED_FUNDS.map((status) =>
    api("GET", `/funds/pools/${committee}/${year}/applications?status=${status}&limit=100`).catch(() => ({ items: [] }))));
  return lists.flatMap((page) => page.items).map((a) => ({
    source_id: a.id, body: { source: "fund_application", id: a.id },
    label: t("staff.nominate.fund_option", { title: a.title, team: a.team_name }),
  }));
}

async function roundOptions(committee) {
  const rounds = (await api("GET", `/rounds?division=${committee}`, { auth: false })).items
    .filter((r) => (r.kind || "pb") === "pb" && r.scope === committee && r.phase === "closed");
  const results = await Promise.all(rounds.map((r) =>
    api("GET", `/rounds/${r.id}/results`, { auth: false }).then((result) => ({ r, result })).catch(() => null)));
  return results.filter(Boolean).flatMap(({ r, result }) => result.projects.filter((p) => p.selected).map((p) => ({
    source_id: `${r.id}/${p.id}`, body: { source: "round_project", round: r.id, project: p.id },
    label: t("staff.nominate.round_option", { title: p.title, round: r.title }),
  })));
}

function candidateLine(project, names) {
  const n = project.nomination;
  return el("li", { class: "card" },
    el("h3", { text: project.title }),
    el("p", { text: t("staff.nominate.by", { committee: names.get(n.committee) || n.committee,
      source: t(`selection.source.${n.source}`), spending: formatFen(n.spending_fen) }) }));
}

// Shows the candidates with their committees; committee staff get the form. `reload` reads the round again.
export async function showNominations(round, me, reload) {
  $("nominate-view").hidden = false;
  const nominated = round.projects.filter((p) => p.nomination);
  const names = await committeeNames(nominated);
  $("nominated").replaceChildren(...nominated.map((p) => candidateLine(p, names)));
  $("nominated-none").hidden = nominated.length > 0;
  const form = $("nominate");
  if (me.role !== "committee_staff" || round.phase !== "proposals") {
    form.hidden = true;
    $("nominate-closed").hidden = false;
    $("nominate-closed").textContent = t(me.role !== "committee_staff" ? "staff.nominate.committees_only" : "staff.nominate.window_closed");
    return;
  }
  const taken = new Set(nominated.map((p) => p.nomination.source_id));
  const options = [...await fundOptions(me.jurisdiction, round.year), ...await roundOptions(me.jurisdiction)]
    .filter((o) => !taken.has(o.source_id));
  const select = $("nominee");
  select.replaceChildren(...options.map((o, index) => el("option", { value: String(index), text: o.label })));
  $("nominate-none").hidden = options.length > 0;
  form.hidden = !options.length;
  if (form.dataset.ready) { form.options = options; return; }
  form.dataset.ready = "1";
  form.options = options;
  let key = newIdempotencyKey();
  guardSubmit(form, async () => {
    const chosen = form.options[Number(select.value)];
    const made = await api("POST", `/rounds/${round.id}/nominations`, { body: chosen.body, idempotencyKey: key });
    key = newIdempotencyKey();
    $("nominate-done").textContent = t("staff.nominate.done", { title: made.title });
    $("nominate-done").hidden = false;
    await reload();
  });
  enableSubmit(form);
}
