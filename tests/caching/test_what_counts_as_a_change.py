"""Every model the hub has is named as one the public sees (a save empties the page cache) or
one it never sees (a save leaves it), so a new model cannot be forgotten; and the saves that
record only drafts, reviews or picture sizes never empty the cache."""

import pytest
from django.apps import apps
from wagtail.models import Page

from hub.caching import changes, generation
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db


def test_every_model_is_named_public_or_private():
    unnamed = [m._meta.label for m in apps.get_models() if not changes.classified(m)]
    assert unnamed == []


def test_no_model_is_named_both_public_and_private():
    assert changes.PUBLIC & changes.PRIVATE == set()


def test_every_name_is_a_real_model():
    labels = {m._meta.label for m in apps.get_models()}
    apps_ = {m._meta.app_label for m in apps.get_models()}
    # Wagtail's full-text index model on SQLite exists only there.
    only_on_some_databases = {"wagtailsearch.SQLiteFTSIndexEntry"}
    for name in (changes.PUBLIC | changes.PRIVATE) - only_on_some_databases:
        app, _, model = name.partition(".")
        assert (model == "*" and app in apps_) or name in labels, name


def test_every_page_type_counts_as_public():
    for model in apps.get_models():
        if issubclass(model, Page):
            assert changes.is_public(model)


def test_a_draft_and_its_parent_review_leave_the_cache_alone_until_it_goes_live(home, people):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Letters")
    before = generation.generation()
    story.title = "Letters to dads"
    submit(story, people["comms"])  # a new draft, sent to review
    act(story, people["parent_a"], "approve")  # one approval of two
    assert generation.generation() == before
    act(story, people["parent_b"], "approve")  # the second: it goes live
    assert generation.generation() != before


def test_a_picture_size_made_while_a_page_is_shown_leaves_the_cache_alone(db):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Hall", file=get_test_image_file())
    before = generation.generation()
    image.get_rendition("width-200")
    assert generation.generation() == before
