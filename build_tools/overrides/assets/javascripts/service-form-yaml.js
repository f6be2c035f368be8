// Write a provider entry as YAML that `localoffer validate` reads back unchanged. Pure functions.
//
// Text is written plain only when it cannot be misread (it starts with a letter and holds only
// letters, digits, spaces and simple punctuation, and is not a yes/no word); anything else goes
// in double quotes, as JSON writes it, which YAML reads the same way. Text of several lines is
// written as a | block, so it stays readable.

const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.'()&/+-]*$/;
const AMBIGUOUS = /^(y|n|yes|no|on|off|true|false|null)$/i;

function plainText(text) {
  return PLAIN.test(text) && !text.endsWith(" ") && !AMBIGUOUS.test(text);
}

function blockText(text) {
  return (
    text.includes("\n") &&
    !/[\t\r]/.test(text) &&
    !text.startsWith(" ") &&
    !/[ ]\n|[ ]$/.test(text) &&
    !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text)
  );
}

export function scalar(value) {
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return plainText(value) ? value : JSON.stringify(value);
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function listLines(key, items, pad) {
  const lines = [`${pad}${key}:`];
  for (const item of items) {
    if (isObject(item) && !Object.keys(item).length) {
      lines.push(`${pad}  - {}`);
    } else if (isObject(item)) {
      // The item's first field shares the "- " line; the others line up under it.
      const inner = mappingLines(item, `${pad}    `);
      inner[0] = `${pad}  - ${inner[0].slice(pad.length + 4)}`;
      lines.push(...inner);
    } else {
      lines.push(`${pad}  - ${scalar(item)}`);
    }
  }
  return lines;
}

function mappingLines(entry, pad) {
  const lines = [];
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(...listLines(key, value, pad));
    } else if (isObject(value)) {
      lines.push(`${pad}${key}:`, ...mappingLines(value, `${pad}  `));
    } else if (typeof value === "string" && blockText(value)) {
      lines.push(`${pad}${key}: |-`);
      lines.push(...value.split("\n").map((line) => (line ? `${pad}  ${line}` : "")));
    } else {
      lines.push(`${pad}${key}: ${scalar(value)}`);
    }
  }
  return lines;
}

export const HEADER = [
  "# A service in the Dudley SEND Local Offer, made with the form on the website.",
  "# Every field is explained in the field reference: content/providers/field-reference.md",
  "# Check it with: localoffer validate",
];

export function toYaml(entry) {
  return [...HEADER, ...mappingLines(entry, "")].join("\n") + "\n";
}
