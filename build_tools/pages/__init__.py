"""Page-wide work the build does to every page: guidance pages (markers, easy read,
glossary terms), the shared navigation, the Content Security Policy and raw HTML kept out
of Markdown.

May import: everything below it (core, text/ ... easy_read/).
"""
