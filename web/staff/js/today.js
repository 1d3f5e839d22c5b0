// Today: how many cases each of the caller's queues holds that are new, due soon or overdue.
import { api, boot, el, formatTime, t } from "../../js/core.js";
import { requireOfficial, staffNav } from "./staff.js";

await boot("staff.today");
staffNav("today");
await requireOfficial();

const shanghaiDate = (iso) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(iso));

// Where each count leads: the list with the filter that shows those cases. Queues other pages
// list (residences, funds, rounds) open at their page; they filter by status, not deadline.
function links(queue, summary) {
  if (queue === "suggestions") {
    return {
      list: "suggestions.html",
      new: `suggestions.html?submitted_from=${shanghaiDate(summary.new_since)}`,
      due_soon: "suggestions.html?overdue=false&sort=deadline",
      overdue: "suggestions.html?overdue=true",
    };
  }
  const page = { residences: "residences.html", funds: "funds.html", rounds: "rounds.html" }[queue];
  return { list: page, new: page, due_soon: page, overdue: page };
}

function card(counts, summary) {
  const name = t(`staff.qname.${counts.queue}`);
  const to = links(counts.queue, summary);
  const row = (what) => {
    const shown = `${counts[what]}${counts.capped && counts[what] ? "+" : ""}`;
    return [el("dt", { text: t(`staff.today.${what}`) }),
      el("dd", { class: what }, el("a", {
        href: to[what], text: shown, "aria-label": t("staff.today.link", { queue: name, what: t(`staff.today.${what}`), count: shown }),
      }))];
  };
  return el("li", { class: "card", "data-queue": counts.queue },
    el("h2", {}, el("a", { href: to.list, text: name })),
    el("dl", {}, ...row("new"), ...row("due_soon"), ...row("overdue")));
}

try {
  const summary = await api("GET", "/review/summary");
  document.getElementById("as-of").textContent = t("staff.today.as_of", { time: formatTime(summary.at) });
  document.getElementById("queues").replaceChildren(...summary.queues.map((q) => card(q, summary)));
  document.getElementById("capped").hidden = !summary.queues.some((q) => q.capped);
  if (!summary.queues.length) document.getElementById("status").textContent = t("staff.today.none");
} catch {
  document.getElementById("status").textContent = t("error.load");
}
