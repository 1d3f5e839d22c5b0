// Which year's pool a committee's fund pages work in.
import { ApiError, api } from "./core.js";

function shanghaiToday() {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(new Date());
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

// From 20 December a public notice would outlast this year's pool, so applications go to
// next year's; the other year is tried when that one has no pool.
export async function findPool(committee) {
  const today = shanghaiToday();
  const years = today.month === 12 && today.day >= 20 ? [today.year + 1, today.year] : [today.year, today.year + 1];
  for (const year of years) {
    try {
      return { year, pool: await api("GET", `/funds/pools/${committee}/${year}`) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 404) break;
    }
  }
  return { year: years[0], pool: null };
}
