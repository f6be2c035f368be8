"""Words, dates, links and safe markup that every page shares. Pure functions.

Owns: plain wording of entry fields (wording), dates in words, phrases joined into a
sentence, mailto:/tel:/sms: links, the Markdown subset for provider text and the HTML
sanitiser, look-alike characters, text made inert for GitHub.
May import: the core modules at the top of build_tools (model, schema, problems, paths,
clock) only.
"""
