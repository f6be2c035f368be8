// The search and filter form of the directory (/services/) and the search page (/search/).
//
// Progressive enhancement: without JavaScript no-js.css hides the form and the browse lists do
// the job. With it, the form is shown, its state lives in the URL (links can be shared, and the
// back button works), and the count is announced through a live region. Provider text is only
// ever set as textContent, never as HTML.
//
// Where results come from, so that each visit downloads as little as possible:
// - nothing chosen: the page already holds the first cards by name, so nothing is fetched;
// - filters without words: the directory's own filter data (directory/filter_data.py): one small bit
//   set per chosen value, and the cards of the services shown;
// - search words: the site's word index (search/word_index.py), one small file per word, then the
//   cards of the pages found.
// Distances ("near you") are near-me.js's job: it rearranges the results and marks the cards.

import { element, siteRoot } from "./dom.js";
import { NearMe } from "./near-me.js";
import { WordSearch, firstMatch } from "./search-words.js";

const form = document.getElementById("lo-form");
const status = document.getElementById("lo-status");
const list = document.getElementById("lo-results");
const more = document.getElementById("lo-more");
const heading = document.getElementById("lo-results-heading");
const ageInput = document.getElementById("lo-filter-age");
const ageError = document.getElementById("lo-filter-age-error");

const fixedFilters = JSON.parse(form.dataset.fixedFilters || "{}");
const batchSize = Number(form.dataset.batch) || 20;
const serviceCount = Number(form.dataset.count) || 0;
const TYPING_PAUSE_MS = 400;
// The directory's filter data: the same filters as the form, one bit per service.
const dataRoot = new URL("services/directory/", siteRoot);
const FILTER_NAMES = new Set([
  "need",
  "area",
  "type",
  "when",
  "day",
  "language",
  "access",
  "delivery",
]);
const CARDS_PER_FILE = 20;
// The site's word index: search/words/<first two letters>.json, and guidance pages' cards.
const searchRoot = new URL("search/", siteRoot);
const stopWords = new Set((form.dataset.stopWords || "").split(" "));
const ALSO_NOTE = "At venues elsewhere, online, at home, or open to families across Dudley.";
const fetched = new Map(); // address -> promise of its contents, so nothing is fetched twice

let results = [];
let matchedWords = []; // the site's words the latest search matched, for the excerpts
let groups = []; // [place in the results, heading]: with a town chosen, where each group starts
let shown = 0;
let latestSearch = 0;
let typingTimer = 0;
const nearMe = new NearMe(form, siteRoot, () => commit());
const wordSearch = new WordSearch(searchRoot, (address) =>
  fetchOnce(address, (response) => response.json()),
);

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

// The filters chosen, as chips: each a button that removes it. The "Filter" button says how
// many are applied, so a family sees them with the filters closed.
const chips = document.getElementById("lo-chips");
const filtersPanel = document.getElementById("lo-filters");
const filtersCount = document.getElementById("lo-filters-count");

function chosenFilters(params) {
  const chosen = [];
  for (const control of form.elements) {
    if (!control.name || ["q", "sort"].includes(control.name) || !params.has(control.name)) {
      continue;
    }
    // [control, what the chip says]: the choice alone, which is short on a phone
    if (control.type === "checkbox") {
      const text = control.dataset.chip || control.labels[0].textContent;
      if (control.checked) chosen.push([control, text]);
    } else if (control.tagName === "SELECT") {
      chosen.push([control, control.selectedOptions[0].textContent]);
    } else if (control.name === "age" && !ageProblem(params)) {
      chosen.push([control, `Age ${Number(params.get("age"))}`]);
    }
  }
  return chosen;
}

function showChips(params) {
  if (!chips) return;
  const chosen = chosenFilters(params);
  const items = chosen.map(([control, text]) => {
    const button = element("button", `${text} \u2715`, "lo-chip");
    button.type = "button";
    button.setAttribute("aria-label", `Remove ${text}`);
    button.addEventListener("click", () => {
      if (control.type === "checkbox") control.checked = false;
      else control.value = "";
      commit().then(() => {
        const next = chips.querySelector("button") || filtersPanel.querySelector("summary");
        next.focus();
      });
    });
    const item = element("li");
    item.append(button);
    return item;
  });
  chips.querySelector("ul").replaceChildren(...items);
  chips.hidden = !items.length;
  if (filtersCount) filtersCount.textContent = items.length ? `(${items.length} applied)` : "";
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

// A family's words as word_index.words_of splits text: lower case, no accents or
// punctuation, no stop words, no single letters.
function wordsOf(text) {
  const plain = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
  const words = plain.replace(/'/g, "").match(/[a-z0-9]+/g) || [];
  return words.filter((word) => word.length > 1 && !stopWords.has(word));
}

// Text with the part at `range` ([start, end]) marked, as nodes: never as HTML.
function marked(tag, text, range, className) {
  const node = element(tag, "", className);
  if (!range) {
    node.textContent = text;
    return node;
  }
  const [start, end] = range;
  node.append(text.slice(0, start), element("mark", text.slice(start, end)), text.slice(end));
  return node;
}

// A short excerpt that shows why a page matched the search words: the summary with the words
// marked if they are in it, else the fact or section heading that holds them, else a note
// that they are in the page's full text.
function excerpt(meta, headings, facts) {
  if (!matchedWords.length) return meta.summary ? element("p", meta.summary) : null;
  const inSummary = meta.summary ? firstMatch(meta.summary, matchedWords) : null;
  if (inSummary || firstMatch(meta.title || "", matchedWords)) {
    return meta.summary ? marked("p", meta.summary, inSummary) : null;
  }
  const places = [...facts, ...headings.map((heading) => ["Section", heading])];
  const why = element("div", "", "lo-why");
  if (meta.summary) why.append(element("p", meta.summary));
  for (const [term, value] of places) {
    const range = firstMatch(value, matchedWords);
    if (!range) continue;
    const line = marked("p", value, range, "lo-excerpt");
    line.prepend(`${term}: `);
    why.append(line);
    return why;
  }
  const where = meta.kind === "Guidance" ? "the page" : "the service's full description";
  why.append(element("p", `Your search words are in ${where}.`, "lo-excerpt"));
  return why;
}

function card(data) {
  const meta = data.meta || {};
  const item = element("li", "", "lo-card");
  const title = element("h3");
  const link = marked("a", meta.title || data.url, firstMatch(meta.title || "", matchedWords));
  link.href = data.url;
  title.append(link);
  item.append(title);
  if (meta.kind === "Guidance") item.append(element("p", "Guidance page", "lo-kind"));
  if (meta.closed) item.append(element("p", "Temporarily closed", "lo-notice"));
  // The facts of cards.card_facts, in its order: the card data keys them in lower case.
  const facts = ["Where", "When", "Ages", "Cost", "Open to", "Needs"]
    .map((term) => [term, meta[term.toLowerCase()]])
    .filter(([, value]) => value);
  const why = excerpt(meta, data.headings || [], facts);
  if (why) item.append(why);
  if (facts.length) {
    const details = element("dl", "", "lo-facts");
    for (const [term, value] of facts) details.append(element("dt", term), element("dd", value));
    item.append(details);
  }
  nearMe.markCard(item, data);
  return item;
}

// "Showing results for speech (you typed speach)": typos read as the site's words.
function insteadNote(instead) {
  if (!instead.length) return "";
  const said = instead.map(([typed, near]) => `${near.join(" or ")} (you typed ${typed})`);
  return `Showing results for ${said.join(", ")}.`;
}

function groupHeading([, title, note]) {
  const item = element("li", "", "lo-also");
  item.append(element("h3", title));
  if (note) item.append(element("p", note));
  return item;
}

async function showMore(moveFocus) {
  const next = results.slice(shown, shown + batchSize);
  const pages = await Promise.all(next.map((result) => result.data()));
  const cards = pages.map(card);
  cards.forEach((item, n) => {
    const starts = groups.find(([at]) => at === shown + n);
    if (starts) list.append(groupHeading(starts));
    list.append(item);
  });
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

// The file's contents, fetched once however often asked for; null if the site has no such file.
function fetchOnce(address, read) {
  const key = String(address); // URL objects are never equal to each other as Map keys
  if (!fetched.has(key)) {
    fetched.set(
      key,
      fetch(address).then((response) => {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(`${address}: ${response.status}`);
        return read(response);
      }),
    );
  }
  return fetched.get(key);
}

// "ASD" -> bits/need/asd.bin: file names are the values in lower case, as directory/filter_data.py
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
  if (!wanted.length) return null; // no filter chosen: every service
  const sets = await Promise.all(wanted);
  if (sets.includes(null)) return []; // a value no service has
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

// A result: data() gives the card's text and address, the `index`th card of a file of
// cards fetched once.
function cardResult(address, index) {
  return {
    data: async () => {
      const cards = await fetchOnce(address, (response) => response.json());
      const found = cards[index];
      return { ...found, url: new URL(found.url, siteRoot).pathname };
    },
  };
}

function serviceResult(number) {
  const file = Math.floor(number / CARDS_PER_FILE);
  return cardResult(new URL(`cards/${file}.json`, dataRoot), number % CARDS_PER_FILE);
}

// Guidance pages are numbered after the services; their cards are in search/pages.json.
function guidanceResult(number) {
  return cardResult(new URL("pages.json", searchRoot), number - serviceCount);
}

function pageResult(number) {
  return number < serviceCount ? serviceResult(number) : guidanceResult(number);
}

// With a town chosen, the services that happen there (a venue in the town) come first; those
// only open to families there (borough-wide, or at venues elsewhere) follow under a heading.
// Near-me's nearest-first order is kept as it is.
async function happeningFirst(numbers, params) {
  const area = params.get("area");
  const select = document.getElementById("lo-filter-area");
  if (!area || !select || area === "dudley-borough") return null;
  const town = select.selectedOptions[0]?.textContent || area;
  const bits = (await bitSet("venue", area)) || new Uint8Array(0);
  const here = (n) => n < serviceCount && (bits[n >> 3] >> (n & 7)) & 1;
  const first = numbers.filter(here);
  const rest = numbers.filter((n) => !here(n));
  const groups = [];
  if (first.length) groups.push([0, `Happening in ${town} (${first.length})`]);
  if (rest.length) groups.push([first.length, `Also open to families in ${town} (${rest.length})`, ALSO_NOTE]);
  return { numbers: [...first, ...rest], groups, note: "" };
}

// Services by the filters, pages by the words (if any), in the order asked for.
async function find(words, params) {
  const filtered = await matchingNumbers(params);
  let numbers;
  let found = { matched: [], instead: [] };
  if (words.length) {
    found = await wordSearch.pagesMatching(words);
    numbers = found.numbers;
    const kind = fixedFilters.kind || params.get("kind");
    if (kind === "service") numbers = numbers.filter((n) => n < serviceCount);
    if (kind === "guidance") numbers = numbers.filter((n) => n >= serviceCount);
    if (filtered) {
      const allowed = new Set(filtered);
      numbers = numbers.filter((n) => allowed.has(n));
    }
  } else {
    numbers = filtered ?? Array.from({ length: serviceCount }, (_, n) => n);
  }
  const sort = params.get("sort");
  if (sort === "name" || sort === "distance") numbers.sort((a, b) => a - b);
  if (sort === "checked") numbers = await newestFirst(numbers);
  // Nearest first starts from the order above: near-me.js keeps it for equal distances.
  const arranged = await nearMe.arrangeNumbers(numbers, params);
  const byTown = sort === "distance" ? null : await happeningFirst(arranged.numbers, params);
  const note = [insteadNote(found.instead), arranged.note, byTown?.note]
    .filter(Boolean)
    .join(" ");
  return {
    results: (byTown?.numbers || arranged.numbers).map(pageResult),
    note,
    matched: found.matched,
    groups: byTown?.groups || [],
  };
}

async function search(params) {
  const ticket = ++latestSearch;
  showAgeProblem(ageProblem(params));
  const words = wordsOf(params.get("q") || "");
  const directory = fixedFilters.kind === "service";
  if (!words.length && !directory) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "Type some words to search.";
    return;
  }
  list.setAttribute("aria-busy", "true");
  let arranged;
  try {
    arranged = await find(words, params);
  } catch {
    if (ticket !== latestSearch) return;
    list.removeAttribute("aria-busy");
    status.textContent = "Search is not working at the moment. Use the lists to browse instead.";
    return;
  }
  if (ticket !== latestSearch) return; // a newer search has started
  results = arranged.results;
  matchedWords = arranged.matched;
  groups = arranged.groups;
  shown = 0;
  list.replaceChildren();
  await showMore(false);
  list.removeAttribute("aria-busy");
  announce(params, arranged.note);
  showChips(params);
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

// The directory as the page was written: the first cards by name, every service to come.
function keepFirstCards() {
  results = Array.from({ length: serviceCount }, (_, n) => serviceResult(n));
  shown = list.children.length;
  more.hidden = shown >= results.length;
}

async function start() {
  if (filtersPanel && window.matchMedia("(min-width: 60em)").matches) filtersPanel.open = true;
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
