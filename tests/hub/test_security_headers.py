"""Every answer carries the hub's Content-Security-Policy and Permissions-Policy: the strict one
on public pages (cached ones too, which carry no nonce), the admin's under /admin/."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_a_public_page_has_the_strict_policy_from_the_cache_too(client, home):
    first = client.get("/")
    second = client.get("/")  # answered from the page cache
    for answer in (first, second):
        policy = directives(answer)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]
        assert "nonce-" not in answer["Content-Security-Policy"]
        assert "camera=()" in answer["Permissions-Policy"]
        assert "interest-cohort=()" in answer["Permissions-Policy"]
        assert answer["Referrer-Policy"] == "same-origin"
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


def test_a_preview_is_a_public_page_only_the_hubs_own_admin_may_frame(home, rf, people):
    # The editor's preview panel and a parent's review page show previews in a frame.
    request = rf.get(f"/admin/pages/{home.pk}/edit/preview/")
    request.user = people["comms"]
    response = home.make_preview_request(request, home.default_preview_mode)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]


def test_no_public_page_has_an_inline_script(client, home):
    import re

    html = client.get("/").text
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes or "application/ld+json" in attributes, attributes


def test_the_admin_has_the_strictest_policy_wagtail_works_under(client):
    policy = directives(client.get("/admin/login/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # wagtail#1288
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_accounts_middleware_leaves_public_pages_cacheable(client, home):
    """Throttling, two-step verification and session limits never touch a reader's session."""
    client.get("/")
    again = client.get("/")
    assert again["X-Hub-Cache"] == "hit"
    assert "Cookie" not in again.get("Vary", "")
    assert again.cookies == {}
