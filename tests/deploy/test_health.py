"""/healthz: 200 when the database answers ("degraded" if the cache does not: pages are still
served), 503 when it does not; never cached, no cookie, no login."""

import pytest
from django.db import OperationalError
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_a_healthy_hub_answers_200_with_a_tiny_json_body(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"].split(", ")
    assert not response.cookies


def test_the_health_check_needs_no_login_even_for_a_signed_in_parent(client, people):
    client.force_login(people["parent_a"])
    assert client.get("/healthz").status_code == 200


def test_a_database_that_does_not_answer_is_a_503(client, monkeypatch):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr("hub.health._database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "failed", "database": "failed", "cache": "ok"}
    assert "no-store" in response["Cache-Control"].split(", ")


def test_a_cache_that_does_not_answer_is_degraded_but_not_down(client):
    # Nothing listens on port 1: the Redis client is refused at once. Production's settings
    # carry on without the cache, so a load balancer must keep sending readers.
    unreachable = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "failed"}


def test_the_health_check_only_reads(client):
    assert client.post("/healthz").status_code == 405
