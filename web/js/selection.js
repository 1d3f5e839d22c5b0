// A 十佳项目评选 (round of kind "selection"): what its candidates show beside the round's own
// cards — the committee that nominated it, what the records say of it (residents' ratings of a
// PB project; participants, outcome and acceptance of an autonomy-fund project), its spending.
// round.js and vote-ballot.js branch on the kind and call these, so the pages stay one.
import { api, el, formatFen, formatTime, t } from "./core.js";

export const isSelection = (round) => round.kind === "selection";

export function selectionHeading(round) {
  return t("selection.heading", { year: round.year });
}

// Committee names, one division read per committee (a street's selection has a dozen or so);
// a name that cannot be read falls back to the code.
export async function committeeNames(projects) {
  const codes = [...new Set(projects.map((p) => p.nomination?.committee).filter(Boolean))];
  const names = new Map();
  await Promise.all(codes.map(async (code) => {
    try { names.set(code, (await api("GET", `/divisions/${code}`, { auth: false })).name); } catch { names.set(code, code); }
  }));
  return names;
}

function evaluation(nomination) {
  if (nomination.source === "round_project") {
    return nomination.evaluation_count
      ? t("selection.rated", { mean: String(nomination.evaluation_mean), count: nomination.evaluation_count })
      : t("selection.not_rated");
  }
  return [
    nomination.participants != null ? t("selection.participants", { count: nomination.participants }) : null,
    nomination.accepted_at ? t("selection.accepted", { at: formatTime(nomination.accepted_at) }) : null,
  ].filter(Boolean).join(" · ");
}

// The candidate's facts as a definition list.
export function candidateFacts(project, names) {
  const n = project.nomination;
  if (!n) return null;
  const rows = [
    ["selection.committee", names.get(n.committee) || n.committee],
    ["selection.source", t(`selection.source.${n.source}`)],
    ["selection.evaluation", evaluation(n)],
    ["selection.outcome", n.outcome],
    ["selection.acceptance_note", n.acceptance_note],
    ["selection.spending", formatFen(n.spending_fen)],
  ].filter(([, value]) => value);
  return el("dl", { class: "facts" }, ...rows.flatMap(([key, value]) => [el("dt", { text: t(key) }), el("dd", { text: value })]));
}

export function candidatePhotos(project) {
  if (!project.photo_urls?.length) return null;
  return el("ul", { class: "photos" }, ...project.photo_urls.map((src, index) => el("li", {},
    el("img", { src, alt: t("round.photo_alt", { title: project.title, n: index + 1 }), loading: "lazy", width: "320", height: "240" }))));
}
