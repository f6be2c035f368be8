"""The site's search: a word index in small static files with typo tolerance and
words that mean the same to a family, and the writer of those files.

May import: the core modules, text/, files/, entries/ and guidance/.
"""
