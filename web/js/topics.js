// The committee's topics (议事厅): newest or most supported, its upcoming meetings, and the
// form to raise a topic with photos (photos.js uploads them straight to the bucket).
import { api, boot, currentSession, el, formatTime, signInHref, t } from "./core.js";
import { guardSubmit, keepDraft, showError } from "./forms.js";
import { committeePanel } from "./live-index.js";
import { MAX_PHOTOS, PHOTO_TYPES, uploadPhoto } from "./photos.js";

const config = await boot("topic.list");
const $ = (id) => document.getElementById(id);
const form = $("raise");
const draft = keepDraft(form, "topic");
const photos = () => draft.extra?.photos || [];
let topics = [];
let order = "newest";

function problem(text) {
  $("topics-problem").textContent = text;
  $("topics-problem").hidden = false;
}

export function topicCard(topic) {
  const title = topic.title ?? t("topic.hidden_title", { reason: topic.hidden?.reason || "" });
  return el("li", { class: "card" },
    el("h3", {}, el("a", { href: `topic.html?id=${encodeURIComponent(topic.id)}`, text: title })),
    el("p", {}, el("span", { class: "badge", text: t(`topic.status.${topic.status}`) }), " ",
      el("span", { text: t("topic.supports_of", { count: topic.supports, threshold: topic.threshold }) })),
    el("p", { class: "muted", text: formatTime(topic.created_at) }));
}

function render() {
  const sorted = [...topics].sort(order === "newest"
    ? (a, b) => b.created_at.localeCompare(a.created_at)
    : (a, b) => b.supports - a.supports || b.created_at.localeCompare(a.created_at));
  $("topic-list").replaceChildren(...sorted.map(topicCard));
  $("topics-none").hidden = topics.length > 0;
  $("sort-newest").setAttribute("aria-pressed", String(order === "newest"));
  $("sort-supported").setAttribute("aria-pressed", String(order === "supported"));
  // Pressed before the list arrived, the buttons would do nothing: they wait for it.
  $("sort-newest").disabled = $("sort-supported").disabled = false;
}
$("sort-newest").addEventListener("click", () => { order = "newest"; render(); });
$("sort-supported").addEventListener("click", () => { order = "supported"; render(); });

async function showMeetings(division) {
  const page = await api("GET", `/meetings?division=${division}&when=upcoming`, { auth: false });
  $("meeting-list").replaceChildren(...page.items.map((meeting) => el("li", { class: "card" },
    el("h3", {}, el("a", { href: `meeting.html?id=${encodeURIComponent(meeting.id)}`, text: meeting.title })),
    el("p", {}, el("span", { class: "badge", text: t(`meeting.kind.${meeting.kind}`) }), " ",
      el("span", { text: `${formatTime(meeting.starts_at)} · ${meeting.place}` })))));
  $("meetings-none").hidden = page.items.length > 0;
  $("conventions-link").href = `conventions.html?division=${division}`;
}

// ---- photos ------------------------------------------------------------------------------

function renderPhotos() {
  $("photo-list").replaceChildren(...photos().map((photo, index) => el("li", {},
    el("span", { text: photo.name }), " ",
    el("button", { type: "button", class: "secondary", text: t("topic.remove_photo"), "aria-label": t("topic.remove_named", { name: photo.name }),
      onclick: () => { draft.extra = { photos: photos().filter((_, i) => i !== index) }; renderPhotos(); } }))));
  $("photo-file").disabled = photos().length >= MAX_PHOTOS;
}

$("photo-file").addEventListener("change", async (event) => {
  const input = event.currentTarget;
  const file = input.files[0];
  if (!file) return;
  if (!PHOTO_TYPES.includes(file.type)) {
    $("photo-status").textContent = t("topic.photo_type");
    input.value = "";
    return;
  }
  const progress = $("upload-progress");
  progress.hidden = false;
  try {
    const uploaded = await uploadPhoto(file, (percent) => { progress.value = percent; });
    draft.extra = { photos: [...photos(), uploaded] };
    $("photo-status").textContent = t("topic.photo_added", { name: file.name });
    renderPhotos();
  } catch (error) {
    showError(form, error);
  } finally {
    progress.hidden = true;
    input.value = "";
  }
});

// ---- the committee ------------------------------------------------------------------------

async function start() {
  if (!currentSession()) {
    form.hidden = true;
    $("raise-blocked").replaceChildren(t("topic.sign_in_to_raise"), " ", el("a", { href: signInHref(), text: t("auth.sign_in") }));
    $("raise-blocked").hidden = false;
    problem(t("topic.sign_in_to_read"));
    return;
  }
  const me = await api("GET", "/me");
  const division = me.role === "resident" ? me.residence : me.jurisdiction;
  if (!division) {
    form.hidden = true;
    $("raise-blocked").replaceChildren(t("topic.no_residence"), " ", el("a", { href: "account.html?do=residence", text: t("topic.verify") }));
    $("raise-blocked").hidden = false;
    problem(t("topic.no_residence"));
    return;
  }
  if (division.length === 12) {
    // The committee's index is a courtesy on this page: its absence never stops the topics.
    committeePanel(config, division, $("live-panel")).catch((error) => console.warn(error));
  }
  guardSubmit(form, async () => {
    const topic = await api("POST", "/topics", {
      idempotencyKey: draft.idempotencyKey,
      body: { division, title: form.elements.title.value.trim(), background: form.elements.background.value.trim(),
              proposal: form.elements.proposal.value.trim(), photos: photos().map((photo) => photo.key) },
    });
    draft.clear();
    location.href = `topic.html?id=${encodeURIComponent(topic.id)}&raised=1`;
  });
  form.querySelector("button[type=submit]").disabled = false;
  renderPhotos();
  const [page] = await Promise.all([api("GET", `/topics?division=${division}&limit=100`), showMeetings(division)]);
  topics = page.items;
  render();
}

try {
  await start();
} catch (error) {
  console.warn(error);
  problem(t("topic.load_failed"));
}
