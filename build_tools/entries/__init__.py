"""Provider entries: reading YAML safely, checking it against the schema and the
rules, and the validated catalog a site is built from.

May import: the core modules, text/ and files/.
"""
