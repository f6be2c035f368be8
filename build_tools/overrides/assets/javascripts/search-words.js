// Looking a family's words up in the site's word index (build_tools/search/word_index.py), and
// ranking the pages found. Used by finder.js.
//
// Each word costs one small file, search/words/<first two letters>.json. A word the index
// does not hold is matched as the start of longer words (so results come while a family is
// still typing), and failing that, as a typo: the site's words one letter away (wrong,
// missing, extra or swapped), found through search/near/ (build_tools/search/typo_index.py), which
// costs at most three more small files, and only for that word.

// A word in a page's name or title counts most; then in what it is about (a service's summary
// and the needs it is made for, a guidance page's description and headings); then in its other
// headings; then in its text (word_index.PLACES).
const PLACE_WEIGHTS = [8, 4, 2, 1];
const MIN_TYPO_LENGTH = 4; // as typo_index.MIN_TYPO_LENGTH
const MOST_FORMS = 30; // words listed for the excerpt, when a short word starts many

function fromGaps(gaps) {
  let number = 0;
  return gaps.map((gap) => (number += gap));
}

// True when a and b are one letter apart: one replaced, left out, added, or two side by side
// swapped.
export function oneEditApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1);
}

function deletions(word) {
  return Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1));
}

export class WordSearch {
  // fetchJson(url) gives a file's contents, fetched once, or null when there is no such file.
  constructor(searchRoot, fetchJson) {
    this.root = searchRoot;
    this.fetchJson = fetchJson;
  }

  shard(folder, word) {
    return this.fetchJson(new URL(`${folder}/${word.slice(0, 2)}.json`, this.root));
  }

  // The site's words one letter away from a word the index does not hold.
  async typoWords(word) {
    if (word.length < MIN_TYPO_LENGTH || !/^[a-z]+$/.test(word)) return [];
    const keys = [word, ...deletions(word)].filter((key) => key.length >= 2);
    const shards = [...new Set(keys.map((key) => key.slice(0, 2)))];
    const files = await Promise.all(shards.map((s) => this.shard("near", s)));
    const byShard = new Map(shards.map((s, n) => [s, files[n] || {}]));
    const near = new Set();
    for (const key of keys) {
      const found = byShard.get(key.slice(0, 2))[key];
      if (found) for (const candidate of found.split(" ")) near.add(candidate);
    }
    return [...near].filter((candidate) => oneEditApart(word, candidate));
  }

  // The pages holding a word of the site, each with its weight, and the words that matched
  // (its forms and the words meaning the same), for the excerpt.
  async siteWords(words) {
    const found = new Map();
    const matched = new Set();
    let pages = 1;
    for (const word of words) {
      const data = await this.shard("words", word);
      if (!data || !Object.hasOwn(data.words, word)) continue;
      pages = data.pages;
      const place = data.words[word];
      for (const [form, at] of Object.entries(data.words)) if (at === place) matched.add(form);
      for (const alike of data.same?.[place] || []) matched.add(alike);
      data.found[place].forEach((gaps, where) => {
        const weight = PLACE_WEIGHTS[where];
        for (const number of fromGaps(gaps)) {
          if ((found.get(number) || 0) < weight) found.set(number, weight);
        }
      });
    }
    return { found, pages, matched };
  }

  // One word of a search: the word itself; else the words it starts; else its typos.
  async lookUp(word) {
    const data = await this.shard("words", word);
    const known = data ? Object.keys(data.words) : [];
    if (known.includes(word)) return { ...(await this.siteWords([word])), instead: null };
    const longer = known.filter((w) => w.startsWith(word)).slice(0, MOST_FORMS);
    if (longer.length) return { ...(await this.siteWords(longer)), instead: null };
    const near = await this.typoWords(word);
    const result = await this.siteWords(near);
    return { ...result, instead: near.length ? near : null };
  }

  // Pages holding every word, best first: a word counts more where it says what the page is
  // about, and more the fewer pages hold it. Equal scores keep name order. Also gives the
  // words that matched (for excerpts) and any typos read as other words.
  async pagesMatching(words) {
    const lists = await Promise.all(words.map((word) => this.lookUp(word)));
    const scored = [];
    for (const number of lists[0].found.keys()) {
      let score = 0;
      for (const { found, pages } of lists) {
        const weight = found.get(number);
        if (!weight) {
          score = 0;
          break;
        }
        score += weight * Math.log(1 + pages / found.size);
      }
      if (score) scored.push([number, score]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const matched = new Set(lists.flatMap((list) => [...list.matched]));
    const instead = words
      .map((word, n) => [word, lists[n].instead])
      .filter(([, near]) => near);
    return { numbers: scored.map(([number]) => number), matched: [...matched], instead };
  }
}

// Where a card's text holds one of the matched words (at the start of a word): [start, end],
// the earliest and longest, or null.
export function firstMatch(text, matched) {
  const lower = text.toLowerCase();
  let best = null;
  for (const word of matched) {
    const pattern = word.replace(/[^a-z0-9 ]/g, "").replace(/ +/g, "[^a-z0-9]+");
    if (!pattern) continue;
    const found = new RegExp(`(^|[^a-z0-9])(${pattern})`).exec(lower);
    if (!found) continue;
    const start = found.index + found[1].length;
    const end = start + found[2].length;
    if (!best || start < best[0] || (start === best[0] && end > best[1])) best = [start, end];
  }
  return best;
}
