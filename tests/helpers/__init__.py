"""Helpers the tests share, one module per subject: `workflow` (moving content through parent
review), `form_data` (what the admin's editor posts), `translation`, `html`, `axe` and
`browser` (signing in, in Chromium). Test modules never import from one another."""
