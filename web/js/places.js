// District → street → committee, each list filled from GET /divisions/{code} when the one above
// it is chosen (the same choice suggest.html offers). A list fetched once is not fetched again.
import { api, el, t } from "./core.js";

const CITY = "31";
const children = new Map();

async function childrenOf(code) {
  if (!children.has(code)) children.set(code, (await api("GET", `/divisions/${code}`, { auth: false })).children);
  return children.get(code);
}

async function fill(select, parent, chosen) {
  const options = parent ? await childrenOf(parent) : [];
  select.replaceChildren(el("option", { value: "", text: t("suggest.choose") }),
    ...options.map((d) => el("option", { value: d.code, text: d.name })));
  select.value = options.some((d) => d.code === chosen) ? chosen : "";
}

// `selects` = { district, street, committee }; `onChange` runs after any list changes (to save a draft).
export function placePicker(selects, onChange = () => {}) {
  selects.district.addEventListener("change", async () => {
    await fill(selects.street, selects.district.value, "");
    await fill(selects.committee, "", "");
    onChange();
  });
  selects.street.addEventListener("change", async () => {
    await fill(selects.committee, selects.street.value, "");
    onChange();
  });
  return {
    // Opens at `code` (a district, street or committee), or at nothing chosen.
    async show(code = "") {
      await fill(selects.district, CITY, code.slice(0, 6));
      await fill(selects.street, selects.district.value, code.length >= 9 ? code.slice(0, 9) : "");
      await fill(selects.committee, selects.street.value, code.length === 12 ? code : "");
      onChange();
    },
    get committee() { return selects.committee.value; },
    get label() {
      return [selects.district, selects.street, selects.committee].filter((s) => s.value)
        .map((s) => s.selectedOptions[0].text).join(" · ");
    },
  };
}
