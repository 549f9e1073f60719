"""Headless sub-commands of ``passage`` (each imported only when it runs)."""
