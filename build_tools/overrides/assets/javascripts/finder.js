// The search and filter form of the directory (/services/) and the search page (/search/).
//
// Progressive enhancement: without JavaScript no-js.css hides the form and the browse lists do
// the job. With it, the form is shown, its state lives in the URL (links can be shared, and the
// back button works), and the count is announced through a live region. Provider text is only
// ever set as textContent, never as HTML.
//
// Where results come from, so that each visit downloads as little as possible:
// - nothing chosen: the page already holds the first cards by name, so nothing is fetched;
// - filters without words: the directory's own filter data (directory_data.py): one small bit
//   set per chosen value, and the cards of the services shown;
// - search words: Pagefind, which fetches only the index chunks for those words.
// Distances ("near you") are near-me.js's job: it rearranges the results and marks the cards.

import { NearMe } from "./near-me.js";

const form = document.getElementById("lo-form");
const status = document.getElementById("lo-status");
const list = document.getElementById("lo-results");
const more = document.getElementById("lo-more");
const heading = document.getElementById("lo-results-heading");
const ageInput = document.getElementById("lo-filter-age");
const ageError = document.getElementById("lo-filter-age-error");

// This file is at assets/javascripts/finder.js: the site root is two folders up, wherever the
// site is published (a domain root or a sub-folder).
const siteRoot = new URL("../../", import.meta.url);
const fixedFilters = JSON.parse(form.dataset.fixedFilters || "{}");
const batchSize = Number(form.dataset.batch) || 20;
const serviceCount = Number(form.dataset.count) || 0;
const NOT_FILTERS = new Set(["q", "sort", "within"]);
const TYPING_PAUSE_MS = 400;
// The directory's filter data: the same filters as the form, one bit per service.
const dataRoot = new URL("services/directory/", siteRoot);
const FILTER_NAMES = new Set(["need", "area", "type", "day", "language", "access", "delivery"]);
const CARDS_PER_FILE = 20;
const fetched = new Map(); // address -> promise of its contents, so nothing is fetched twice

let pagefind = null;
let results = [];
let shown = 0;
let latestSearch = 0;
let typingTimer = 0;
const nearMe = new NearMe(form, siteRoot, () => commit());

function formState() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text) params.append(name, text);
  }
  return params;
}

function fillForm(params) {
  for (const control of form.elements) {
    if (!control.name) continue;
    const value = params.get(control.name) ?? "";
    if (control.type === "checkbox") {
      control.checked = value === control.value;
    } else if (control.tagName === "SELECT") {
      const known = [...control.options].some((option) => option.value === value);
      control.value = known ? value : "";
    } else {
      control.value = value;
    }
  }
  const moreFilters = document.getElementById("lo-more-filters");
  if (moreFilters && [...moreFilters.querySelectorAll("select")].some((s) => s.value)) {
    moreFilters.open = true;
  }
}

function ageProblem(params) {
  const age = params.get("age");
  if (age === null) return "";
  if (!/^\d{1,2}$/.test(age) || Number(age) > 25) {
    return "Enter an age from 0 to 25 in whole years, for example 7.";
  }
  return "";
}

function showAgeProblem(problem) {
  if (!ageInput || !ageError) return;
  ageError.textContent = problem;
  ageError.hidden = !problem;
  ageInput.toggleAttribute("aria-invalid", Boolean(problem));
}

// The choices in words, for the announcement: "need: Autism, age 7, free only".
function choicesInWords(params) {
  const words = [];
  for (const control of form.elements) {
    if (!control.name || !params.has(control.name) || control.name === "sort") continue;
    if (control.type === "checkbox") {
      if (control.checked) words.push(control.labels[0].textContent.toLowerCase());
    } else if (control.tagName === "SELECT") {
      const label = control.labels[0].textContent.toLowerCase();
      words.push(`${label}: ${control.selectedOptions[0].textContent}`);
    } else if (control.name === "age") {
      if (!ageProblem(params)) words.push(`age ${Number(params.get("age"))}`);
    } else {
      words.push(`words "${params.get(control.name)}"`);
    }
  }
  return words.join(", ");
}

function searchOptions(params) {
  const filters = { ...fixedFilters };
  for (const [name, value] of params) {
    if (!NOT_FILTERS.has(name)) filters[name] = value;
  }
  if (ageProblem(params)) delete filters.age;
  else if (filters.age) filters.age = String(Number(filters.age));
  const term = params.get("q");
  const sort = params.get("sort") || (term ? "" : "name");
  const options = { filters };
  // Nearest first starts from name order: near-me.js keeps it for equal distances.
  if (sort === "name" || sort === "distance") options.sort = { name: "asc" };
  if (sort === "checked") options.sort = { checked: "desc" };
  return { term: term || null, options };
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function plainText(html) {
  // Pagefind's excerpt marks matches with <mark>; keep only its text.
  return new DOMParser().parseFromString(html || "", "text/html").body.textContent || "";
}

function card(data) {
  const meta = data.meta || {};
  const item = element("li", "", "lo-card");
  const title = element("h3");
  const link = element("a", meta.title || data.url);
  link.href = data.url;
  title.append(link);
  item.append(title);
  if (meta.kind === "Guidance") item.append(element("p", "Guidance page", "lo-kind"));
  if (meta.closed) item.append(element("p", "Temporarily closed", "lo-notice"));
  item.append(element("p", meta.summary || plainText(data.excerpt)));
  const facts = [
    ["Ages", meta.ages],
    ["Cost", meta.cost],
    ["Area", meta.area],
    ["Needs", meta.needs],
  ].filter(([, value]) => value);
  if (facts.length) {
    const details = element("dl", "", "lo-facts");
    for (const [term, value] of facts) details.append(element("dt", term), element("dd", value));
    item.append(details);
  }
  nearMe.markCard(item, data);
  return item;
}

async function showMore(moveFocus) {
  const next = results.slice(shown, shown + batchSize);
  const pages = await Promise.all(next.map((result) => result.data()));
  const cards = pages.map(card);
  list.append(...cards);
  shown += cards.length;
  more.hidden = shown >= results.length;
  more.textContent = `Show more (${results.length - shown} left)`;
  if (moveFocus && cards.length) cards[0].querySelector("a").focus();
}

function announce(params, note) {
  const count = results.length;
  const noun = fixedFilters.kind === "service" ? "service" : "page";
  const choices = choicesInWords(params);
  const matched = count === 1 ? `1 ${noun} matches` : `${count} ${noun}s match`;
  const found = count ? matched : `No ${noun}s match`;
  const suffix = count ? "." : ". Try removing a filter or using fewer words.";
  const said = choices ? `${found} ${choices}${suffix}` : `${found}${suffix}`;
  status.textContent = note ? `${said} ${note}` : said;
}

function fetchOnce(address, read) {
  if (!fetched.has(address)) {
    fetched.set(
      address,
      fetch(address).then((response) => {
        if (!response.ok) throw new Error(`${address}: ${response.status}`);
        return read(response);
      }),
    );
  }
  return fetched.get(address);
}

// "ASD" -> bits/need/asd.bin: file names are the values in lower case, as directory_data.py
// writes them.
function bitSet(name, value) {
  const address = new URL(`bits/${name}/${value.toLowerCase()}.bin`, dataRoot);
  return fetchOnce(address, async (response) => new Uint8Array(await response.arrayBuffer()));
}

// The numbers (places in name order) of the services that match every chosen filter.
async function matchingNumbers(params) {
  const wanted = [];
  for (const [name, value] of params) {
    if (FILTER_NAMES.has(name)) wanted.push(bitSet(name, value));
    if (name === "cost" && value === "free") wanted.push(bitSet("cost", "free"));
    if (name === "age" && !ageProblem(params)) wanted.push(bitSet("age", String(Number(value))));
  }
  const sets = await Promise.all(wanted);
  const numbers = [];
  for (let n = 0; n < serviceCount; n += 1) {
    if (sets.every((bits) => (bits[n >> 3] >> (n & 7)) & 1)) numbers.push(n);
  }
  return numbers;
}

async function newestFirst(numbers) {
  const address = new URL("checked.bin", dataRoot);
  const order = await fetchOnce(address, async (response) => {
    const bytes = new DataView(await response.arrayBuffer());
    return Array.from({ length: bytes.byteLength / 4 }, (_, i) => bytes.getUint32(i * 4, true));
  });
  const chosen = new Set(numbers);
  return order.filter((n) => chosen.has(n));
}

// A result like Pagefind's: data() gives the card's text and address.
function serviceResult(number) {
  const file = Math.floor(number / CARDS_PER_FILE);
  return {
    data: async () => {
      const cards = await fetchOnce(new URL(`cards/${file}.json`, dataRoot), (r) => r.json());
      const found = cards[number % CARDS_PER_FILE];
      return { ...found, url: new URL(found.url, siteRoot).pathname };
    },
  };
}

async function filterWithoutWords(params) {
  let numbers = await matchingNumbers(params);
  if (params.get("sort") === "checked") numbers = await newestFirst(numbers);
  const arranged = await nearMe.arrangeNumbers(numbers, params);
  return { results: arranged.numbers.map(serviceResult), note: arranged.note };
}

async function searchWords(term, options, params) {
  await loadPagefind();
  const response = await pagefind.search(term, options);
  return nearMe.arrange(pagefind, term, options, response.results, params);
}

async function search(params) {
  const ticket = ++latestSearch;
  showAgeProblem(ageProblem(params));
  const { term, options } = searchOptions(params);
  const directory = fixedFilters.kind === "service";
  if (!term && !directory) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "Type some words to search.";
    return;
  }
  list.setAttribute("aria-busy", "true");
  let arranged;
  try {
    arranged = term
      ? await searchWords(term, options, params)
      : await filterWithoutWords(params);
  } catch {
    if (ticket !== latestSearch) return;
    list.removeAttribute("aria-busy");
    status.textContent = "Search is not working at the moment. Use the lists to browse instead.";
    return;
  }
  if (ticket !== latestSearch) return; // a newer search has started
  results = arranged.results;
  shown = 0;
  list.replaceChildren();
  await showMore(false);
  list.removeAttribute("aria-busy");
  announce(params, arranged.note);
}

function commit() {
  const params = formState();
  const query = params.toString();
  if (query !== location.search.replace(/^\?/, "")) {
    history.pushState(null, "", query ? `?${query}` : location.pathname);
  }
  return search(params);
}

function fromAddress() {
  fillForm(new URLSearchParams(location.search));
  return search(formState());
}

// Pagefind, loaded the first time someone searches with words.
async function loadPagefind() {
  if (!pagefind) {
    const module = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await module.options({ baseUrl: siteRoot.pathname });
    pagefind = module;
  }
  return pagefind;
}

// The directory as the page was written: the first cards by name, every service to come.
function keepFirstCards() {
  results = Array.from({ length: serviceCount }, (_, n) => serviceResult(n));
  shown = list.children.length;
  more.hidden = shown >= results.length;
}

async function start() {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    await commit();
    heading.focus();
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "search") return; // handled as the family types
    if (!event.target.name) return; // not a filter, such as the postcode box
    clearTimeout(typingTimer);
    commit();
  });
  form.addEventListener("input", (event) => {
    if (event.target.type !== "search" && event.target.name !== "age") return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(commit, TYPING_PAUSE_MS);
  });
  more.addEventListener("click", () => showMore(true));
  window.addEventListener("popstate", fromAddress);
  heading.tabIndex = -1;
  await nearMe.start();
  const nothingChosen = !location.search && !nearMe.place;
  if (nothingChosen && fixedFilters.kind === "service" && list.children.length) {
    keepFirstCards();
  } else {
    await fromAddress();
  }
  form.dataset.ready = "true"; // for tests: the form now answers every change
}

start();
