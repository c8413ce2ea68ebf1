"""A page behind a password sets no cookie until the reader sends the right password; the
form works without a CSRF cookie, and refuses a POST from another site."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(home):
    page = StandardPageFactory(parent=home, title="For the families' group")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="family-2026"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def test_showing_a_restricted_page_sets_no_cookie(client, restricted):
    page, _url = restricted
    answer = client.get(page.url)
    assert answer.status_code == 200
    assert "Password required" in answer.text
    assert answer.cookies == {}
    assert 'name="csrfmiddlewaretoken"' not in answer.text
    # Nothing of the page behind the password: not its title, nor its description.
    assert "For the families" not in answer.text
    assert page.search_description == "" or page.search_description not in answer.text


def test_the_right_password_opens_the_page_with_csrf_checks_on(restricted):
    page, url = restricted
    client = Client(enforce_csrf_checks=True)
    answer = client.post(
        url,
        {"password": "family-2026", "return_url": page.url},
        HTTP_ORIGIN="http://testserver",
    )
    assert answer.status_code == 302
    assert "csrftoken" not in answer.cookies
    assert "For the families" in client.get(page.url).text


def test_a_wrong_password_sets_no_cookie(restricted):
    page, url = restricted
    client = Client(enforce_csrf_checks=True)
    answer = client.post(
        url, {"password": "guess", "return_url": page.url}, HTTP_ORIGIN="http://testserver"
    )
    assert answer.status_code == 200
    assert "That password is not right" in answer.text
    assert answer.cookies == {}


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_REFERER": "https://evil.example/x"}, {}],
    ids=["other origin", "other referer", "neither"],
)
def test_a_password_sent_from_another_site_is_refused(restricted, headers):
    page, url = restricted
    client = Client(enforce_csrf_checks=True)
    answer = client.post(url, {"password": "family-2026", "return_url": page.url}, **headers)
    assert answer.status_code == 403
    assert "For the families" not in client.get(page.url).text
