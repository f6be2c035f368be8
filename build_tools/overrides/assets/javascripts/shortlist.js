// The shortlist: services a family keeps, in this browser's local storage only. Nothing is sent
// anywhere. This script runs on every page: it adds an "Add to shortlist" button to each service
// card (in the browse lists and the directory's results, even those shown later) and to each
// service page, and announces every change through a polite live region. On the shortlist
// page it loads shortlist-page.js, which lists, prints and shares the services.

import { element, siteRoot } from "./dom.js";

const KEY = "lo-shortlist";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readShortlist() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(stored) ? stored.filter((slug) => SLUG.test(slug)) : [];
  } catch {
    return []; // storage switched off, or something else wrote there
  }
}

function writeShortlist(slugs) {
  try {
    localStorage.setItem(KEY, JSON.stringify([...new Set(slugs)]));
    return true;
  } catch {
    return false;
  }
}

export function validSlugs(slugs) {
  return [...new Set(slugs.filter((slug) => SLUG.test(slug)))];
}

// The slug of a service page's address (services/<slug>/), or null for any other page.
export function slugOf(address) {
  const path = new URL(address, location.href).pathname;
  if (!path.startsWith(siteRoot.pathname)) return null;
  const match = path.slice(siteRoot.pathname.length).match(/^services\/([a-z0-9-]+)\/$/);
  return match ? match[1] : null;
}

function plural(count) {
  return count === 1 ? "1 service" : `${count} services`;
}

let liveRegion = null;

export function announce(message) {
  if (!liveRegion) return;
  // Cleared first, so saying the same words twice is still announced.
  liveRegion.textContent = "";
  setTimeout(() => {
    liveRegion.textContent = message;
  }, 100);
}

export function addToShortlist(slugs) {
  return writeShortlist([...readShortlist(), ...slugs]);
}

export function removeFromShortlist(slug) {
  return writeShortlist(readShortlist().filter((kept) => kept !== slug));
}

// Add or remove one service, say so, and update every button and count on the page.
export function toggle(slug, name) {
  const had = readShortlist().includes(slug);
  const saved = had ? removeFromShortlist(slug) : addToShortlist([slug]);
  if (!saved) {
    announce("Your shortlist cannot be saved: this browser is not letting websites store it.");
    return;
  }
  const count = plural(readShortlist().length);
  announce(
    had
      ? `${name} removed from your shortlist. It now has ${count}.`
      : `${name} added to your shortlist. It now has ${count}.`,
  );
  refresh();
}

// The visible words start the accessible name, which adds the service's name (WCAG 2.5.3).
function label(button) {
  const on = readShortlist().includes(button.dataset.slug);
  button.textContent = on ? "Remove from shortlist" : "Add to shortlist";
  button.setAttribute("aria-label", `${button.textContent}: ${button.dataset.name}`);
  button.classList.toggle("lo-shortlisted", on);
}

export function shortlistButton(slug, name) {
  const button = element("button", "", "md-button lo-shortlist-button");
  button.type = "button";
  button.dataset.slug = slug;
  button.dataset.name = name;
  button.addEventListener("click", () => toggle(slug, name));
  label(button);
  return button;
}

function shortlistLink() {
  const link = element("a", "", "lo-shortlist-link");
  link.href = new URL("shortlist/", siteRoot).href;
  return link;
}

export function refresh() {
  for (const button of document.querySelectorAll(".lo-shortlist-button")) label(button);
  const count = readShortlist().length;
  for (const link of document.querySelectorAll(".lo-shortlist-link")) {
    link.textContent = `Your shortlist (${plural(count)})`;
  }
  // Under a list of cards, the link shows only once something is on the shortlist.
  for (const line of document.querySelectorAll(".lo-shortlist-count")) line.hidden = !count;
}

function addToCard(card) {
  if (card.querySelector(".lo-shortlist-button")) return;
  const link = card.querySelector("h2 a, h3 a");
  const slug = link && slugOf(link.href);
  if (slug) card.append(shortlistButton(slug, link.textContent));
}

function addToLists(root) {
  for (const list of root.querySelectorAll("ol.lo-results")) {
    // After the list, so the first thing after the results heading is still the first result.
    if (!list.nextElementSibling?.classList.contains("lo-shortlist-count")) {
      const line = element("p", "", "lo-shortlist-count");
      line.append(shortlistLink());
      list.after(line);
    }
    for (const card of list.querySelectorAll(":scope > li.lo-card")) addToCard(card);
  }
}

function addToServicePage() {
  const slug = slugOf(location.href);
  const heading = document.querySelector("article h1");
  if (!slug || !heading) return;
  const bar = element("div", "", "lo-shortlist-bar");
  bar.append(shortlistButton(slug, heading.textContent.trim()), shortlistLink());
  heading.after(bar);
}

function start() {
  liveRegion = element("div", "", "lo-visually-hidden");
  liveRegion.setAttribute("role", "status");
  liveRegion.setAttribute("aria-live", "polite");
  liveRegion.id = "lo-shortlist-status";
  document.body.append(liveRegion);
  addToServicePage();
  addToLists(document);
  // The directory shows its results after searching: give their cards buttons too.
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches("li.lo-card") && node.parentElement.matches("ol.lo-results")) {
          addToCard(node);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  // Another tab changed the shortlist.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) refresh();
  });
  refresh();
  if (document.getElementById("lo-shortlist")) import("./shortlist-page.js");
}

start();
