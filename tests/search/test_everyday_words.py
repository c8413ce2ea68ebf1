"""Everyday words reach the right guide, in every language: the synonym groups of the demo
content (home/demo/content.py SEARCH_SYNONYMS), on the demo content itself."""

import re

import pytest

pytestmark = pytest.mark.django_db

CP = "child-protection-and-care-proceedings"
EASY = "child-protection-easy-read"

# (language, what a parent types, the guide it must reach first)
EVERYDAY = [
    ("en", "conferance", {CP}),
    ("cy", "conferance", {CP}),
    ("pl", "conferance", {CP}),
    ("ur", "conferance", {CP}),
    ("en", "removed", {CP}),
    ("en", "foster", {CP}),
    ("en", "kids taken away", {CP}),
    ("en", "will they take my kids", {CP}),
    ("en", "baby taken into care", {CP}),
    ("en", "social worker at my door", {CP, EASY}),
    ("en", "lawyer", {CP, EASY}),
    ("cy", "plant wedi'u cymryd", {CP}),
    ("cy", "gofal maeth", {CP}),
    ("cy", "cynhadledd", {CP, EASY}),
    ("cy", "gweithiwr cymdeithasol", {CP, EASY}),
    ("pl", "odebranie dzieci", {CP}),
    ("pl", "rodzina zastępcza", {CP}),
    ("pl", "konferencja", {CP, EASY}),
    ("pl", "pracownik socjalny", {CP, EASY}),
    ("ur", "بچے لے گئے", {CP}),
    ("ur", "فوسٹر", {CP}),
    ("ur", "سوشل ورکر", {CP, EASY}),
]


def first_result(client, language, query):
    """The first result's page, by its English slug (so every language reads the same)."""
    from wagtail.models import Page

    prefix = "" if language == "en" else f"/{language}"
    html = client.get(f"{prefix}/search/", {"q": query}).content.decode()
    found = re.search(
        r'<li class="app-listing__item"[^>]*>.*?<h2 class="govuk-heading-m[^"]*">'
        r'<a class="govuk-link" href="([^"]+)"',
        html,
        re.S,
    )
    if not found:
        return None
    page = next(p for p in Page.objects.live() if p.url == found[1])
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="en").slug


def test_everyday_words_in_every_language_reach_the_right_guide_first(demo, client):
    missed = []
    for language, query, expected in EVERYDAY:
        got = first_result(client, language, query)
        if got not in expected:
            missed.append(f"{language} {query!r}: first result {got}, wanted {sorted(expected)}")
    assert not missed, "\n".join(missed)
