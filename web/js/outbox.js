// Sends made without a connection wait on the device, beside the draft they came from, and
// go when it returns: with the Idempotency-Key of the press that made them, so however late
// and however often they are tried, the API makes one record.
import { NetworkError, api } from "./core.js";

const PREFIX = "mulin.outbox.";
// `online` is the signal; this catches a connection that came back without one.
const RETRY_EVERY_MS = 30_000;

export function outbox(name, { onSending, onSent, onRefused }) {
  const key = PREFIX + name;
  let flushing = false;
  const waiting = () => {
    try { return JSON.parse(localStorage.getItem(key)); } catch { return null; }
  };

  async function flush() {
    const send = waiting();
    if (!send || flushing || !navigator.onLine) return;
    flushing = true;
    onSending?.();
    try {
      const result = await api(send.method, send.path, { body: send.body, idempotencyKey: send.idempotencyKey });
      localStorage.removeItem(key);
      onSent(result);
    } catch (error) {
      if (error instanceof NetworkError) return;  // still offline: keep waiting
      localStorage.removeItem(key);  // the API answered: the resident decides what next
      onRefused(error);
    } finally {
      flushing = false;
    }
  }
  addEventListener("online", flush);
  setInterval(flush, RETRY_EVERY_MS);

  return {
    waiting: () => !!waiting(),
    flush,
    // The API's answer; null when the send was kept for later.
    async send(method, path, { body, idempotencyKey }) {
      try {
        return await api(method, path, { body, idempotencyKey });
      } catch (error) {
        // A device that believes it is online gets the usual "retry" instead: the failure may
        // be this one request, and the resident is there to press again.
        if (!(error instanceof NetworkError) || !idempotencyKey || navigator.onLine) throw error;
        localStorage.setItem(key, JSON.stringify({ method, path, body, idempotencyKey }));
        return null;
      }
    },
  };
}
