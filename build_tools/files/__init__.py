"""What a command may read and write: the output folders it owns, links in the folders
a build reads, and files written into the built site.

May import: the core modules and text/.
"""
