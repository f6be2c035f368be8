"""Lets `python -m build_tools.bench` run the benchmark."""

from build_tools.bench.run import main

if __name__ == "__main__":
    main()
