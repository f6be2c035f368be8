"""The benchmark behind `make bench`: a measurement, not a test. Nothing here asserts a time.

- `generate`: synthetic providers, varied from the shipped samples with a fixed seed.
- `floor`: what we compare with, run the same way: plain mkdocs-material, and the naive and the
  plain best ways to validate.
- `measure`: timing, peak memory and sizes of whole-process runs.
- `browser`: the bytes a browser downloads on first visits, with Chromium through Playwright.
- `run`: the command line; writes bench/out/results.md and prints it.
- `phases`: where one site build spends its time, phase by phase (`python -m
  build_tools.bench.phases --services 1000 --plain`).
"""
