// One question per screen for long forms: the sections marked data-step are shown one at
// a time, the heading of each takes focus so a screen reader starts reading there, and a
// step is only left forward once its own fields are filled.
import { t } from "./core.js";

export function steps(form, { indicator, onShow, check } = {}) {
  const sections = [...form.querySelectorAll("[data-step]")];
  let current = 0;

  function show(index, { focus = true } = {}) {
    current = Math.max(0, Math.min(index, sections.length - 1));
    sections.forEach((section, i) => { section.hidden = i !== current; });
    if (indicator) indicator.textContent = t("form.step", { n: current + 1, m: sections.length });
    onShow?.(current, sections[current]);
    if (focus) sections[current].querySelector("h2")?.focus();
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-go]");
    if (!button) return;
    event.preventDefault();
    if (button.dataset.go === "back") show(current - 1);
    else if (!check || check(sections[current], current)) show(current + 1);
  });

  return {
    show,
    get current() { return current; },
    get count() { return sections.length; },
    isLast: () => current === sections.length - 1,
    // After the API refuses a field on an earlier screen, go back to that screen.
    showStepOf(element) {
      const index = sections.findIndex((section) => section.contains(element));
      if (index >= 0 && index !== current) show(index, { focus: false });
      element.focus();
    },
  };
}
