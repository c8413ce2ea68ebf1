"""The charters: principles with promises and stable anchors, and rights with what to do."""

import pytest

from charter.factories import CoProductionCharterPageFactory, ParentRightsCharterPageFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


def test_each_promise_gets_an_anchor_made_from_its_words(home):
    charter = CoProductionCharterPageFactory(
        parent=home,
        principles=[("Trust", ["We will not talk about you without you", "We decide together"])],
    )
    anchors = [p.anchor for p in charter.principles.first().promises.all()]
    assert anchors == ["we-will-not-talk-about-you-without-you", "we-decide-together"]


def test_promises_with_the_same_words_get_different_anchors(home):
    charter = CoProductionCharterPageFactory(
        parent=home, principles=[("Trust", ["Listen"]), ("Communication", ["Listen"])]
    )
    anchors = [p.anchor for pr in charter.principles.all() for p in pr.promises.all()]
    assert anchors == ["listen", "listen-2"]


def test_a_promise_keeps_its_anchor_when_its_words_are_edited(home, admin_client):
    charter = CoProductionCharterPageFactory(parent=home, principles=[("Trust", ["Old words"])])
    promise = charter.principles.first().promises.first()
    data = form_data.co_production_charter_page(charter)
    data["principles"] = form_data.inline_formset(
        [
            {
                "id": charter.principles.first().pk,
                "title": "Trust",
                "summary": "",
                "promises": form_data.inline_formset(
                    [{"id": promise.pk, "text": "New words"}], initial=1
                ),
            }
        ],
        initial=1,
    )
    data["action-publish"] = "publish"
    response = admin_client.post(
        f"/admin/pages/{charter.pk}/edit/", form_data.nested_form_data(data)
    )
    assert response.status_code == 302
    promise.refresh_from_db()
    assert (promise.text, promise.anchor) == ("New words", "old-words")


def test_the_charter_shows_every_principle_with_its_promises_and_their_anchors(home, client):
    charter = CoProductionCharterPageFactory(
        parent=home,
        principles=[("Trust", ["No talk about you without you"]), ("Creative", ["Try"])],
    )
    html = client.get(charter.url).content.decode()
    assert html.index(">Trust</h2>") < html.index(">Creative</h2>")
    assert 'id="promise-no-talk-about-you-without-you"' in html
    assert 'href="#principle-trust"' in html


def test_the_rights_charter_says_what_each_right_means_and_what_to_do_if_it_is_not_met(
    home, client
):
    rights = ParentRightsCharterPageFactory(parent=home)
    html = client.get(rights.url).content.decode()
    assert "To be treated with respect" in html
    assert "What this means for you" in html
    assert "If this does not happen" in html
    assert "Tell the worker&#x27;s manager." in html or "Tell the worker's manager." in html
    assert 'id="right-1"' in html and 'href="#right-1"' in html
