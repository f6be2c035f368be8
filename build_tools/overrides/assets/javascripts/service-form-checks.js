// The checks of the "Add or update your service" form. Pure functions, no page access.
//
// Every rule comes from the form's spec, which the build generates from the provider schema and
// the rules of `localoffer validate` (build_tools/submit/form_rules.py): required fields, lengths,
// patterns, ranges and list sizes per field; "at least one of" rules per group; and the checks
// across fields. A problem is returned as { path, message }, where path names the field in the
// entry: ["contacts", 0, "phone"], or ["contacts", 0] for the whole contact.

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

function length(text) {
  return [...text].length; // characters, as Python counts them, not UTF-16 units
}

function isEmpty(value) {
  return value === undefined;
}

function checkValue(node, value, details) {
  return node.checks.map((check) => checkOne(check, value, details)).filter(Boolean);
}

// What `localoffer validate` adds about a web address that is not one.
function urlDetail(value, details) {
  const scheme = value.includes(":") ? value.split(":", 1)[0].trim().toLowerCase() : "";
  if (details.refusedSchemes.includes(scheme)) return fill(details.refused, { scheme });
  if (scheme !== "http" && scheme !== "https") return details.noScheme;
  return details.incomplete;
}

function checkOne(check, value, details) {
  const text = typeof value === "string";
  switch (check.check) {
    case "integer":
      return Number.isInteger(value) ? null : check.message;
    case "number":
      return typeof value === "number" ? null : check.message;
    case "minLength":
      return text && length(value) < check.limit ? check.message : null;
    case "maxLength":
      return text && length(value) > check.limit ? fill(check.message, { length: length(value) }) : null;
    case "pattern":
      return text && !new RegExp(check.pattern, "u").test(value)
        ? fill(check.message, { value: `"${value}"`, detail: urlDetail(value, details) })
        : null;
    case "minimum":
      return typeof value === "number" && value < check.limit ? fill(check.message, { value }) : null;
    case "maximum":
      return typeof value === "number" && value > check.limit ? fill(check.message, { value }) : null;
    case "maxItems":
      return Array.isArray(value) && value.length > check.limit
        ? fill(check.message, { count: value.length })
        : null;
    case "item_minLength":
      return Array.isArray(value) && value.some((item) => length(item) < check.limit)
        ? check.message
        : null;
    case "item_maxLength": {
      const long = Array.isArray(value) ? value.find((item) => length(item) > check.limit) : null;
      return long ? fill(check.message, { length: length(long) }) : null;
    }
    default:
      return null;
  }
}

function brokenRule(rule, value) {
  if (rule.ifKey && value[rule.ifKey] !== rule.ifValue) return null;
  const met = rule.groups.some((keys) => keys.every((key) => !isEmpty(value[key])));
  return met ? null : rule.message;
}

// An item's questions as checked for its answers: a venue that is a private home needs no
// street, and its postcode may be just the first half.
function childrenFor(node, item) {
  const branch = node.branch;
  if (!branch) return node.children;
  const part = item && item[branch.key] === branch.value ? branch.then : branch.else;
  return node.children.map((child) => (part[child.key] ? { ...child, ...part[child.key] } : child));
}

// An item with nothing filled in gets one message, not one for each of its questions.
function isBlank(item) {
  return !item || Object.keys(item).length === 0;
}

function checkFields(nodes, data, path, problems, details) {
  for (const node of nodes) {
    checkNode(node, data ? data[node.key] : undefined, [...path, node.key], problems, details);
  }
}

function checkNode(node, value, path, problems, details) {
  if (node.kind === "hidden") return;
  if (isEmpty(value)) {
    if (!node.required) return;
    if (node.kind === "group") {
      checkFields(node.children, {}, path, problems, details); // name each missing answer
    } else if (node.kind === "repeat") {
      problems.push({ path, message: `Add a ${node.itemTitle.toLowerCase()}.` });
    } else {
      problems.push({ path, message: node.requiredMessage });
    }
    return;
  }
  for (const message of checkValue(node, value, details)) problems.push({ path, message });
  if (node.kind === "group") {
    checkFields(node.children, value, path, problems, details);
    for (const rule of node.rules || []) {
      const broken = brokenRule(rule, value);
      if (broken) problems.push({ path, message: broken });
    }
  } else if (node.kind === "repeat") {
    value.forEach((item, index) => {
      if (isBlank(item)) {
        const fix = index < node.min ? "Fill it in." : "Fill it in, or remove it.";
        const message = `${node.itemTitle} ${index + 1} is empty. ${fix}`;
        problems.push({ path: [...path, index], message });
        return;
      }
      checkFields(childrenFor(node, item), item, [...path, index], problems, details);
      for (const rule of node.rules || []) {
        const broken = brokenRule(rule, item);
        if (broken) problems.push({ path: [...path, index], message: broken });
      }
    });
  }
}

function get(entry, path) {
  return path.reduce((value, key) => (value == null ? undefined : value[key]), entry);
}

function titleAt(spec, path) {
  let nodes = spec.fields;
  let node = null;
  for (const key of path) {
    node = (nodes || []).find((candidate) => candidate.key === key);
    nodes = node ? node.children : [];
  }
  return node ? node.title : path.join(".");
}

function markdownProblem(spec, text, label) {
  const { patterns, messages } = spec;
  const html = new RegExp(patterns.html).exec(text);
  if (html) return fill(messages["html-in-text"], { label, snippet: html[0].slice(0, 40) });
  for (const match of text.matchAll(new RegExp(patterns.linkTarget, "gm"))) {
    const target = (match[1] || match[2] || "").replace(/>$/, "");
    if (!spec.safeLinkSchemes.some((scheme) => target.toLowerCase().startsWith(scheme))) {
      return fill(messages["unsafe-link"], { value: `"${target.slice(0, 60)}"` });
    }
  }
  if (new RegExp(patterns.picture).test(text)) return fill(messages.picture, { label });
  if (new RegExp(patterns.heading, "m").test(text) || new RegExp(patterns.setextHeading, "m").test(text)) {
    return fill(messages.heading, { label });
  }
  return null;
}

// The rules of `localoffer validate` that look at more than one field (build_tools/entries/rules.py).
function checkAcross(spec, entry, problems) {
  const { messages } = spec;
  const ages = entry.age_range || {};
  if (Number.isInteger(ages.min) && Number.isInteger(ages.max) && ages.min > ages.max) {
    problems.push({ path: ["age_range"], message: fill(messages["ages-reversed"], ages) });
  }
  if (entry.show_from && entry.show_until && entry.show_from > entry.show_until) {
    const dates = { start: entry.show_from, end: entry.show_until };
    problems.push({ path: ["show_from"], message: fill(messages["dates-reversed"], dates) });
  }
  const venues = entry.locations || [];
  if (!venues.length && !entry.delivery) {
    problems.push({ path: ["delivery"], message: messages["no-venue-or-delivery"] });
  } else if (!venues.length && entry.delivery.includes("in-person")) {
    problems.push({ path: ["delivery"], message: messages["in-person-without-venue"] });
  }
  (entry.schedules || []).forEach((slot, index) => {
    const { opens, closes } = slot;
    if (opens && closes && opens.length === 5 && closes.length === 5 && closes <= opens) {
      const message = fill(messages["times-reversed"], { opens, closes });
      problems.push({ path: ["schedules", index], message });
    }
  });
  for (const path of spec.markdownFields) {
    const text = get(entry, path);
    if (typeof text !== "string") continue;
    const message = markdownProblem(spec, text, titleAt(spec, path));
    if (message) problems.push({ path, message });
  }
}

// Every problem with an entry, in the order of the form.
export function checkEntry(spec, entry) {
  const problems = [];
  checkFields(spec.fields, entry, [], problems, spec.urlDetails);
  checkAcross(spec, entry, problems);
  return problems;
}
