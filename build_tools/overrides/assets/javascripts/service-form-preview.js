// The live preview of the "Add or update your service" form: the service's card and page as
// families will see them, built in the browser with the same sections, headings and words as
// the site's own page (build_tools/directory/service_page.py) and card (build_tools/directory/cards.py). A browser test
// compares the preview with the built page for a sample service.
//
// Every value is set as textContent, never as HTML: provider text cannot add markup here, just
// as it cannot on the site.

import { element, link } from "./dom.js";
import { mailtoHref, smsHref, telHref } from "./links.js";
import { joinPhrases } from "./phrases.js";

function labelsOf(spec, path) {
  let nodes = spec.fields;
  let node = null;
  for (const key of path) {
    node = nodes.find((candidate) => candidate.key === key);
    if (!node) return {};
    nodes = node.children || [];
  }
  return node.labels || {};
}

function listWords(values, labels, joiner = ", ") {
  return (values || []).map((value) => labels[value] || value).join(joiner);
}

function labelWords(spec, values, path) {
  const labels = labelsOf(spec, path);
  return (values || []).map((value) => labels[value] || value);
}

function routesText(spec, entry) {
  return joinPhrases(labelWords(spec, (entry.how_to_access || {}).routes, ["how_to_access", "routes"]), "or");
}

function ageText(low, high) {
  if (!Number.isInteger(low) || !Number.isInteger(high)) return "";
  if (low === high) return low === 1 ? "1 year" : `${low} years`;
  if (low === 0) return `birth to ${high} years`;
  return `${low} to ${high} years`;
}

function money(amount) {
  return `£${Number(amount).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function costText(spec, entry) {
  const cost = entry.cost || {};
  if (cost.free === true) return "Free";
  const units = labelsOf(spec, ["cost", "options", "per"]);
  const prices = (cost.options || [])
    .filter((option) => typeof option.amount === "number")
    .map((option) => `${money(option.amount)} ${units[option.per] || ""}`.trim());
  return prices.length ? prices.join("; ") : "There is a charge";
}

function needsText(spec, entry) {
  if ((entry.needs || []).includes("all")) return "All needs";
  return listWords(entry.needs, labelsOf(spec, ["needs"]), "; ");
}

function areasText(spec, entry) {
  return listWords(entry.service_areas, labelsOf(spec, ["service_areas"])) || "Not stated";
}

function scheduleText(spec, slot) {
  const parts = [];
  const names = (slot.days || []).map((day) => labelsOf(spec, ["schedules", "days"])[day] || day);
  if (names.length) parts.push(names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);
  if (slot.opens && slot.closes) parts.push(`${slot.opens} to ${slot.closes}`);
  else if (slot.opens) parts.push(`from ${slot.opens}`);
  if (slot.term_time_only) parts.push("term time only");
  if (slot.notes) parts.push(slot.notes);
  return parts.join(", ");
}

function longDate(text) {
  const day = new Date(`${text}T12:00:00`);
  if (Number.isNaN(day.getTime())) return text;
  return day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

function shortUrl(url) {
  return url.replace(/^https?:\/\/(www\.)?/, "").replace(/\/+$/, "");
}

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

// Provider text in the simple Markdown the site allows: paragraphs, lists, **bold** and links.
function inline(parent, text) {
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    parent.append(text.slice(at, match.index));
    if (match[1] !== undefined) {
      parent.append(element("strong", match[1]));
    } else {
      parent.append(link(match[2], SAFE_LINK.test(match[3]) ? match[3] : "#"));
    }
    at = match.index + match[0].length;
  }
  parent.append(text.slice(at));
}

// Wrapped in <div class="lo-provider-text">, as the service page wraps provider text
// (wording.provider_html), so the preview has the page's structure and styles.
function markdown(text) {
  const wrapper = element("div", undefined, "lo-provider-text");
  const blocks = [];
  for (const block of String(text || "").split(/\n\s*\n/)) {
    const lines = block.split("\n").map((line) => line.trim()).filter(Boolean);
    if (!lines.length) continue;
    const bullets = lines.every((line) => /^[-*+]\s+/.test(line));
    const numbers = lines.every((line) => /^\d+[.)]\s+/.test(line));
    if (bullets || numbers) {
      const list = element(numbers ? "ol" : "ul");
      for (const line of lines) {
        const item = element("li");
        inline(item, line.replace(/^([-*+]|\d+[.)])\s+/, ""));
        list.append(item);
      }
      blocks.push(list);
    } else {
      const paragraph = element("p");
      inline(paragraph, lines.join(" "));
      blocks.push(paragraph);
    }
  }
  wrapper.append(...blocks);
  return wrapper;
}

// Headings sit lower in the form page's outline than on the service page (whose <h1> is the
// service name); data-level keeps the level they have on the site.
function heading(level, text, shift) {
  const node = element(`h${Math.min(level + shift, 6)}`, text, "lo-preview-heading");
  node.dataset.level = String(level);
  return node;
}

function glance(spec, entry) {
  const rows = [
    ["Ages", ageText((entry.age_range || {}).min, (entry.age_range || {}).max)],
    ["Cost", costText(spec, entry)],
    ["Needs", needsText(spec, entry)],
    ["Area", areasText(spec, entry)],
    ["How to get it", routesText(spec, entry)],
  ];
  if ((entry.delivery || []).length) rows.push(["Delivered", joinPhrases(labelWords(spec, entry.delivery, ["delivery"]))]);
  return definitionList(rows, "lo-glance");
}

function definitionList(rows, className) {
  const list = element("dl", undefined, className);
  for (const [term, value] of rows) list.append(element("dt", term), element("dd", value));
  return list;
}

function contactLines(contact, shift) {
  const nodes = [heading(3, contact.role || "", shift)];
  const list = element("ul");
  const rows = [
    ["Phone", contact.phone, telHref],
    ["Text", contact.text, smsHref],
    ["Email", contact.email, (v) => mailtoHref(v)],
    ["Website", contact.website, (v) => (SAFE_LINK.test(v) ? v : "#"), shortUrl],
  ];
  for (const [label, value, href, shown = (v) => v] of rows) {
    if (!value) continue;
    const item = element("li", `${label}: `);
    item.append(link(shown(value), href(value)));
    list.append(item);
  }
  if (list.children.length) nodes.push(list);
  return nodes;
}

function venueLines(spec, venue, shift) {
  const nodes = [heading(3, venue.name || "", shift)];
  const where = venue.private
    ? `A private home in ${venue.town || ""} (${venue.postcode || ""}). You will be given the address when you book.`
    : [venue.address, venue.town, venue.postcode].map((part) => part || "").join(", ");
  nodes.push(element("p", where));
  if ((venue.accessibility || []).length) {
    nodes.push(element("p", "Accessibility:"));
    const list = element("ul");
    const labels = labelsOf(spec, ["locations", "accessibility"]);
    for (const feature of venue.accessibility) list.append(element("li", labels[feature] || feature));
    nodes.push(list);
  }
  if (venue.transport) nodes.push(element("p", `Getting there: ${venue.transport}`));
  return nodes;
}

function sections(spec, entry, shift) {
  const nodes = [heading(1, entry.name || "Your service's name", shift), element("p", entry.summary || "")];
  if (entry.status === "temporarily-closed") {
    nodes.push(element("p", "Temporarily closed. This service is temporarily closed. Contact them to find out more.", "lo-notice"));
  }
  nodes.push(heading(2, "At a glance", shift), glance(spec, entry));
  nodes.push(heading(2, "About this service", shift), markdown(entry.description));
  nodes.push(element("p", `Run by ${(entry.organisation || {}).name || ""}.`));
  const who = entry.eligibility || {};
  nodes.push(heading(2, "Who can use it", shift), markdown(who.description));
  if (who.ehc_plan_needed) nodes.push(element("p", "You need an education, health and care (EHC) plan to use this service."));
  if (who.diagnosis_needed) nodes.push(element("p", "Your child needs a diagnosis to use this service."));
  const access = entry.how_to_access || {};
  nodes.push(heading(2, "How to get it", shift));
  nodes.push(element("p", `${routesText(spec, entry)}.`));
  if ((access.steps || []).length) {
    const steps = element("ol");
    for (const step of access.steps) steps.append(element("li", step));
    nodes.push(steps);
  }
  const cost = entry.cost || {};
  if (cost.free !== true && cost.description) {
    nodes.push(heading(2, "Cost", shift), element("p", costText(spec, entry)), markdown(cost.description));
  }
  nodes.push(heading(2, "Contact", shift));
  for (const contact of entry.contacts || []) nodes.push(...contactLines(contact, shift));
  if ((entry.locations || []).length) {
    nodes.push(heading(2, "Where", shift));
    for (const venue of entry.locations) nodes.push(...venueLines(spec, venue, shift));
  }
  if ((entry.schedules || []).length) {
    const list = element("ul");
    for (const slot of entry.schedules) list.append(element("li", scheduleText(spec, slot)));
    nodes.push(heading(2, "When", shift), list);
  }
  if ((entry.languages || []).length) {
    nodes.push(heading(2, "Languages", shift), element("p", `${listWords(entry.languages, labelsOf(spec, ["languages"]))}.`));
  }
  nodes.push(...localOffer(spec, entry.local_offer || {}, shift));
  if (entry.inclusion_charter) nodes.push(element("p", "This provider has signed Dudley's Inclusion Charter."));
  if (entry.last_reviewed) nodes.push(element("p", `Last checked on ${longDate(entry.last_reviewed)}.`));
  return nodes;
}

function localOffer(spec, answers, shift) {
  const questions = (spec.fields.find((node) => node.key === "local_offer") || {}).children || [];
  const given = questions.filter((q) => q.key !== "sen_information_report" && answers[q.key]);
  if (!given.length && !answers.sen_information_report) return [];
  const nodes = [heading(2, "Local Offer answers", shift)];
  for (const question of given) nodes.push(heading(3, question.title, shift), markdown(answers[question.key]));
  if (answers.sen_information_report) {
    const address = answers.sen_information_report;
    const paragraph = element("p");
    paragraph.append(link("Read the SEN information report", SAFE_LINK.test(address) ? address : "#"));
    nodes.push(paragraph);
  }
  return nodes;
}

// The card, as in the directory's lists (directory/cards.py): name, summary and four facts.
function card(spec, entry) {
  // The card inside the list item, not the list item itself, so that the shortlist's script
  // (which watches for new li.lo-card elements) leaves it alone.
  const item = element("div", undefined, "lo-card");
  const title = element("h4"); // under "In the list of services" (h3)
  const name = element("a", entry.name || "Your service's name");
  name.href = "#lo-preview-page";
  title.append(name);
  item.append(title);
  if (entry.status === "temporarily-closed") item.append(element("p", "Temporarily closed", "lo-notice"));
  item.append(element("p", (entry.summary || "").split(/\s+/).join(" ")));
  const facts = [
    ["Ages", ageText((entry.age_range || {}).min, (entry.age_range || {}).max)],
    ["Cost", costText(spec, entry)],
    ["Area", areasText(spec, entry)],
    ["Needs", needsText(spec, entry)],
  ];
  item.append(definitionList(facts, "lo-facts"));
  return item;
}

// Draw the card into `cardList` (a <ul class="lo-preview-results">) and the page into `page`, whose
// headings go under "The service's page" (h3): the page's <h1> becomes an <h4>.
export function renderPreview(spec, entry, cardList, page) {
  const holder = element("li");
  holder.append(card(spec, entry));
  cardList.replaceChildren(holder);
  page.replaceChildren(...sections(spec, entry, 3));
}
