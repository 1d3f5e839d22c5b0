import { boot, el, formatTime, param, t } from "./core.js";
import { DIMENSIONS, barChart, componentName, inWords, readLive, score, shown, sparkline, words } from "./live-index.js";

const config = await boot("index-live");
const status = document.getElementById("status");
const division = param("division") || "31";

function componentItem(component, minimum) {
  const entered = (component.method || component.source) === "entered";
  const source = inWords(words(typeof component.source === "object" ? component.source : null));
  const value = component.suppressed
    ? el("p", { class: "withheld", text: t("live.suppressed", { minimum: String(minimum) }) })
    : el("p", {}, el("span", { text: `${t("live.value")}${t("live.colon")}` }),
      el("strong", { text: component.value === null || component.value === undefined ? t("live.no_data") : String(component.value) }),
      component.unit ? ` ${component.unit}` : "",
      component.target === null || component.target === undefined ? "" : ` · ${t("live.target")}${t("live.colon")}${component.target}`,
      ` · ${t("live.points")}${t("live.colon")}${shown(score(component.normalised))}`);
  return el("li", { class: "card" },
    el("h4", {}, el("span", { text: componentName(component) }), " ",
      el("span", { class: "badge", text: t(`live.kind.${component.kind === "guidance" ? "guidance" : "basic"}`) }), " ",
      el("span", { class: `badge ${entered ? "entered" : ""}`, text: t(`live.source.${entered ? "entered" : "measured"}`) })),
    value,
    source ? el("p", { class: "muted", text: `${t("live.data_source")}${t("live.colon")}${source}` }) : null);
}

function render(index) {
  const minimum = index.minimum_people ?? index.suppression_minimum ?? 5;
  const name = index.name || index.division;
  document.getElementById("heading").textContent = t("live.heading_of", { name });
  document.title = `${t("live.heading_of", { name })} · ${t("site.name")}`;
  const byId = Object.fromEntries((index.dimensions || []).map((d) => [d.id, d]));
  const dimensionItems = DIMENSIONS.map((id) => ({ label: t(`live.dim.${id}`), value: score(byId[id]?.score) }));
  const components = index.components || [];
  const anySuppressed = components.some((c) => c.suppressed);
  document.getElementById("index").replaceChildren(
    el("p", { class: "big-score" }, el("span", { text: `${t("live.score")}${t("live.colon")}` }),
      el("strong", { text: shown(score(index.score)) }), el("span", { class: "muted", text: ` / 100 · v${index.version}` })),
    el("p", { class: "muted", text: t("live.updated", { time: formatTime(index.as_of || index.generated_at) }) }),
    el("h2", { text: t("live.dimensions") }),
    barChart("dimensions", t("live.dimensions_chart", { name }), dimensionItems),
    el("h2", { text: t("live.trend_heading") }),
    sparkline("trend", index.trend || []),
    el("h2", { text: t("live.components") }),
    ...DIMENSIONS.map((id) => {
      const members = components.filter((c) => c.dimension === id);
      return el("section", { class: "dimension", "aria-labelledby": `dim-${id}` },
        el("h3", { id: `dim-${id}`, text: `${t(`live.dim.${id}`)} · ${shown(score(byId[id]?.score))}` }),
        members.length ? el("ul", { class: "cards" }, ...members.map((c) => componentItem(c, minimum))) : el("p", { class: "muted", text: t("live.no_components") }));
    }),
    anySuppressed ? el("p", { class: "note", text: t("live.suppressed_note", { minimum: String(minimum) }) }) : null,
  );
}

try {
  const index = await readLive(config, division);
  if (index) render(index); else status.textContent = t("live.none");
} catch {
  status.textContent = t("error.load");
}
