"""`localoffer import-oruk`: Open Referral UK feeds in, provider YAML files out.

Reads ORUK 3.0 (`/services` pages and `/services/{id}` documents, including our own export)
and the older ORUK 1.0 style used by Outpost and others. Every value either finds a field,
or is kept in a comment block in the written file and in the report: nothing is dropped
silently. Nothing here imports MkDocs or click.
"""
