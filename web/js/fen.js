// Money arrives as integer fen and is shown as yuan by cutting the digits as text: no
// division into a float, so a sum of many lines never comes out a fen off.
import { state } from "./core.js";

export function fenText(fen) {
  const digits = String(Math.abs(fen)).padStart(3, "0");
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = fen < 0 ? "-" : "";
  return `${sign}${state.lang === "zh" ? "¥" : "CN¥"}${whole}.${digits.slice(-2)}`;
}

// Residents type numbers as their keyboard gives them: full-width digits, 。 or ． as the
// point, thousands separators, a ¥ in front.
function normalised(text) {
  return String(text ?? "").normalize("NFKC").replace(/。/g, ".").replace(/[\s,¥]/g, "");
}

// Yuan to integer fen from the digits themselves, so no binary fraction ever touches money.
// Anything above what a Number holds exactly is left for the page to call "not a number".
export function yuanToFen(text) {
  const match = /^(\d{0,12})(?:\.(\d{0,2}))?$/.exec(normalised(text));
  if (!match || !/\d/.test(match[0])) return null;
  return Number(match[1] || "0") * 100 + Number((match[2] || "").padEnd(2, "0"));
}

export function wholeNumber(text) {
  const digits = normalised(text);
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}
