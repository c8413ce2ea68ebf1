"""The admin's password reset form, with its email queued like every other (never sent while
the person waits: a mail server that hangs must not hang the page)."""

from django.template import loader
from wagtail.admin.forms.auth import PasswordResetForm

from hub.review.emails import deliver


class QueuedPasswordResetForm(PasswordResetForm):
    """Wagtail's form; the email it writes goes to the queue (`db_worker --backend email`)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        deliver.enqueue(subject, body, to_email)
