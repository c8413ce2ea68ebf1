"""Tests of what every page shares and of the project itself."""
