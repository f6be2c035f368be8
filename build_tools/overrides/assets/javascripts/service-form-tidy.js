// Tidying what people type into the "Add or update your service" form, so that an answer in a
// different but clear form is accepted instead of refused: "dy98lp" is DY9 8LP. Pure functions.

// A full postcode in capitals with one space ("dy98lp" -> "DY9 8LP"); a district stays as it is
// ("dy8" -> "DY8"); anything else is left for the checks to name.
export function tidyPostcode(text) {
  const squashed = text.replace(/\s+/g, "").toUpperCase();
  const full = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/.exec(squashed);
  if (full) return `${full[1]} ${full[2]}`;
  if (/^[A-Z]{1,2}[0-9][0-9A-Z]?$/.test(squashed)) return squashed;
  return text.trim();
}

// A UK number spaced as people read it: 01632960511 -> 01632 960511, 02079460000 ->
// 020 7946 0000, 08001234567 -> 0800 123 4567. Numbers in another shape are left as typed.
export function tidyPhone(text) {
  const digits = text.replace(/[\s().-]/g, "");
  const national = digits.startsWith("+44") ? `0${digits.slice(3).replace(/^0/, "")}` : digits;
  if (!/^0\d{10}$/.test(national)) return text.trim().replace(/\s+/g, " ");
  let spaced;
  if (/^02/.test(national)) spaced = `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  else if (/^0(3|8|9)|^01\d1|^011/.test(national)) spaced = `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  else spaced = `${national.slice(0, 5)} ${national.slice(5)}`;
  return digits.startsWith("+44") ? `+44 ${spaced.slice(1)}` : spaced;
}

// A web address with https:// in front when it was left off: "www.example.org" or
// "example.org/club" -> "https://...". Text that is not an address is left for the checks.
export function tidyUrl(text) {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}

// A time from a time picker, which may add seconds: "09:30:00" -> "09:30".
export function tidyTime(text) {
  const match = /^(\d{1,2}):(\d{2})(:\d{2}(\.\d+)?)?$/.exec(text.trim());
  return match ? `${match[1].padStart(2, "0")}:${match[2]}` : text.trim();
}

// The tidied value of a form control, by what it asks for.
export function tidyControl(control) {
  const value = control.value;
  if (!value) return value;
  if (control.id.endsWith("-postcode")) return tidyPostcode(value);
  if (control.type === "tel") return tidyPhone(value);
  if (control.type === "url") return tidyUrl(value);
  if (control.type === "time") return tidyTime(value);
  return value;
}

// A venue that is someone's home keeps no street, no map point and only the first half of the
// postcode, so that none of them leaves the provider's computer.
export function keepHomesPrivate(entry) {
  for (const venue of entry.locations || []) {
    if (venue.private !== true) continue;
    delete venue.address;
    delete venue.latitude;
    delete venue.longitude;
    if (typeof venue.postcode === "string") venue.postcode = venue.postcode.split(" ")[0];
  }
  return entry;
}
