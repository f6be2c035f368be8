"""What a page did that the security tests fail on: dialogs, a payload's marker, and Content
Security Policy violations, collected by a script Chromium runs before the page's own."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, ConsoleMessage, Dialog, Page

# Runs in every page before its own scripts. The violation listener catches what the CSP
# blocked; window.__pwned is what every payload in the injection corpus tries to set.
RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber} ${event.sample || ""}`
  );
});
"""


class SecurityWatch:
    """Dialogs opened and CSP complaints in the console, for every page of a context."""

    def __init__(self, context: BrowserContext) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        context.add_init_script(RECORDER)
        context.on("dialog", self._dialog)
        context.on("console", self._console)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(
            f"{dialog.type}: {dialog.message} on {dialog.page.url if dialog.page else ''}"
        )
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def page_findings(self, page: Page) -> list[str]:
        """What went wrong on the page now loaded: violations, and a payload that ran."""
        state: dict[str, Any] = page.evaluate(
            "() => ({violations: window.__cspViolations || [], pwned: '__pwned' in window})"
        )
        found = [f"CSP violation: {v}" for v in state["violations"]]
        if state["pwned"]:
            found.append("a payload ran: window.__pwned is set")
        return found
