// The service worker: the pages' shell and the resident's last-read lists stay readable on a
// bad connection or none. A new VERSION (bump it when the shell list or these rules change)
// installs beside the old worker and, once active, deletes the old caches.
const VERSION = "2026-12-05.3";
const SHELL = `mulin-shell-${VERSION}`;
const LISTS = "mulin-lists"; // core.js deletes it at sign-out
// Fetched at install, so the first offline visit already has a frame to show; every other
// page, module and string file joins the cache the first time it is loaded.
const PRECACHE = ["index.html", "suggest.html", "my-suggestions.html", "inbox.html", "css/site.css", "js/core.js",
  "js/forms.js", "js/steps.js", "js/photos.js", "js/suggest.js", "js/outbox.js", "js/my-suggestions.js", "js/inbox.js",
  "js/index.js", "js/live-index.js", "i18n/zh.json", "i18n/en.json", "config.json", "favicon.svg", "manifest.webmanifest"];
const SHELL_FILE = /\.(html|js|css|json|svg|png|webmanifest)$|\/$/;
// The resident's own lists, the only API answers kept: never another person's data, never
// anything a token could be read from (the cache holds the response, not the request).
const OWN_LISTS = /\/(suggestions\/mine|funds\/applications\/mine|notifications\/mine)$/;
// A slow network still wins if it answers within this; past it, the kept copy is shown.
const PATIENCE_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("mulin-shell-") && n !== SHELL).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (OWN_LISTS.test(url.pathname) && request.headers.get("Authorization")) {
    event.respondWith(ownList(request));
  } else if (url.origin === location.origin && !request.headers.get("Authorization")
             && !url.pathname.startsWith("/local/") && !url.pathname.includes("/summaries/")
             && (request.mode === "navigate" || SHELL_FILE.test(url.pathname))) {
    event.respondWith(shell(request));
  }
});

// Fresh when the network answers (a deploy shows at once), the kept copy when it cannot.
async function shell(request) {
  const cache = await caches.open(SHELL);
  const network = fetch(request).then((response) => {
    // One copy per file: a page's ?id= changes what its script shows, not the file.
    if (response.ok && response.type === "basic") cache.put(new URL(request.url).pathname, response.clone());
    return response;
  });
  try {
    return await withPatience(network, () => kept(cache, request));
  } catch {
    return (await kept(cache, request)) || Response.error();
  }
}

// The kept copy as a response of no address of its own: a navigation answered with the stored
// response would take that response's address, and a page opened as round.html?round=B would
// become the round.html it was first stored from, losing the ?round= its script reads.
async function kept(cache, request) {
  const stored = await cache.match(request, { ignoreSearch: true });
  return stored && new Response(stored.body, { status: stored.status, statusText: stored.statusText, headers: stored.headers });
}

// Network first: a list that lags behind the suggestion just sent would tell a resident it
// was lost. Offline, the last list this person read, kept under a digest of who they are.
async function ownList(request) {
  const key = await personalKey(request);
  const cache = await caches.open(LISTS);
  try {
    const response = await fetch(request);
    if (response.ok && key) cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = key && (await cache.match(key));
    if (kept) return kept;
    throw error;
  }
}

async function personalKey(request) {
  try {
    const token = request.headers.get("Authorization").split(" ")[1];
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(claims.sub));
    const who = Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
    const url = new URL(request.url);
    url.searchParams.set("__who", who);
    return url.toString();
  } catch {
    return null;
  }
}

function withPatience(network, fallback) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(async () => {
      const kept = await fallback();
      if (kept) resolve(kept);
    }, PATIENCE_MS);
    network.then((response) => { clearTimeout(timer); resolve(response); },
      (error) => { clearTimeout(timer); reject(error); });
  });
}
