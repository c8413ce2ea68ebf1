"""What a person sees in Chromium: accessibility, keyboard, parent review, search, translation."""
