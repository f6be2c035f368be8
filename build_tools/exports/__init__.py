"""Open data written next to the site: Open Referral UK JSON, CSV, JSON-LD, Atom and crawl files.

Pure functions from providers to documents and text. Nothing here imports MkDocs: the
on_post_build hook calls `write.write_exports`, and tests call the functions directly.
"""
