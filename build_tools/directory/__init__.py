"""The directory: service pages, cards, browse lists, filters, near me and the shortlist.

May import the text helpers, the model and the schema; never the hooks, the site or the CLI.
"""
