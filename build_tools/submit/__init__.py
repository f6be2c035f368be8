"""Getting services in: the schema as form questions, the website form and its
checks, the GitHub issue form, reading an issue into a provider file, and updating a
file without losing its comments.

May import: everything up to and including pages/.
"""
