"""Turns provider YAML files and Markdown guidance pages into the Dudley SEND Local Offer site."""
