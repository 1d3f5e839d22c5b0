import { boot, el, t } from "./core.js";

// Published months are public files: read straight from the public site, no sign-in and
// no API call, exactly what anyone recounting them would download.
const config = await boot("summaries");
const base = `${config.public_base}/summaries/`;
const status = document.getElementById("status");

async function publishedMonths() {
  const response = await fetch(`${base}index.json`, { cache: "no-cache" });
  if (response.status === 403 || response.status === 404) return [];
  if (!response.ok) throw new Error(`index.json: HTTP ${response.status}`);
  return (await response.json()).months;
}

try {
  const months = await publishedMonths();
  status.textContent = months.length ? "" : t("summaries.none");
  document.getElementById("months").replaceChildren(...months.map((entry, index) => {
    const [year, month] = entry.month.split("-");
    return el("li", { class: "card" },
      el("h2", {}, el("span", { text: t("summaries.month", { year, month: String(Number(month)) }) }),
        index === 0 ? el("span", { class: "badge", text: ` ${t("summaries.latest")}` }) : null),
      el("p", {}, el("a", { href: base + entry.page, text: t("summaries.page") })),
      el("p", {}, el("a", { href: base + entry.manifest, text: t("summaries.manifest") })));
  }));
} catch {
  status.textContent = t("error.load");
}
