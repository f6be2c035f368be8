"""Acceptance tests share the session-built sites of tests/conftest.py."""
