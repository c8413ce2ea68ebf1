"""The glossary component: a word a parent may not know, explained in place, in their
language."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from home.factories import StandardPageFactory
from hub.blocks import GlossaryTermBlock

pytestmark = pytest.mark.django_db

LOOKED_AFTER = {
    "type": "glossary_term",
    "value": {
        "term": "looked after",
        "explanation": "<p>Your child lives with foster carers and the council shares "
        "parental responsibility with you.</p>",
    },
}


def test_a_glossary_term_is_a_details_element_asking_what_the_term_means(client, home):
    page = StandardPageFactory(parent=home, body=json.dumps([LOOKED_AFTER]))
    page.save_revision().publish()
    html = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    details = html.select_one("main details.app-glossary")
    assert details.summary.get_text(strip=True) == "What does ‘looked after’ mean?"
    assert "shares parental responsibility" in details.select_one(".govuk-details__text").text
    assert details.get("open") is None  # closed until the reader asks


@pytest.mark.parametrize(
    "language, question",
    [
        ("cy", "Beth yw ystyr ‘looked after’?"),
        ("pl", "Co oznacza „looked after”?"),
        ("ur", "‘looked after’ کا کیا مطلب ہے؟"),
    ],
)
def test_the_question_is_asked_in_the_readers_language(language, question):
    block = GlossaryTermBlock()
    value = block.to_python(LOOKED_AFTER["value"])
    with translation.override(language):
        html = BeautifulSoup(block.render(value), "html.parser")
    assert html.summary.get_text(strip=True) == question


def test_the_term_and_its_explanation_are_translated_with_the_page(home):
    from wagtail_localize.models import TranslationSource

    page = StandardPageFactory(parent=home, body=json.dumps([LOOKED_AFTER]))
    source, _created = TranslationSource.get_or_create_from_instance(page)
    texts = [s.string.data for s in source.stringsegment_set.select_related("string")]
    assert "looked after" in texts
    assert any(text.startswith("Your child lives with foster carers") for text in texts)
