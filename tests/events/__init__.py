"""Tests of events, venues and calendar files."""
