"""Lets `python -m build_tools` run the localoffer command."""

from build_tools.cli import main

main()
