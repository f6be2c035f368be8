// Makes the theme's menu button work with a keyboard and a screen reader.
//
// On phones and tablets mkdocs-material opens its navigation drawer with a <label> for a hidden
// checkbox: a mouse or a finger can use it, but it takes no keyboard focus and has no name.
// Here it becomes a named button that Enter and Space toggle, focus moves into the drawer when
// it opens, and Escape closes it and returns focus to the button.

const drawer = document.getElementById("__drawer");
const button = document.querySelector('.md-header label[for="__drawer"]');

function setOpen(open, moveFocus) {
  drawer.checked = open;
  drawer.dispatchEvent(new Event("change"));
  button.setAttribute("aria-expanded", String(open));
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

if (drawer && button) {
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-expanded", String(drawer.checked));
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    // The theme clicks a focused label on Enter from its own window-level handler: stop it
    // there, or the drawer would open and close again at once.
    event.stopPropagation();
    setOpen(!drawer.checked, true);
  });
  drawer.addEventListener("change", () => {
    button.setAttribute("aria-expanded", String(drawer.checked));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && drawer.checked) setOpen(false, true);
  });
}
