"""Administrators with superuser rights may opt in to parent review emails (Account →
Notifications); parent reviewers always get them."""

from django import forms
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from hub.review.models import ReviewEmailPreference


class ReviewEmailForm(forms.ModelForm):
    class Meta:
        model = ReviewEmailPreference
        fields = ["review_requests"]


class ReviewEmailPanel(BaseSettingsPanel):
    """Lets administrators with superuser rights opt in to parent review emails."""

    name = "review_emails"
    title = "Parent review emails"
    tab = notifications_tab
    order = 150
    form_class = ReviewEmailForm

    def is_active(self):
        return self.user.is_superuser

    def get_form(self):
        instance = ReviewEmailPreference.objects.filter(user=self.user).first()
        instance = instance or ReviewEmailPreference(user=self.user)
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=instance, prefix=self.name)


def review_email_settings_panel(request, user, profile):
    """The register_account_settings_panel hook."""
    return ReviewEmailPanel(request, user, profile)
