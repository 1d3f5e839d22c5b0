import { api, el, formatTime, has, state, t } from "./core.js";

// The live index: the hourly static file first (cheap, cached by CloudFront for minutes),
// the API when the file is not there yet, e.g. a committee whose first hour has not passed.
export const DIMENSIONS = ["self_governance", "co_governance", "rule_of_law", "civic_virtue"];
const SVG = "http://www.w3.org/2000/svg";

export async function readLive(config, division, file = division, { fileFirst = true } = {}) {
  try {
    const response = fileFirst && await fetch(`${config.public_base}/live/index/${encodeURIComponent(file)}.json`, { cache: "no-cache" });
    if (response && response.ok) return await response.json();
  } catch {
    // Unreachable or unreadable: the API answers with the same body.
  }
  try {
    return await api("GET", `/index/${encodeURIComponent(division)}`, { auth: false });
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

export const score = (value) => (value === null || value === undefined ? null : Number(value));
export const shown = (value) => (value === null ? t("live.no_data") : value.toFixed(1));

// The files carry the words in both languages ({zh, en}); a page never shows a code it has a name for.
export const words = (pair) => (pair && typeof pair === "object" ? pair[state.lang] || pair.zh || "" : pair || "");

// A source or formula names the live counters by code (suggestions_received): said in words here.
export const inWords = (text) => text.replace(/[a-z]+(?:_[a-z]+)+/g, (code) => (has(`live.counter.${code}`) ? t(`live.counter.${code}`) : code));

// The committee's index where its residents already are (topics.html, index.html): the score,
// the four dimensions and the way to the whole page. Hidden until there is something to show.
export async function committeePanel(config, division, container) {
  // Straight from the API: a committee without activity in the last 12 weeks has no hourly file,
  // and a panel on every visit should not begin with a failed request.
  const index = await readLive(config, division, division, { fileFirst: false });
  const more = el("p", {}, el("a", { href: `index-live.html?division=${encodeURIComponent(division)}`, text: t("live.panel_more") }));
  if (!index) {
    container.querySelector(".panel-body").replaceChildren(el("p", { class: "muted", text: t("live.none") }), more);
  } else {
    const byId = Object.fromEntries((index.dimensions || []).map((d) => [d.id, d]));
    container.querySelector(".panel-body").replaceChildren(
      el("p", { class: "big-score" }, el("span", { text: `${index.name ? words(index.name) : ""} ${t("live.score")}${t("live.colon")}` }),
        el("strong", { text: shown(score(index.score)) }), el("span", { class: "muted", text: " / 100" })),
      el("ul", { class: "panel-dimensions" }, ...DIMENSIONS.map((id) => el("li", {},
        el("span", { text: t(`live.dim.${id}`) }), " ", el("strong", { text: shown(score(byId[id]?.score)) })))),
      el("p", { class: "muted", text: t("live.updated", { time: formatTime(index.as_of || index.generated_at) }) }),
      more);
  }
  container.hidden = false;
}

export function componentName(component) {
  const given = words(component.name);
  if (given) return given;
  const key = `live.component.${component.id}`;
  return has(key) ? t(key) : component.id;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

// A horizontal bar chart on a 0–100 scale: each bar with its number beside it; a missing
// value is a dashed outline that says so, never an empty bar.
export function barChart(id, title, items) {
  const row = 56;
  const chart = svg("svg", { role: "img", "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-desc`,
    width: "100%", height: String(items.length * row + 4), class: "live-chart" });
  chart.append(svg("title", { id: `${id}-title` }, title),
    svg("desc", { id: `${id}-desc` }, items.map(({ label, value }) => `${label}${t("live.colon")}${shown(value)}`).join(t("live.separator"))));
  items.forEach(({ label, value }, index) => {
    const y = index * row;
    chart.append(svg("text", { x: "0", y: String(y + 20) }, label));
    if (value === null) {
      chart.append(svg("rect", { class: "missing", x: "1", y: String(y + 28), width: "40", height: "20" }),
        svg("text", { class: "number", x: "50", y: String(y + 44) }, t("live.no_data")));
    } else {
      const width = Math.max(value * 0.72, value > 0 ? 1 : 0);
      chart.append(svg("rect", { x: "0", y: String(y + 28), width: `${width.toFixed(2)}%`, height: "20" }),
        svg("text", { class: "number", x: `${width.toFixed(2)}%`, dx: "8", y: String(y + 44) }, shown(value)));
    }
  });
  return chart;
}

// The last 12 weeks as a line with every week's number listed under it: the line shows the
// direction at a glance, the list gives the figures to a screen reader and to anyone checking.
export function sparkline(id, trend) {
  const points = trend.map((week) => ({ week: week.week, value: score(week.score) }));
  const known = points.filter((p) => p.value !== null);
  const figure = el("figure", { class: "sparkline" });
  const width = 300, height = 60, step = points.length > 1 ? width / (points.length - 1) : 0;
  const chart = svg("svg", { role: "img", "aria-labelledby": `${id}-title`, viewBox: `-6 -6 ${width + 12} ${height + 12}`,
    width: "100%", height: "72", preserveAspectRatio: "none" });
  const summary = known.length
    ? t("live.trend_summary", { first: shown(known[0].value), last: shown(known[known.length - 1].value), weeks: String(points.length) })
    : t("live.trend_none");
  chart.append(svg("title", { id: `${id}-title` }, `${t("live.trend")}${t("live.colon")}${summary}`));
  const y = (value) => height - (value / 100) * height;
  let path = "";
  const dots = [];
  points.forEach((p, i) => {
    if (p.value === null) return;
    // A week without a score breaks the line rather than bridging it.
    path += `${path && points[i - 1] && points[i - 1].value !== null ? "L" : "M"}${(i * step).toFixed(1)} ${y(p.value).toFixed(1)} `;
    dots.push(svg("circle", { cx: (i * step).toFixed(1), cy: y(p.value).toFixed(1), r: "3" }));
  });
  if (path) chart.append(svg("path", { d: path.trim(), fill: "none", "stroke-width": "2" }));
  chart.append(...dots);
  const list = el("ol", { class: "weeks" }, ...points.map((p) => el("li", {},
    el("span", { class: "week", text: weekLabel(p.week) }), " ", el("strong", { text: shown(p.value) }))));
  figure.append(el("figcaption", { text: t("live.trend") }), chart, list);
  return figure;
}

function weekLabel(week) {
  const match = /^(\d{4})-W(\d{2})$/.exec(week || "");
  return match ? t("live.week", { year: match[1], week: String(Number(match[2])) }) : (week || "");
}
