// Pieces shared by the screens that wait for an SMS code or take a new password: the resend
// button with its 60-second wait, and "show password" for residents who mistype on a phone.
import { t } from "./core.js";

const WAIT_MS = 60_000;
const SENT_PREFIX = "mulin.code-sent.";

// The wait is counted from when the last code was sent, even across a reload, so reloading
// never buys an extra message. The button keeps its name; the seconds are in its hint, which
// is not read aloud every second.
export function resendControl(button, hint, flow, resend) {
  const key = SENT_PREFIX + flow;
  let timer = null;
  let busy = false;
  const left = () => Math.ceil(((Number(localStorage.getItem(key)) || 0) + WAIT_MS - Date.now()) / 1000);

  function render() {
    const seconds = left();
    if (seconds > 0) {
      button.setAttribute("aria-disabled", "true");
      hint.textContent = t("auth.resend_in", { s: seconds });
      return;
    }
    button.removeAttribute("aria-disabled");
    hint.textContent = "";
    clearInterval(timer);
    timer = null;
  }
  function watch() {
    render();
    if (!timer && left() > 0) timer = setInterval(render, 1000);
  }
  button.addEventListener("click", async () => {
    if (busy || left() > 0) return;
    busy = true;
    try {
      if (await resend() !== false) { localStorage.setItem(key, String(Date.now())); watch(); }
    } finally {
      busy = false;
    }
  });
  return {
    sent() { localStorage.setItem(key, String(Date.now())); watch(); },
    watch,
    forget() { localStorage.removeItem(key); clearInterval(timer); timer = null; },
  };
}

export function revealToggles(root) {
  for (const toggle of root.querySelectorAll("input[data-reveal]")) {
    const target = root.querySelector(`#${CSS.escape(toggle.dataset.reveal)}`);
    toggle.addEventListener("change", () => { target.type = toggle.checked ? "text" : "password"; });
  }
}
