"""Words people use: synonym groups comms staff keep, applied to every search."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from search.query import words_of


class SearchSynonym(index.Indexed, models.Model):
    """Words and phrases that mean the same to a reader, such as "social worker" and
    "children's services": a search for one finds pages that use any of them."""

    words = models.TextField(
        "words that mean the same",
        help_text="One word or phrase per line, for example 'court' and 'care proceedings'.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Why these belong together (for comms staff)."
    )

    panels = [FieldPanel("words"), FieldPanel("note")]
    search_fields = [index.SearchField("words"), index.AutocompleteField("words")]

    class Meta:
        verbose_name = "synonym group"
        ordering = ["words"]

    def __str__(self):
        return " ~ ".join(self.phrases())

    def phrases(self):
        """Each line as the search sees it: its words, lower-cased."""
        return [" ".join(words_of(line)) for line in self.words.splitlines() if words_of(line)]

    @classmethod
    def groups(cls):
        return [group for group in (s.phrases() for s in cls.objects.all()) if len(group) > 1]
