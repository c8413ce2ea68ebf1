"""Tests of languages and translation."""
