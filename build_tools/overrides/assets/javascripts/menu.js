// A real menu button for phones and tablets, usable with a keyboard and a screen reader.
//
// mkdocs-material opens its navigation drawer with a <label> for a hidden checkbox: a mouse or a
// finger can use it, but it takes no keyboard focus, has no name and cannot carry a button role.
// This script puts a <button> with the same look in its place. It toggles the same checkbox,
// says whether the menu is open, moves focus into the drawer when it opens, and Escape closes
// the drawer and returns focus to the button. Without JavaScript the theme's label still works.

const drawer = document.getElementById("__drawer");
const label = document.querySelector('.md-header label[for="__drawer"]');

function makeButton() {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `${label.className} lo-menu-button`;
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-expanded", String(drawer.checked));
  button.append(...[...label.childNodes].map((node) => node.cloneNode(true)));
  label.before(button);
  label.hidden = true;
  return button;
}

function setOpen(button, open, moveFocus) {
  drawer.checked = open;
  drawer.dispatchEvent(new Event("change"));
  if (!moveFocus) return;
  if (open) {
    // The drawer becomes visible at once; focus its first link on the next frame.
    requestAnimationFrame(() => {
      const first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    });
  } else {
    button.focus();
  }
}

if (drawer && label) {
  const button = makeButton();
  button.addEventListener("click", (event) => {
    setOpen(button, !drawer.checked, event.detail === 0); // detail 0: Enter or Space
  });
  drawer.addEventListener("change", () => {
    button.setAttribute("aria-expanded", String(drawer.checked));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.checked) setOpen(button, false, true);
  });
}
