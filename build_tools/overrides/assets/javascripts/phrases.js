// Phrases joined into one sentence, as build_tools/text/phrases.py joins them: every label after the
// first loses its capital (unless it starts with an abbreviation or "I"), and a list of three or
// more whose items have commas of their own is set apart with semicolons. Used by the form's
// live preview (service-form-preview.js) and the editor's preview (/admin/, admin.js).

export function inSentence(phrase) {
  const first = phrase.split(" ", 1)[0];
  const rest = first.slice(1);
  // Python's not islower(): a capital after the first letter, or no letters at all.
  const notLower = rest !== rest.toLowerCase() || rest.toLowerCase() === rest.toUpperCase();
  if (first.length > 1 && notLower) return phrase;
  if (first === "I") return phrase;
  return phrase.slice(0, 1).toLowerCase() + phrase.slice(1);
}

export function joinPhrases(phrases, last = "and") {
  if (!phrases.length) return "";
  const words = [phrases[0], ...phrases.slice(1).map(inSentence)];
  if (words.length <= 2) return words.join(` ${last} `);
  const separator = words.some((word) => word.includes(",")) ? "; " : ", ";
  const tail = separator === "; " ? `; ${last} ` : ` ${last} `;
  return words.slice(0, -1).join(separator) + tail + words.at(-1);
}
