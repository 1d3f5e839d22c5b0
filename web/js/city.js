import { boot, el, formatTime, t } from "./core.js";
import { DIMENSIONS, barChart, readLive, score, shown } from "./live-index.js";

const config = await boot("city");
const status = document.getElementById("status");

// Ranked by score, highest first; districts without one follow, by code, unranked.
function ranked(districts) {
  return [...districts].sort((a, b) => {
    const x = score(a.score), y = score(b.score);
    if (x === null || y === null) return (x === null) - (y === null) || a.division.localeCompare(b.division);
    return y - x || a.division.localeCompare(b.division);
  });
}

const place = (row, fallback) => (score(row.score) === null ? t("city.unranked") : t("city.rank", { rank: String(row.rank ?? fallback) }));

// Within a district, its streets (and committees) ranked, folded so the districts stay one list.
function inside(district, kind) {
  const rows = ranked(district[kind] || []);
  if (!rows.length) return null;
  let at = 0;
  return el("details", {}, el("summary", { text: t(`city.${kind}`, { count: String(rows.length) }) }),
    el("ol", { class: "inside" }, ...rows.map((row) => {
      if (score(row.score) !== null) at += 1;
      return el("li", {}, `${place(row, at)} `,
        el("a", { href: `index-live.html?division=${encodeURIComponent(row.division)}`, text: row.name || row.division }),
        ` · ${shown(score(row.score))}`);
    })));
}

function render(city) {
  const districts = ranked(city.districts || []);
  const byId = Object.fromEntries((city.dimensions || []).map((d) => [d.id, d]));
  const cityScore = score(city.city ? city.city.score : city.score);
  let at = 0;
  document.getElementById("city").replaceChildren(
    el("p", { class: "big-score" }, el("span", { text: `${t("city.score")}${t("live.colon")}` }),
      el("strong", { text: shown(cityScore) }), el("span", { class: "muted", text: ` / 100 · v${city.version}` })),
    el("p", { class: "muted", text: t("live.updated", { time: formatTime(city.as_of || city.generated_at) }) }),
    city.dimensions ? barChart("city-dimensions", t("city.dimensions_chart"),
      DIMENSIONS.map((id) => ({ label: t(`live.dim.${id}`), value: score(byId[id]?.score) }))) : null,
    el("h2", { text: t("city.ranking") }),
    barChart("ranking", t("city.ranking_chart"), districts.map((d) => ({ label: d.name || d.division, value: score(d.score) }))),
    el("ol", { class: "cards ranking" }, ...districts.map((d) => {
      const value = score(d.score);
      if (value !== null) at += 1;
      return el("li", { class: "card" },
        el("h3", {}, el("span", { class: "rank", text: place(d, at) }), " ",
          el("a", { href: `index-live.html?division=${encodeURIComponent(d.division)}`, text: d.name || d.division })),
        el("p", {}, el("strong", { text: shown(value) }),
          d.dimensions ? ` · ${DIMENSIONS.map((id) => `${t(`live.dim.${id}`)} ${shown(score(d.dimensions[id]))}`).join(" · ")}` : ""),
        inside(d, "streets"), inside(d, "committees"));
    })),
  );
}

try {
  const city = await readLive(config, "31", "city");
  if (city) render(city); else status.textContent = t("live.none");
} catch {
  status.textContent = t("error.load");
}
