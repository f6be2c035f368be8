"""Lets `python -m build_tools` run the localoffer command."""

from build_tools.cli.main import main

main()
