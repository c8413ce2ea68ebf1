"""Topics are django-taggit tags, shared by every language; this names them in each."""

from django.db import models


class TopicName(models.Model):
    """A topic's (tag's) name in another language: tags are shared by every language, and
    each language names them its own way."""

    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="translated_names")
    language_code = models.CharField(max_length=12)
    name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "language_code"], name="one_name_per_language")
        ]

    def __str__(self):
        return f"{self.tag}: {self.name} ({self.language_code})"
