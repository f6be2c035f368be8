// The shortlist page: the services on the family's shortlist with their contacts, to print,
// share as a link (the list is in the link: shortlist/?services=a,b) or email. A shared link
// shows that list without touching the family's own, until they choose to save it.
// Each service's details come from services/<slug>/service.json, written when the site was
// built. Provider text is only ever set as textContent, never as HTML.

import {
  addToShortlist,
  announce,
  readShortlist,
  refresh,
  removeFromShortlist,
  shortlistButton,
  validSlugs,
} from "./shortlist.js";
import { element, link, siteRoot } from "./dom.js";
import { mailtoHref, smsHref, telHref } from "./links.js";

const MAX_SHARED = 100;
const MAX_MAILTO = 1800; // characters: longer mailto: links fail in some email programs

const frame = document.getElementById("lo-shortlist");
const intro = document.getElementById("lo-shortlist-intro");
const items = document.getElementById("lo-shortlist-items");
const share = document.getElementById("lo-shortlist-share");
const heading = document.querySelector("article h1");
const siteName = frame.dataset.siteName;

const sharedParam = new URLSearchParams(location.search).get("services");
const shared = sharedParam === null ? null : validSlugs(sharedParam.split(",")).slice(0, MAX_SHARED);

async function record(slug) {
  try {
    const response = await fetch(new URL(`services/${slug}/service.json`, siteRoot));
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

function contactLines(contact) {
  const lines = [];
  if (contact.phone) lines.push(["Phone", link(contact.phone, telHref(contact.phone))]);
  if (contact.text) lines.push(["Text", link(contact.text, smsHref(contact.text))]);
  if (contact.email) lines.push(["Email", link(contact.email, mailtoHref(contact.email))]);
  if (contact.website && /^https?:\/\//i.test(contact.website)) {
    lines.push(["Website", link(contact.website.replace(/^https?:\/\/(www\.)?/i, ""), contact.website)]);
  }
  return lines;
}

function details(data) {
  const list = element("dl", "", "lo-facts");
  const add = (term, ...values) => {
    const value = element("dd");
    value.append(...values);
    list.append(element("dt", term), value);
  };
  for (const [term, value] of data.facts) add(term, value);
  if (data.delivery) add("How it is given", data.delivery);
  for (const venue of data.venues) add("Where", venue);
  for (const contact of data.contacts) {
    for (const [kind, node] of contactLines(contact)) add(`${kind} (${contact.role})`, node);
  }
  return list;
}

function serviceItem(slug, data) {
  const item = element("li", "", "lo-card lo-shortlist-item");
  item.dataset.slug = slug;
  const title = element("h2");
  title.tabIndex = -1;
  if (!data) {
    title.textContent = "A service that is no longer listed";
    item.append(title, element("p", `The Local Offer no longer lists this service (${slug}).`));
    if (!shared) item.append(removeButton(slug, "this service"));
    return item;
  }
  const page = new URL(data.url, siteRoot).href;
  title.append(link(data.name, page));
  item.append(title);
  if (data.closed) item.append(element("p", "Temporarily closed", "lo-notice"));
  item.append(element("p", data.summary), details(data));
  item.append(element("p", `Web page: ${page}`, "lo-print-only"));
  item.append(element("p", `Last checked on ${data.checked}.`, "lo-checked"));
  item.append(shared ? shortlistButton(slug, data.name) : removeButton(slug, data.name));
  return item;
}

function removeButton(slug, name) {
  const button = element("button", "Remove from shortlist", "md-button lo-remove");
  button.type = "button";
  button.setAttribute("aria-label", `Remove from shortlist: ${name}`);
  button.addEventListener("click", () => remove(slug, name));
  return button;
}

function remove(slug, name) {
  const item = items.querySelector(`[data-slug="${slug}"]`);
  const next = item.nextElementSibling || item.previousElementSibling;
  removeFromShortlist(slug);
  item.remove();
  const left = items.children.length;
  announce(`${name} removed from your shortlist. ${left === 1 ? "1 service" : `${left} services`} left.`);
  describe();
  // The focus was on the button that has gone: move it to the next service, or the summary.
  (next ? next.querySelector("h2") : intro).focus();
  refresh();
}

function names() {
  return [...items.querySelectorAll("h2 a")].map((a) => ({ name: a.textContent, href: a.href }));
}

function slugsShown() {
  return [...items.children].map((item) => item.dataset.slug);
}

function shareLink() {
  const address = new URL("shortlist/", siteRoot);
  address.search = `?services=${slugsShown().join(",")}`;
  return address.href;
}

function emailLink(link) {
  const subject = `Services from the ${siteName}`;
  const lines = names().map(({ name, href }) => `- ${name}\n  ${href}`);
  let body = `Services from the ${siteName}:\n\n${lines.join("\n")}\n\nThe list: ${link}\n`;
  if (body.length > MAX_MAILTO) {
    body = `Services from the ${siteName}:\n\n${names().map(({ name }) => `- ${name}`).join("\n")}`;
    body += `\n\nThe list, with links: ${link}\n`;
  }
  return mailtoHref("", { subject, body });
}

function describe() {
  const count = items.children.length;
  const services = count === 1 ? "1 service" : `${count} services`;
  if (shared) {
    intro.textContent =
      `Someone shared this list of ${services} with you. It is not saved in this browser ` +
      "unless you choose to save it.";
  } else if (count) {
    intro.textContent = `${services}. Your shortlist is kept in this browser only: it is not sent to anyone.`;
  } else {
    intro.textContent = "";
    intro.append(
      "Your shortlist is empty. Find services in the ",
      link("directory", new URL("services/", siteRoot).href),
      " and choose “Add to shortlist” on the ones you want to keep.",
    );
  }
  share.hidden = count === 0;
  const address = shareLink();
  document.getElementById("lo-shortlist-link").value = address;
  document.getElementById("lo-shortlist-email").href = emailLink(address);
}

async function copyLink() {
  const box = document.getElementById("lo-shortlist-link");
  try {
    await navigator.clipboard.writeText(box.value);
    announce("The link to this list is copied. You can paste it into a message.");
  } catch {
    box.select();
    announce("The link is selected. Copy it with your device's copy command.");
  }
}

function saveShared() {
  addToShortlist(slugsShown());
  announce(`Saved ${slugsShown().length === 1 ? "1 service" : `${slugsShown().length} services`} to your shortlist.`);
  refresh();
}

async function start() {
  const slugs = shared ?? readShortlist();
  if (shared) {
    heading.textContent = "A shortlist shared with you";
    document.title = document.title.replace(/^Your shortlist/, "A shortlist shared with you");
    document.getElementById("lo-shortlist-save-row").hidden = false;
    document.getElementById("lo-shortlist-save").addEventListener("click", saveShared);
  }
  items.setAttribute("aria-busy", "true");
  const records = await Promise.all(slugs.map(record));
  items.replaceChildren(...slugs.map((slug, index) => serviceItem(slug, records[index])));
  items.removeAttribute("aria-busy");
  document.getElementById("lo-shortlist-print").addEventListener("click", () => window.print());
  document.getElementById("lo-shortlist-copy").addEventListener("click", copyLink);
  describe();
  refresh();
}

start();
