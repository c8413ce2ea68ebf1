"""Guides: step-by-step explanations, with Easy Read versions, leaflets and videos."""
