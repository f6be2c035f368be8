"""Easy read: the row layout editors write, its checks, its pictures, and the
easy-read page of each service written from its fields.

May import: everything below it: core, text/, files/, entries/, guidance/, search/ and
directory/.
"""
