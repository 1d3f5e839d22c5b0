// Shared by every page: preferences, strings, the page frame, sign-in and API calls.
// Forms (drafts, errors beside fields, one submission at a time) are in forms.js.

const PREFS_KEY = "mulin.prefs";
const SESSION_KEY = "mulin.session";
const SHANGHAI = "Asia/Shanghai";
// Network failures and 429/503 are retried with the same Idempotency-Key, so a retry can
// never create a second record; after these waits the page asks the resident instead.
const RETRY_WAITS_MS = [800, 2000];

export const state = { lang: "zh", strings: {}, config: null };

// Pages live at the site's root and one level down (staff/): links, strings and config are
// reached through this prefix so both levels share one frame.
const ROOT_PATH = new URL("../", import.meta.url).pathname;
export const here = () => location.pathname.slice(ROOT_PATH.length) || "index.html";
export const toRoot = "../".repeat(Math.max(0, location.pathname.slice(ROOT_PATH.length).split("/").length - 1));
export const signInHref = () => `${toRoot}sign-in.html?next=${encodeURIComponent(here() + location.search)}`;

export class ApiError extends Error {
  constructor(status, payload, retryAfter) {
    super((payload && payload.message) || `HTTP ${status}`);
    // What the API said, in its "English / 中文" form; empty when it said nothing useful.
    this.apiMessage = (payload && payload.message) || "";
    this.status = status;
    this.code = (payload && payload.code) || "http_" + status;
    this.details = (payload && payload.details) || [];
    this.retryAfter = retryAfter;
  }
  get retryable() { return this.status === 429 || this.status === 503 || this.status === 502 || this.status === 504; }
}
export class NetworkError extends Error { get retryable() { return true; } }
export class SignInNeeded extends Error {}

// ---- preferences and strings -------------------------------------------------------------

function prefs() {
  try { return JSON.parse(localStorage.getItem(PREFS_KEY)) || {}; } catch { return {}; }
}
function setPref(name, value) {
  localStorage.setItem(PREFS_KEY, JSON.stringify({ ...prefs(), [name]: value }));
}

export function t(key, vars = {}) {
  const text = state.strings[key];
  if (text === undefined) {
    console.error(`missing string ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ""));
}

export function has(key) { return key in state.strings; }

// The API words its messages "English / 中文"; show the half the resident reads.
export function apiText(message) {
  if (!message) return "";
  const halves = message.split(" / ");
  if (halves.length < 2) return message;
  return state.lang === "zh" ? halves.slice(1).join(" / ") : halves[0];
}

function translate(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
}

const locale = () => (state.lang === "zh" ? "zh-CN" : "en-GB");

// Every time is shown in Shanghai time, whatever the device's zone: a renter abroad sees
// the same deadline as a neighbour downstairs.
export function formatTime(iso) {
  if (!iso) return "";
  const text = new Intl.DateTimeFormat(locale(), {
    timeZone: SHANGHAI, year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
  }).format(new Date(iso));
  return `${text} ${t("time.zone")}`;
}
export function formatDate(value) {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale(), { timeZone: SHANGHAI, year: "numeric", month: "long", day: "numeric" }).format(date);
}
export function formatFen(fen) {
  return new Intl.NumberFormat(locale(), { style: "currency", currency: "CNY" }).format(fen / 100);
}

// ---- page frame --------------------------------------------------------------------------

const NAV = [
  ["index.html", "nav.home"], ["suggest.html", "nav.suggest"], ["my-suggestions.html", "nav.mine"],
  ["vote.html", "nav.vote"], ["fund.html", "nav.fund"], ["summaries.html", "nav.summaries"],
  ["account.html", "nav.account"],
];

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}
export { el };

function renderFrame(page) {
  const session = currentSession();
  const header = el("header", { class: "site-header" },
    el("div", { class: "bar" },
      el("a", { class: "brand", href: `${toRoot}index.html`, text: t("site.name") }),
      el("button", {
        type: "button", class: "switch", lang: state.lang === "zh" ? "en" : "zh-CN", text: t("switch.language"),
        onclick: () => { setPref("lang", state.lang === "zh" ? "en" : "zh"); location.reload(); },
      }),
      el("button", {
        type: "button", class: "switch", "aria-pressed": String(!!prefs().large), text: t("switch.large"),
        onclick: (event) => {
          const large = !prefs().large;
          setPref("large", large);
          document.documentElement.classList.toggle("large", large);
          event.currentTarget.setAttribute("aria-pressed", String(large));
        },
      }),
      session ? bell(here()) : null,
      session
        ? el("button", { type: "button", class: "switch", text: t("auth.sign_out"), onclick: async () => { await signOut(); location.href = `${toRoot}index.html`; } })
        : el("a", { class: "switch button", href: signInHref(), text: t("auth.sign_in") }),
    ));
  const nav = el("nav", { class: "site-nav", "aria-label": t("nav.label") },
    el("ul", {}, ...NAV.map(([href, key]) => el("li", {},
      el("a", { href: toRoot + href, text: t(key), "aria-current": href === here() ? "page" : null })))));
  const skip = el("a", { class: "skip-link", href: "#main", text: t("nav.skip") });
  document.body.prepend(skip, header, offlineBanner(), nav);
  document.body.append(el("footer", { class: "site-footer" }, el("p", { text: t("site.footer") })));
  document.title = `${t(page + ".title")} · ${t("site.name")}`;
}

// Every page starts here: preferences, strings, config, frame. Returns the site config.
export async function boot(page) {
  const chosen = prefs();
  state.lang = chosen.lang === "en" ? "en" : "zh";
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.documentElement.classList.toggle("large", !!chosen.large);
  // The workbench's strings are a file of their own, so residents' phones never download them.
  const staffPage = location.pathname.includes("/staff/");
  const [strings, config, staffStrings] = await Promise.all([
    getJson(`${toRoot}i18n/${state.lang}.json`), getJson(`${toRoot}config.json`),
    staffPage ? getJson(`${toRoot}i18n/staff.${state.lang}.json`) : {}]);
  state.strings = { ...strings, ...staffStrings };
  state.config = config;
  await moveOldSession();
  renderFrame(page);
  translate(document);
  installable();
  if (currentSession()) refreshBell();
  return config;
}

// ---- the inbox's bell, the offline banner, the installable app -----------------------------

function bell(here) {
  return el("a", { class: "switch button bell", id: "bell", href: `${toRoot}inbox.html`, "aria-current": here === "inbox.html" ? "page" : null },
    el("span", { text: t("inbox.bell") }), " ", el("span", { class: "bell-count", id: "bell-count", hidden: true }));
}

let bellAsked = 0;
// The count is a courtesy: a page never waits for it nor fails because of it.
export async function refreshBell(known) {
  const link = document.getElementById("bell");
  if (!link) return;
  const asked = ++bellAsked;
  let unread = known;
  if (unread === undefined) {
    try { unread = (await api("GET", "/notifications/read", { retry: false })).unread; } catch { return; }
  }
  if (asked !== bellAsked) return;  // a newer count (the inbox just marked read) came first
  const count = document.getElementById("bell-count");
  count.textContent = unread > 99 ? "99+" : String(unread);
  count.hidden = !unread;
  link.setAttribute("aria-label", unread ? t("inbox.bell_unread", { count: count.textContent }) : t("inbox.bell"));
}

// Says once, politely, that the connection is gone and that what is sent now waits for it.
function offlineBanner() {
  const banner = el("div", { class: "offline-banner", id: "offline-banner", role: "status" });
  // Kept in the page while empty: a live region only speaks when it was already there.
  const show = () => { banner.textContent = navigator.onLine ? "" : t("offline.banner"); };
  addEventListener("online", show);
  addEventListener("offline", show);
  show();
  return banner;
}

// The manifest for pages whose HTML does not link it yet, and the service worker (sw.js).
function installable() {
  if (!document.querySelector('link[rel="manifest"]')) document.head.append(el("link", { rel: "manifest", href: `${toRoot}manifest.webmanifest` }));
  if ("serviceWorker" in navigator && location.protocol !== "file:") navigator.serviceWorker.register(`${toRoot}sw.js`).catch(() => null);
}

// The worker keeps the last-read lists by person; a signed-out device keeps none of them.
const LISTS_CACHE = "mulin-lists";
function forgetLists() { if (globalThis.caches) caches.delete(LISTS_CACHE).catch(() => null); }

// ---- sign-in (Cognito's own endpoint; the API only ever sees the ID token) ----------------

export async function cognito(target, body) {
  let response;
  try {
    response = await fetch(state.config.cognito_endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSCognitoIdentityProviderService.${target}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new NetworkError();
  }
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const type = String(payload.__type || "").split("#").pop();
    throw new ApiError(response.status, { code: type || "sign_in_failed", message: payload.message });
  }
  return payload;
}

function tokenExpiry(token) {
  try {
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return claims.exp * 1000;
  } catch {
    return 0;
  }
}

// Where a session's parts are kept. The refresh token, which lasts 30 days, is never kept by
// script: the API holds it in an HttpOnly, SameSite=Strict cookie scoped to its /session
// routes (POST /session at sign-in), so an injected script can neither read it nor send it
// off. What script must hold it holds briefly: the ID and access tokens (60 minutes, sent as
// Authorization and to Cognito's account calls) sit in memory and in sessionStorage, which
// keeps them across this tab's page loads (every page is a document of its own) and dies
// with the tab. localStorage only says which pool this browser signed in through, so other
// tabs know they are signed in and renew through the cookie.
const TOKENS_KEY = "mulin.tokens";
let tokens = null;
let renewing = null;

function storedTokens() {
  if (tokens) return tokens;
  try { tokens = JSON.parse(sessionStorage.getItem(TOKENS_KEY)); } catch { tokens = null; }
  return tokens;
}
function keepTokens(id, access) {
  tokens = { id, access };
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
}
function forgetSession() {
  forgetLists();
  tokens = null;
  sessionStorage.removeItem(TOKENS_KEY);
  localStorage.removeItem(SESSION_KEY);
}

function marker() {
  try {
    const stored = JSON.parse(localStorage.getItem(SESSION_KEY));
    return stored?.pool ? stored : null;
  } catch {
    return null;
  }
}

export function currentSession() {
  const signedIn = marker();
  return signedIn ? { ...signedIn, ...(storedTokens() || {}) } : null;
}

async function sessionCall(method, path) {
  try {
    return await fetch(state.config.api_base + path, {
      method, credentials: "same-origin", keepalive: method === "DELETE",
      headers: { Accept: "application/json", "Content-Type": "application/json" }, body: "{}",
    });
  } catch {
    throw new NetworkError();
  }
}

// Signs out here and asks the API to revoke the refresh token and clear its cookie. Awaiting
// it is best before leaving the page; the request is sent with keepalive either way.
export async function signOut() {
  forgetSession();
  await sessionCall("DELETE", "/session").catch(() => null);
}

// The refresh token goes to the API, which keeps it in its cookie; only the ID and access
// tokens stay with the page. `client` names the pool signed in through, so renewals ask it.
export async function saveSession(result, client) {
  const pool = client && client === state.config?.officials_user_pool_client_id ? "officials" : "residents";
  let response;
  try {
    response = await fetch(state.config.api_base + "/session", {
      method: "POST", credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: result.RefreshToken, pool }),
    });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null), response.headers.get("Retry-After"));
  }
  keepTokens(result.IdToken, result.AccessToken);
  localStorage.setItem(SESSION_KEY, JSON.stringify({ pool }));
}

// New tokens from the cookie's refresh token: the claims are read again, so a residence staff
// have just verified or a number just changed is in the next ID token. Calls made at once
// share one renewal.
export function renewSession() {
  if (!marker()) return Promise.resolve(null);
  renewing ??= (async () => {
    const response = await sessionCall("POST", "/session/refresh");
    const payload = await response.json().catch(() => null);
    if (response.status === 401 || response.status === 403) {
      forgetSession();
      return null;
    }
    if (!response.ok) throw new ApiError(response.status, payload, response.headers.get("Retry-After"));
    keepTokens(payload.id_token, payload.access_token);
    return currentSession();
  })().finally(() => { renewing = null; });
  return renewing;
}

// A session kept the old way (every token in localStorage) moves its refresh token into the
// cookie once and forgets it; one the API refuses is simply signed out.
async function moveOldSession() {
  let old = null;
  try { old = JSON.parse(localStorage.getItem(SESSION_KEY)); } catch { old = null; }
  if (!old || old.pool || !old.refresh) return;
  localStorage.removeItem(SESSION_KEY);
  await saveSession({ RefreshToken: old.refresh, IdToken: old.id, AccessToken: old.access }, old.client).catch(() => null);
}

// A token that ran out while a resident was typing is renewed silently: no input is lost to
// a timeout.
async function idToken() {
  const session = currentSession();
  if (!session) return null;
  if (session.id && tokenExpiry(session.id) - Date.now() > 60_000) return session.id;
  return (await renewSession())?.id ?? null;
}

export async function accessToken() {
  const session = currentSession();
  if (!session) return null;
  if (session.access && tokenExpiry(session.access) - Date.now() > 60_000) return session.access;
  return (await renewSession())?.access ?? null;
}

export function requireSignIn() {
  if (currentSession()) return true;
  location.replace(signInHref());
  return false;
}

// ---- API ---------------------------------------------------------------------------------

export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function callOnce(method, path, { body, idempotencyKey, auth }) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  if (auth) {
    const token = await idToken();
    if (!token) throw new SignInNeeded();
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(state.config.api_base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new NetworkError();
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, payload, response.headers.get("Retry-After"));
  return payload;
}

// Reads are retried; writes only when they carry an Idempotency-Key (or are naturally
// idempotent, like a ballot keyed by voter and round: pass retry: true).
export async function api(method, path, { body, idempotencyKey, auth = true, retry } = {}) {
  const mayRetry = retry ?? (method === "GET" || !!idempotencyKey);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await callOnce(method, path, { body, idempotencyKey, auth });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) { signOut(); throw new SignInNeeded(); }
      if (!mayRetry || !error.retryable || attempt >= RETRY_WAITS_MS.length) throw error;
      const asked = Number(error.retryAfter) * 1000;
      await wait(Math.min(Number.isFinite(asked) && asked > 0 ? asked : RETRY_WAITS_MS[attempt], 5000));
    }
  }
}

export function param(name) { return new URLSearchParams(location.search).get(name); }
