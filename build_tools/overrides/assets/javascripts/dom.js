// Helpers the site's scripts share. Text is only ever set as textContent, never as HTML.

// This file is at assets/javascripts/: the site root is two folders up, wherever the site is
// published (a domain root or a sub-folder). Module scripts never run from file:// pages, so
// the offline copy does not need it.
export const siteRoot = new URL("../../", import.meta.url);

// An element with its text and class, each left out when not given.
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function link(text, href) {
  const node = element("a", text);
  node.href = href;
  return node;
}
