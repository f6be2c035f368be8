// "Add or update your service" (/providers/add-or-update/).
//
// Progressive enhancement: without this script the form stays hidden and the page says how else
// to send a service. With it, the form is shown; each answer is checked when you leave it, with
// the rules generated from the schema (service-form-checks.js); "Check my answers" lists every
// problem in a summary at the top; and the finished file can be downloaded, copied, emailed or
// sent through the GitHub issue form. With ?service=<name> the form opens with that service's
// details, loaded from services/<name>/entry.json. Text is only ever set as textContent.

import { element, link, siteRoot } from "./dom.js";
import { checkEntry } from "./service-form-checks.js";
import { toYaml } from "./service-form-yaml.js";
import { mailtoHref } from "./links.js";
import { keepHomesPrivate, tidyControl } from "./service-form-tidy.js";
import { renderPreview } from "./service-form-preview.js";

const PREFIX = "lo-f";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Longer links are refused by some mail programs, and by GitHub (414 URI Too Long).
const MAX_MAILTO = 1800;
const MAX_ISSUE_URL = 7000;

const app = document.getElementById("lo-service-form-app");
// The rules and settings, written at build time beside the page.
const spec = await (await fetch(new URL("providers/form-spec.json", siteRoot))).json();
const form = document.getElementById("lo-service-form");
const summary = document.getElementById("lo-error-summary");
const formStatus = document.getElementById("lo-form-status");
const result = document.getElementById("lo-result");
const yamlView = document.getElementById("lo-yaml");
const actionStatus = document.getElementById("lo-action-status");

const state = { id: null, slug: null, checked: false, touched: new Set(), yaml: "" };

// --- Reading the answers ------------------------------------------------------------------

function byId(id) {
  return document.getElementById(id);
}

function items(repeatId) {
  return [...byId(repeatId).querySelector(":scope > .lo-items").children];
}

function readText(control) {
  const text = control.value.replace(/\r\n?/g, "\n").trim();
  return text ? text : undefined;
}

function readNumber(control, pattern) {
  const text = readText(control);
  if (text === undefined) return undefined;
  return pattern.test(text) ? Number(text) : text; // text is left for the check to name
}

function readNode(node, id) {
  switch (node.kind) {
    case "hidden":
      return id === `${PREFIX}-id` ? state.id || undefined : undefined;
    case "group": {
      const value = readFields(node.children, id);
      return Object.keys(value).length ? value : undefined;
    }
    case "repeat": {
      const found = items(id).map((item) => readFields(node.children, item.dataset.prefix));
      return found.length ? found : undefined;
    }
    case "choices": {
      const chosen = [...form.querySelectorAll(`input[name="${id}"]:checked`)].map((c) => c.value);
      return chosen.length ? chosen : undefined;
    }
    case "boolean": {
      const chosen = form.querySelector(`input[name="${id}"]:checked`);
      return chosen ? chosen.value === "true" : undefined;
    }
    case "lines": {
      const lines = (readText(byId(id)) || "").split("\n").map((line) => line.trim());
      const kept = lines.filter(Boolean);
      return kept.length ? kept : undefined;
    }
    case "integer":
      return readNumber(byId(id), /^[+-]?\d+$/);
    case "number":
      return readNumber(byId(id), /^[+-]?(\d+(\.\d*)?|\.\d+)$/);
    default:
      return readText(byId(id));
  }
}

function readFields(nodes, prefix) {
  const value = {};
  for (const node of nodes) {
    const found = readNode(node, `${prefix}-${node.key}`);
    if (found !== undefined) value[node.key] = found;
  }
  return value;
}

function readEntry() {
  return keepHomesPrivate(readFields(spec.fields, PREFIX));
}

// --- Filling the form from an entry ---------------------------------------------------------

function fillNode(node, id, value) {
  switch (node.kind) {
    case "hidden":
      if (id === `${PREFIX}-id` && typeof value === "string") state.id = value;
      return;
    case "group":
      fillFields(node.children, id, value || {});
      return;
    case "repeat": {
      const wanted = Array.isArray(value) ? value : [];
      const repeat = byId(id);
      while (items(id).length < wanted.length) addItem(repeat, node, false);
      while (items(id).length > Math.max(wanted.length, node.min)) items(id).at(-1).remove();
      renumber(repeat, node);
      items(id).forEach((item, index) => fillFields(node.children, item.dataset.prefix, wanted[index] || {}));
      return;
    }
    case "choices":
    case "boolean": {
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      for (const control of form.querySelectorAll(`input[name="${id}"]`)) {
        control.checked = chosen.includes(control.value);
      }
      return;
    }
    case "lines":
      byId(id).value = Array.isArray(value) ? value.join("\n") : "";
      return;
    default: {
      const control = byId(id);
      control.value = value === undefined || value === null ? "" : String(value);
      if (control.tagName === "SELECT" && control.value !== String(value ?? "")) control.value = "";
    }
  }
}

function fillFields(nodes, prefix, data) {
  for (const node of nodes) fillNode(node, `${prefix}-${node.key}`, data[node.key]);
}

// --- Repeated groups: contacts, venues, times and prices ------------------------------------

function nodeAt(path) {
  let nodes = spec.fields;
  let node = null;
  for (const key of path) {
    node = nodes.find((candidate) => candidate.key === key);
    nodes = node.children || [];
  }
  return node;
}

function repeatNode(repeat) {
  const path = repeat.id.slice(PREFIX.length + 1).split("-").filter((part) => !/^\d+$/.test(part));
  return nodeAt(path);
}

function renumber(repeat, node) {
  const found = items(repeat.id);
  const noun = node.itemTitle.toLowerCase();
  found.forEach((item, index) => {
    item.querySelector(":scope > legend .lo-item-number").textContent = String(index + 1);
    const remove = item.querySelector(":scope > .lo-remove");
    remove.textContent = `Remove ${noun} ${index + 1}`;
    remove.hidden = found.length <= node.min;
  });
  const add = repeat.querySelector(":scope > .lo-add");
  add.textContent = found.length ? `Add another ${noun}` : `Add a ${noun}`;
  add.hidden = found.length >= node.max;
}

// Each list's blank item ("Add a contact" copies it), taken out of the page at the start so that
// its hidden controls never share a label with the real ones.
const blanks = new Map();
for (const blank of form.querySelectorAll(".lo-repeat > .lo-blank")) {
  blanks.set(blank.parentElement.id, blank.innerHTML);
  blank.remove();
}

function addItem(repeat, node, focus = true) {
  const next = Number(repeat.dataset.next || items(repeat.id).length);
  repeat.dataset.next = String(next + 1);
  const holder = document.createElement("div");
  holder.innerHTML = blanks.get(repeat.id).replaceAll("__i__", String(next));
  const item = holder.firstElementChild;
  repeat.querySelector(":scope > .lo-items").append(item);
  renumber(repeat, node);
  if (focus) item.querySelector("input, select, textarea").focus();
  return item;
}

function removeItem(item) {
  const repeat = item.closest(".lo-repeat");
  const node = repeatNode(repeat);
  const number = item.querySelector(".lo-item-number").textContent;
  item.remove();
  renumber(repeat, node);
  formStatus.textContent = `${node.itemTitle} ${number} removed.`;
  repeat.querySelector(":scope > .lo-add").focus();
  refresh();
}

// --- Showing problems -----------------------------------------------------------------------

function targetId(path) {
  let id = PREFIX;
  let parent = null;
  for (const part of path) {
    if (typeof part === "number") {
      const item = items(parent)[part];
      id = item ? item.dataset.prefix : id;
    } else {
      id = `${id}-${part}`;
      parent = id;
    }
  }
  return id;
}

function focusTarget(id) {
  const target = byId(id);
  if (!target) return null;
  return target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
}

function clearProblems() {
  for (const slot of form.querySelectorAll(".lo-error")) {
    slot.textContent = "";
    slot.hidden = true;
  }
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
}

function showProblem(id, message) {
  const slot = byId(`${id}-error`);
  if (!slot) return;
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  slot.hidden = false;
  const target = byId(id);
  const controls = target.matches("input, select, textarea") ? [target] : target.querySelectorAll(`[name="${id}"]`);
  for (const control of controls) control.setAttribute("aria-invalid", "true");
  const folded = target.closest("details");
  if (folded) folded.open = true;
}

function inFormOrder(problems) {
  return problems
    .map((problem) => ({ ...problem, id: targetId(problem.path) }))
    .filter((problem) => byId(problem.id))
    .sort((a, b) => (byId(a.id).compareDocumentPosition(byId(b.id)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function showSummary(problems) {
  const list = summary.querySelector("ul");
  list.replaceChildren();
  for (const problem of problems) {
    const jump = link(problem.message, `#${problem.id}`);
    jump.addEventListener("click", (event) => {
      event.preventDefault();
      const control = focusTarget(problem.id);
      if (control) control.focus();
    });
    const item = element("li");
    item.append(jump);
    list.append(item);
  }
  summary.querySelector("h2").textContent =
    problems.length === 1 ? "There is a problem" : `There are ${problems.length} problems`;
  summary.hidden = problems.length === 0;
}

// Check everything; show the problems of the answers given so far, or all after "Check my answers".
function refresh() {
  const entry = readEntry();
  renderPreview(spec, entry, byId("lo-preview-card"), byId("lo-preview-page"));
  const problems = inFormOrder(checkEntry(spec, entry));
  clearProblems();
  // Changing a control touches it and the fieldsets around it (see touch()).
  const shown = problems.filter((p) => state.checked || state.touched.has(p.id));
  for (const problem of shown) showProblem(problem.id, problem.message);
  if (state.checked) showSummary(problems);
  if (!result.hidden) {
    if (problems.length) {
      result.hidden = true;
      formStatus.textContent = "Your answers have changed: check them again to see the file.";
    } else {
      showFile(entry);
    }
  }
  return { entry, problems };
}

// --- The finished file ----------------------------------------------------------------------

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function slugFor(name) {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f'\u2019]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    if ((slug ? slug.length + 1 : 0) + word.length > 80) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug || "new-service";
}

function fileName(entry) {
  return `${state.slug || slugFor(entry.name || "")}.yaml`;
}

function mailtoLink(entry) {
  const subject = `${state.slug ? "Update" : "New service"} for the Local Offer: ${entry.name}`;
  const full = mailtoHref(spec.email, { subject, body: `Here is the service file for ${entry.name}.\n\n${state.yaml}` });
  if (full.length <= MAX_MAILTO) return { href: full, attach: false };
  const note = `The service file ${fileName(entry)} is attached.\n`;
  return { href: mailtoHref(spec.email, { subject, body: note }), attach: true };
}

function valueAt(entry, path) {
  let value = entry;
  for (const key of path) {
    value = Array.isArray(value) ? value[0] : value;
    value = value == null ? undefined : value[key];
  }
  return value;
}

// The GitHub issue form, with the file in its "Service file" box and the answers GitHub insists
// on filled in. A link too long for GitHub keeps less, and the file is copied to paste instead.
function issueLink(entry) {
  const title = `Service: ${entry.name}`;
  const minimal = new URLSearchParams({ template: spec.issueTemplate, title });
  // An update names its service's page: the file is taken only for that service.
  if (state.slug) minimal.set(spec.issueUpdateField, `/services/${state.slug}/`);
  const answers = new URLSearchParams(minimal);
  for (const [field, path] of Object.entries(spec.issueFields)) {
    const value = valueAt(entry, path);
    if (value !== undefined) answers.set(field, String(value));
  }
  const full = new URLSearchParams(answers);
  full.set(spec.issueFileField, state.yaml);
  for (const [params, paste] of [[full, false], [answers, true]]) {
    const href = `${spec.newIssueUrl}?${params}`;
    if (href.length <= MAX_ISSUE_URL) return { href, paste };
  }
  return { href: `${spec.newIssueUrl}?${minimal}`, paste: true };
}

function showFile(entry) {
  state.yaml = toYaml(entry);
  yamlView.textContent = state.yaml;
  const mail = mailtoLink(entry);
  const email = byId("lo-email");
  email.href = mail.href;
  email.dataset.attach = String(mail.attach);
  const github = byId("lo-github");
  if (github) {
    const issue = issueLink(entry);
    github.href = issue.href;
    github.dataset.paste = String(issue.paste);
  }
}

async function copyFile(message) {
  try {
    await navigator.clipboard.writeText(state.yaml);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(yamlView);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    document.execCommand("copy");
  }
  actionStatus.textContent = message;
}

function download() {
  const entry = readEntry();
  const url = URL.createObjectURL(new Blob([state.yaml], { type: "application/yaml" }));
  const file = link("", url);
  file.download = fileName(entry);
  document.body.append(file);
  file.click();
  file.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  actionStatus.textContent = `Downloaded ${file.download}. Email it to ${spec.email}, or attach it on GitHub.`;
}

// --- Events ---------------------------------------------------------------------------------

function controlTarget(control) {
  return control.type === "checkbox" || control.type === "radio" ? control.name : control.id;
}

function touch(control) {
  state.touched.add(controlTarget(control));
  for (let box = control.closest("fieldset"); box; box = box.parentElement.closest("fieldset")) {
    if (box.id) state.touched.add(box.id);
  }
}

// A changed answer is checked when it is committed (when you leave it, or tick it). Not in the
// middle of a click or tap: a message appearing then would move the button or box being
// pressed from under the finger. (With touch, leaving a box comes after the finger is lifted.)
let pressing = false;
let checkAfterPress = false;
let releaseTimer = 0;

function refreshSoon() {
  if (pressing) checkAfterPress = true;
  else refresh();
}

function release() {
  clearTimeout(releaseTimer);
  pressing = false;
  if (checkAfterPress) {
    checkAfterPress = false;
    setTimeout(refresh); // after the click has done its work
  }
}

form.addEventListener("pointerdown", () => {
  pressing = true;
});
document.addEventListener("click", release, true);
document.addEventListener("pointercancel", release);
document.addEventListener("pointerup", () => {
  releaseTimer = setTimeout(release, 700); // in case no click follows
});

form.addEventListener("change", (event) => {
  if (event.target.matches("input, textarea")) {
    const tidied = tidyControl(event.target);
    if (tidied !== event.target.value) event.target.value = tidied;
  }
  if (event.target.matches("input, select, textarea")) touch(event.target);
  refreshSoon();
});

function showPreview() {
  renderPreview(spec, readEntry(), byId("lo-preview-card"), byId("lo-preview-page"));
}

// While an answer shows a problem, check it again as you type, so the message goes when fixed.
// The preview follows every key.
form.addEventListener("input", (event) => {
  if (state.checked || event.target.getAttribute("aria-invalid")) refreshSoon();
  else showPreview();
});

form.addEventListener("click", (event) => {
  const add = event.target.closest(".lo-add");
  if (add) {
    const repeat = add.closest(".lo-repeat");
    addItem(repeat, repeatNode(repeat));
    return;
  }
  const remove = event.target.closest(".lo-remove");
  if (remove) removeItem(remove.closest(".lo-item"));
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  state.checked = true;
  if (!state.id) state.id = newId();
  const { entry, problems } = refresh();
  if (problems.length) {
    result.hidden = true;
    summary.focus();
    return;
  }
  showFile(entry);
  result.hidden = false;
  formStatus.textContent = "";
  byId("lo-preview-title").focus(); // the preview, then the ways to send it
});

byId("lo-download").addEventListener("click", download);
byId("lo-copy").addEventListener("click", () =>
  copyFile("Copied. Paste it into an email to the Local Offer team, or into the GitHub form."),
);
byId("lo-email").addEventListener("click", () => {
  if (byId("lo-email").dataset.attach === "true") {
    download();
    actionStatus.textContent = `Your file is too long to put in the email: attach ${fileName(readEntry())}, which has been downloaded.`;
  }
});
byId("lo-github")?.addEventListener("click", () => {
  if (byId("lo-github").dataset.paste === "true") {
    copyFile("Your file is too long to send in a link, so it has been copied: paste it into the box \"Service file from the website form\" on GitHub.");
  }
});

// --- Start ----------------------------------------------------------------------------------

async function loadService(slug) {
  try {
    const response = await fetch(new URL(`services/${slug}/entry.json`, siteRoot));
    if (!response.ok) throw new Error(String(response.status));
    const entry = await response.json();
    state.slug = slug;
    fillFields(spec.fields, PREFIX, { ...entry, last_reviewed: today() });
    showPreview();
    formStatus.textContent = `The form has the details of ${entry.name} from the Local Offer. Change anything that is out of date, then check your answers.`;
  } catch {
    formStatus.textContent = "We could not load the details of that service. You can fill in the form yourself.";
  }
}

for (const note of document.querySelectorAll(".lo-nojs")) note.hidden = true;
app.hidden = false;
for (const repeat of form.querySelectorAll(".lo-repeat")) renumber(repeat, repeatNode(repeat));
byId(`${PREFIX}-last_reviewed`).value = today();
showPreview();
const wanted = new URLSearchParams(location.search).get("service");
if (wanted && SLUG.test(wanted)) loadService(wanted);
