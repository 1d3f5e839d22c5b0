// Money arrives as integer fen and is shown as yuan by cutting the digits as text: no
// division into a float, so a sum of many lines never comes out a fen off.
import { state } from "./core.js";

export function fenText(fen) {
  const digits = String(Math.abs(fen)).padStart(3, "0");
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = fen < 0 ? "-" : "";
  return `${sign}${state.lang === "zh" ? "¥" : "CN¥"}${whole}.${digits.slice(-2)}`;
}
