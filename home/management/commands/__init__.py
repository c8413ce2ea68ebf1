"""`manage.py load_demo_content`."""
