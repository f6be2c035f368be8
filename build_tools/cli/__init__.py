"""The `localoffer` command: its subcommands and shared options. The only place that
prints; everything else returns values.

May import: anything in build_tools.
"""
