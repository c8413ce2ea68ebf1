"""`manage.py compilepo` and `manage.py demo_accounts`."""
