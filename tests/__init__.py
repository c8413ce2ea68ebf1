"""The hub's tests, mirroring its apps and packages; browser tests in tests/browser."""
