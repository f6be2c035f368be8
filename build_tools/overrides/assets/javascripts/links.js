// Every mailto:, tel: and sms: link the scripts make, each built by one function here, with the
// rules of build_tools/links.py. An address never goes into a link as it was typed:
// `mailto:a@b.example?bcc=c@d.example` would send a copy to a stranger, so everything but the
// characters an address is made of is percent-encoded, and the subject and body are encoded whole.
// An address that is not one plain address is left out of the link, which then goes to no one
// (some mail programs decode `a%2Cb` to `a,b` and write to both): validation refuses such
// addresses before they get here.

// The same pattern as PLAIN_ADDRESS in build_tools/schema.py (a unit test keeps them equal).
export const PLAIN_ADDRESS = /^(?:[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/;
const ADDRESS_KEEP = /^[A-Za-z0-9@.+_-]$/;

function encodeAddress(address) {
  return Array.from(String(address).trim(), (character) =>
    ADDRESS_KEEP.test(character) ? character : encodeURIComponent(character).replace(/[!'()*~]/g, escapeMark),
  ).join("");
}

// encodeURIComponent leaves these marks as they are; an address has no use for them in a link.
function escapeMark(mark) {
  return `%${mark.charCodeAt(0).toString(16).toUpperCase()}`;
}

// A mailto: link to one address, or to no one ("choose who to send it to") when the address
// is "" or not one plain address.
export function mailtoHref(address, { subject = "", body = "" } = {}) {
  const trimmed = String(address).trim();
  const to = PLAIN_ADDRESS.test(trimmed) ? trimmed : "";
  const fields = [];
  if (subject) fields.push(`subject=${encodeURIComponent(subject)}`);
  if (body) fields.push(`body=${encodeURIComponent(body)}`);
  return `mailto:${encodeAddress(to)}${fields.length ? `?${fields.join("&")}` : ""}`;
}

// A UK number in international form, digits only: 01632 960123 -> +441632960123.
function international(number) {
  const kept = String(number).replace(/[^\d+]/g, "");
  const plus = kept.startsWith("+");
  const digits = kept.replace(/\+/g, "");
  if (plus && digits.startsWith("44")) return `+44${digits.slice(2).replace(/^0+/, "")}`;
  if (!plus && digits.startsWith("0")) return `+44${digits.slice(1)}`;
  return `${plus ? "+" : ""}${digits}`;
}

export function telHref(number) {
  return `tel:${international(number)}`;
}

export function smsHref(number) {
  return `sms:${international(number)}`;
}
