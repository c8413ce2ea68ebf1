"""Comms staff read the hub's words in Wagtail's own screens: parent review, not moderation
or workflows; languages, not locales (locale/en/LC_MESSAGES/django.po rewords Wagtail)."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.helpers.workflow import story_in_review

pytestmark = pytest.mark.django_db


def visible_text(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return soup.get_text(" ", strip=True)


def test_the_editor_of_a_page_in_review_says_it_is_in_parent_review(client, home, people):
    story = story_in_review(home, people["comms"])
    client.force_login(people["comms"])
    text = visible_text(client.get(f"/admin/pages/{story.pk}/edit/"))
    assert "In parent review" in text
    assert not re.search(r"moderation|locale", text, re.IGNORECASE), re.findall(
        r".{40}(?:moderation|locale).{40}", text, re.IGNORECASE
    )
