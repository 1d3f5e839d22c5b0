// Autonomy funds for a resident team's lead: my applications, one application with its
// timeline (?id=), and a new application (?new=1).
import { ApiError, SignInNeeded, api, boot, el, formatDate, formatFen, formatTime, param, requireSignIn, state, t } from "./core.js";
import { linesTable, startForm } from "./fund-form.js";
import { findPool } from "./fund-pool.js";
import { leadSteps } from "./fund-report.js";

await boot("fund");
const notice = document.getElementById("page-notice");

// Words for codes the API may add after this page was written: the code itself beats a
// blank, and a missing string must not break the page.
function known(key, fallback) {
  return key in state.strings ? t(key) : fallback;
}
const statusText = (phase) => known(`fund.status.${phase}`, phase);

function say(key, vars) {
  notice.textContent = t(key, vars);
}

// ---- my applications ----

function card(item) {
  return el("li", { class: "card" },
    el("h3", {}, el("a", { href: `fund.html?id=${encodeURIComponent(item.id)}`, text: item.title })),
    el("p", {}, el("span", { class: "badge", text: statusText(item.phase) })),
    el("p", { text: t("fund.amount_value", { amount: formatFen(item.requested_fen) }) }),
    el("p", { class: "muted", text: t("fund.team_and_date", { team: item.team_name, date: formatDate(item.created_at) }) }));
}

async function showList() {
  const view = document.getElementById("list-view");
  const list = document.getElementById("mine-list");
  view.hidden = false;
  let cursor = null;
  let more = null;
  do {
    const page = await api("GET", `/funds/applications/mine?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    list.append(...page.items.map(card));
    document.getElementById("mine-empty").hidden = list.childElementCount > 0;
    cursor = page.next_cursor;
    more?.remove();
    if (cursor) {
      more = el("button", { type: "button", class: "secondary", text: t("fund.more") });
      view.append(more);
      await new Promise((resolve) => more.addEventListener("click", resolve, { once: true }));
    }
  } while (cursor);
}

// ---- one application ----

function facts(pairs) {
  return el("dl", { class: "facts" }, ...pairs.filter(([, text]) => text).flatMap(([term, text]) => [el("dt", { text: term }), el("dd", { text })]));
}

function event(item) {
  return el("li", {},
    el("p", {}, el("strong", { text: known(`fund.action.${item.action}`, item.action) }),
      ` · ${known(`fund.role.${item.actor_role}`, item.actor_role)}`),
    el("p", { class: "muted" }, el("time", { datetime: item.at, text: formatTime(item.at) })),
    item.reason ? el("p", { text: item.reason }) : null,
    item.amount_fen ? el("p", { text: t("fund.event_amount", { amount: formatFen(item.amount_fen) }) }) : null);
}

async function showDetail(id) {
  const view = document.getElementById("detail-view");
  let application;
  try {
    application = await api("GET", `/funds/applications/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      say("fund.not_found");
      view.hidden = false;
      view.append(el("p", {}, el("a", { href: "fund.html", text: t("fund.back_to_list") })));
      return;
    }
    throw error;
  }
  const a = application;
  view.replaceChildren(
    el("p", {}, el("a", { href: "fund.html", text: t("fund.back_to_list") })),
    el("h2", { id: "detail-heading", tabindex: "-1", text: a.title }),
    el("p", {}, el("span", { class: "badge", text: statusText(a.phase) })),
    facts([
      [t("fund.number"), a.id],
      [t("fund.team_name"), a.team_name],
      [t("fund.category"), known(`fund.category.${a.category}`, a.category)],
      [t("fund.amount"), formatFen(a.requested_fen)],
      [t("fund.approved"), a.approved_fen ? formatFen(a.approved_fen) : ""],
      [t("fund.period"), t("fund.period_value", { start: formatDate(a.starts_on), end: formatDate(a.ends_on) })],
      [t("fund.notice_ends"), a.notice_ends_at ? formatTime(a.notice_ends_at) : ""],
      [t("fund.comment"), a.last_comment || ""],
    ]),
    ...leadSteps(a, async () => {
      await showDetail(a.id);
      document.getElementById("fund-outcome")?.focus();
    }),
    el("h3", { text: t("fund.purpose") }),
    el("p", { text: a.purpose }),
    el("h3", { text: t("fund.lines") }),
    linesTable(a.lines, a.requested_fen),
    a.timeline.length ? el("h3", { text: t("fund.timeline") }) : null,
    a.timeline.length ? el("ol", { class: "timeline" }, ...a.timeline.map(event)) : null,
  );
  view.hidden = false;
}

// ---- a new application ----

function showDone(application) {
  document.getElementById("form-view").hidden = true;
  document.getElementById("done-number").textContent = t("fund.done_number", { id: application.id });
  document.getElementById("done-status").textContent = t("fund.done_status", { status: statusText(application.phase) });
  document.getElementById("done-link").href = `fund.html?id=${encodeURIComponent(application.id)}`;
  document.getElementById("done-view").hidden = false;
  document.getElementById("done-heading").focus();
}

async function showForm() {
  const me = await api("GET", "/me");
  if (me.role !== "resident") return say("fund.not_resident");
  // Only a committee that has verified where the lead lives takes the team's application.
  const committee = me.residence;
  if (!committee) return say("fund.no_residence");
  const { year, pool } = await findPool(committee);
  if (!pool) say("fund.no_pool", { year });
  // One draft per account: on a phone a family shares, nobody continues another's form.
  startForm({ committee, year, pool, draftName: `fund.${me.user_id}`, onDone: showDone });
  document.getElementById("form-view").hidden = false;
}

if (requireSignIn()) {
  try {
    const id = param("id");
    if (id) await showDetail(id);
    else if (param("new")) await showForm();
    else await showList();
  } catch (error) {
    if (error instanceof SignInNeeded) requireSignIn();
    else say("error.load");
  }
}
