"""Tests of parent review."""
