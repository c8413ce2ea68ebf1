"""Tests of the charters."""
