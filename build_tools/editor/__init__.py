"""The editor at /admin/ (Decap CMS): its configuration generated from the schemas,
its pages and assets, and its local mode.

May import: everything up to and including reports/, submit/, exports/ and printable/.
"""
