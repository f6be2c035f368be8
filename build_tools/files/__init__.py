"""What a command may read and write: the output folders it owns, links in the folders
a build reads, files written into the built site, the page cache, and work whose result is
files, shared out to forked processes.

May import: the core modules and text/.
"""
