"""The services directory: service pages, cards, browse pages, the filters and
their data, near me and the shortlist.

May import: the core modules, text/, files/, entries/, guidance/ and search/.
"""
