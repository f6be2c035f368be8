"""The editors' content/ files that are data, not pages: the glossary, 'you said, we
did', the strategy setting, branding, page dates and feedback links, and the checks on
raw content files; plus the reference pages generated from the schema.

May import: the core modules, text/, files/ and entries/.
"""
