"""Email never blocks a request: with a mail server that accepts a connection and never
answers, "submit for review" still answers in under a second and the review is saved; the
emails wait in the queue, and go out when the server is back and the worker runs."""

import socket
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub.review.emails import deliver
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]},
}
WORKER = [
    "db_worker",
    "--batch",
    "--backend",
    "email",
    "--queue-name",
    "email",
    "--no-startup-delay",
]


@pytest.fixture
def hanging_mail_server():
    """A socket that accepts connections and never says a word (an SMTP server that hangs)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_a_hanging_mail_server_costs_a_submit_less_than_a_second_and_the_email_goes_later(
    home, people, client, hanging_mail_server
):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Cafe")
    story.save_revision().publish()
    client.force_login(people["comms"])
    data = form_data.nested_form_data(
        {**form_data.story_page(story, title="Support cafe"), "action-submit": "1"}
    )
    with override_settings(
        TASKS=QUEUE,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=hanging_mail_server,
        EMAIL_TIMEOUT=1,
    ):
        started = time.monotonic()
        answer = client.post(f"/admin/pages/{story.pk}/edit/", data)
        took = time.monotonic() - started
        assert answer.status_code == 302
        assert took < 1.0, f"submit took {took:.2f} s"
        story.refresh_from_db()
        assert story.current_workflow_state.status == "in_progress"  # the decision is saved
        queued = DBTaskResult.objects.filter(status="READY").count()
        assert queued >= 3  # one per person told, every parent reviewer among them
        # The worker meets the hanging server: each email times out, is logged and retried.
        call_command(*WORKER)
        retries = DBTaskResult.objects.filter(status="READY", args_kwargs__args__3=2)
        assert retries.count() == queued
        assert mail.outbox == []

    # The server is back (here: Django's test mailbox); the retries fall due and the worker
    # sends them.
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    with override_settings(TASKS=QUEUE):
        call_command(*WORKER)
    told = {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == queued
    assert {"parent_a@example.org", "parent_b@example.org", "parent_c@example.org"} <= told


def test_a_failed_email_is_logged_and_given_up_after_the_last_retry(caplog, settings, people):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens: refused
    deliver.call("Subject", "Body", "parent_a@example.org", 5)
    # People appear in the logs by number, never by address (docs/deploy.md, Logs).
    number = people["parent_a"].pk
    assert f"Gave up sending an email to user {number} after 5 attempts" in caplog.text
    deliver.call("Subject", "Body", "nobody@example.org", 5)
    assert "Gave up sending an email to an address with no account after 5" in caplog.text
    assert "@example.org" not in caplog.text


def test_the_email_timeout_is_set(settings):
    assert settings.EMAIL_TIMEOUT == 5


def test_a_password_reset_email_is_queued_not_sent_while_the_person_waits(make_member):
    from django.test import Client

    make_member("sam")  # sam@example.org
    with override_settings(TASKS=QUEUE):
        mail.outbox.clear()
        started = time.monotonic()
        response = Client().post("/admin/password_reset/", {"email": "sam@example.org"})
        assert time.monotonic() - started < 1
        assert response.status_code == 302
        assert mail.outbox == []
        assert DBTaskResult.objects.count() == 1
        call_command(*WORKER)
    (email,) = mail.outbox
    assert email.to == ["sam@example.org"]
    assert "/admin/password_reset/confirm/" in email.body
