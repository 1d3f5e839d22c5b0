// Officials' accounts, for those who manage the level below theirs: list, create, and each
// account's actions (disable, enable, move, reset the authenticator), conditional on its version.
import { ApiError, api, boot, el, formatTime, newIdempotencyKey, t } from "../../js/core.js";
import { guardSubmit, keepDraft } from "../../js/forms.js";
import { downloadCsv } from "./csv.js";
import { enableSubmit, requireOfficial, staffNav } from "./staff.js";

await boot("staff.acct");
staffNav("accounts");
const { me } = await requireOfficial();
const $ = (id) => document.getElementById(id);

// Who creates whom, and how many digits that level's division codes have.
const BELOW = { platform_admin: ["district_admin", 6], district_admin: ["street_official", 9], street_official: ["committee_staff", 12] };
const below = BELOW[me.role];

function problem(field, key) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message: t(key), message_zh: t(key) }] });
}

// ---- the list ----------------------------------------------------------------------------

let shown = [];
let cursor = null;

function actionForm(official) {
  const id = official.id;
  const actions = official.status === "active" ? ["disable", "move", "reset_mfa"] : ["enable", "move", "reset_mfa"];
  const form = el("form", { novalidate: true, "aria-label": t("staff.acct.actions_for", { who: official.name || official.phone_masked }) },
    el("label", { for: `action-${id}`, text: t("staff.acct.action") }),
    el("select", { id: `action-${id}`, name: "action" }, ...actions.map((a) => el("option", { value: a, text: t(`staff.acct.do_${a}`) }))),
    el("label", { for: `move-${id}`, text: t("staff.acct.move_to") }),
    el("input", { id: `move-${id}`, name: "division", type: "text", inputmode: "numeric", autocomplete: "off" }),
    el("label", { for: `why-${id}`, text: t("staff.acct.reason") }),
    el("input", { id: `why-${id}`, name: "reason", type: "text", maxlength: "500" }),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t("staff.acct.apply") })));
  guardSubmit(form, async () => {
    const action = form.action.value;
    const body = { version: official.version };
    if (form.reason.value.trim()) body.reason = form.reason.value.trim();
    if (action === "move") {
      body.division = form.division.value.trim();
      if (!body.division) throw problem("division", "staff.acct.division_needed");
    }
    const updated = await api("POST", `/staff/${id}/${action}`, { body, idempotencyKey: newIdempotencyKey() });
    shown = shown.map((o) => (o.id === id ? updated : o));
    render();
    $(`official-${id}`).focus();
  });
  return form;
}

function card(official) {
  return el("li", { class: "card" },
    el("h3", { id: `official-${official.id}`, tabindex: "-1", text: official.name || official.phone_masked }),
    el("p", {}, el("span", { class: "badge", text: t(`staff.acct.status_${official.status}`) }), " ",
      `${t(`staff.acct.role_${official.role}`)} · ${official.division} · ${official.phone_masked}`),
    el("p", { class: "muted", text: t("staff.acct.created_at", { at: formatTime(official.created_at) }) }),
    below && official.role === below[0] ? actionForm(official) : null);
}

function render() {
  $("officials").replaceChildren(...shown.map(card));
  $("officials-none").hidden = shown.length > 0;
  $("more").hidden = !cursor;
}

async function load(more) {
  const query = new URLSearchParams({ limit: "50" });
  if (more && cursor) query.set("cursor", cursor);
  try {
    const page = await api("GET", `/staff?${query}`);
    shown = more ? shown.concat(page.items) : page.items;
    cursor = page.next_cursor;
  } catch {
    $("load-problem").textContent = t("error.load");
    $("load-problem").hidden = false;
    return;
  }
  render();
}

$("more").addEventListener("click", () => load(true));
$("export").addEventListener("click", () => downloadCsv(`staff-${me.jurisdiction}.csv`, shown, [
  { label: "id", key: "id" }, { label: "name", key: "name" }, { label: "phone_masked", key: "phone_masked" },
  { label: "role", key: "role" }, { label: "division", key: "division" }, { label: "status", key: "status" },
  { label: "created_at", key: "created_at" }, { label: "version", key: "version" },
]));

// ---- a new official ----------------------------------------------------------------------

// Committee staff manage no one: the API refuses them the list too.
if (!below) {
  $("not-manager").hidden = false;
  $("create-view").hidden = true;
  $("list-view").hidden = true;
} else {
  const [role, digits] = below;
  const form = $("create");
  const draft = keepDraft(form, "staff-official");
  let key = draft.idempotencyKey;
  $("role-below").textContent = t(`staff.acct.role_${role}`);
  $("division-hint").textContent = t("staff.acct.division_hint", { digits, inside: me.jurisdiction });
  if (!form.division.value) form.division.value = me.jurisdiction;
  guardSubmit(form, async () => {
    const national = form.phone.value.replace(/[^\d]/g, "").replace(/^86(?=\d{11}$)/, "");
    if (!/^1[3-9]\d{9}$/.test(national)) throw problem("phone", "staff.acct.phone_bad");
    const division = form.division.value.trim();
    if (!new RegExp(`^\\d{${digits}}$`).test(division)) throw problem("division", "staff.acct.division_bad");
    const body = { phone: `+86${national}`, role, division };
    if (form.name.value.trim()) body.name = form.name.value.trim();
    const created = await api("POST", "/staff", { body, idempotencyKey: key });
    draft.clear();
    key = newIdempotencyKey();
    form.reset();
    form.division.value = me.jurisdiction;
    $("created").textContent = t("staff.acct.created", { who: created.name || created.phone_masked });
    shown = [created, ...shown.filter((o) => o.id !== created.id)];
    render();
  });
  enableSubmit(form);
}

if (below) await load(false);
