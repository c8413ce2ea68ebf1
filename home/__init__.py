"""The front door (home page), ordinary pages, and the demo site built from the home page down."""
