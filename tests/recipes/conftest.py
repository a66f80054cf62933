"""Fixtures of the recipe tests."""

from .helpers import fake_openai

__all__ = ["fake_openai"]
