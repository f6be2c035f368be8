"""Reports for editors: how fresh the entries are (text, JSON, Markdown and the data
report page) and how plain the guidance pages are.

May import: everything up to and including pages/.
"""
