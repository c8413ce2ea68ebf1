"""What the cache keeps in the database as well: its generation (``hub.caching.generation``)."""

from django.db import models


class CacheGeneration(models.Model):
    """The page cache's generation as the last change set it, kept in the database as well as
    in the shared cache. A change that could not reach the shared cache (Redis was down, or
    out of a command's reach) is still written here, with the change, and every web process
    brings the shared cache up to it within ``HUB_CACHE_CHECK_SECONDS`` of it being back. One
    row."""

    value = models.BigIntegerField()

    class Meta:
        verbose_name = "cache generation"

    def __str__(self):
        return str(self.value)
