"""Tests of the home page, ordinary pages and the demo site."""
