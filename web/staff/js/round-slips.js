// Paper voting codes as printed slips: the code, and a QR code that opens the round's ballot
// with the code box (the code itself stays off the URL, as the residents' vote page wants it).
import { el, t } from "../../js/core.js";

export async function showSlips(round, codes) {
  // 52 KB that only this step needs: fetched when codes are issued.
  const { default: qrcode } = await import("../../vendor/qrcode.js");
  const link = new URL(`../vote.html?round=${round.id}&paper=1`, location.href).href;
  const qr = qrcode(0, "M");
  qr.addData(link);
  qr.make();
  const image = qr.createDataURL(4, 4);
  document.getElementById("slips").replaceChildren(...codes.map((code) => el("li", { class: "slip" },
    el("p", { class: "slip-round", text: round.title }),
    el("p", { class: "big-number slip-code", text: code }),
    el("img", { src: image, width: "132", height: "132", alt: t("staff.round.slip_qr_alt") }),
    el("p", { class: "slip-how", text: t("staff.round.slip_how") }),
    el("p", { class: "slip-link", text: link }))));
  const view = document.getElementById("slips-view");
  view.hidden = false;
  document.body.classList.add("printing-slips");
  document.getElementById("slips-heading").focus();
}

document.getElementById("print")?.addEventListener("click", () => print());
