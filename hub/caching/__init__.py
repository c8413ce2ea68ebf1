"""Fast for every reader, fresh the moment parents approve.

- ``generation``: one number in the shared cache that every cached thing is filed under.
  Anything the public can see changing gives it a new value (``changes``), so every worker and
  process forgets what it cached at once, whatever page listed or linked what changed.
- ``middleware``: whole pages for readers who are not signed in, from Django's cache middleware
  filed under the generation; and the ``Cache-Control`` headers a CDN follows.
- ``compression``: text gzipped for browsers that take it, kept so in the page cache.
- ``frontend``: tells a CDN or Varnish in front (``wagtail.contrib.frontend_cache``) which
  addresses to forget when something changes.
"""
