"""The admin's forms for a topic: its name and address in English and its name in each other
language; and merging one topic into another."""

from django import forms
from django.db import transaction
from django.utils.translation import get_language_info
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminModelForm

from hub.topics.curation import redirect_topic
from hub.topics.models import TopicName
from hub.topics.names import other_languages


def _name_field(code):
    info = get_language_info(code)
    return forms.CharField(
        label=f"Name in {info['name']} ({info['name_local']})",
        max_length=100,
        required=False,
        help_text="Leave blank to show the English name, marked as English.",
    )


class BaseTopicForm(WagtailAdminModelForm):
    """A topic's name and web address, and its name in each other language. Renaming keeps
    everything tagged; a new web address redirects from the old one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            names = dict(self.instance.translated_names.values_list("language_code", "name"))
            for code in other_languages():
                self.fields[f"name_{code}"].initial = names.get(code, "")

    @transaction.atomic
    def save(self, commit=True):
        old_slug = Tag.objects.filter(pk=self.instance.pk).values_list("slug", flat=True).first()
        tag = super().save(commit=commit)
        if old_slug and old_slug != tag.slug:
            redirect_topic(old_slug, tag.slug)
        for code in other_languages():
            name = self.cleaned_data.get(f"name_{code}", "").strip()
            if name:
                TopicName.objects.update_or_create(
                    tag=tag, language_code=code, defaults={"name": name}
                )
            else:
                TopicName.objects.filter(tag=tag, language_code=code).delete()
        return tag


# One "Name in ..." field per configured language, declared on the class so that the
# admin's panels can lay them out.
TopicForm = type(
    "TopicForm",
    (BaseTopicForm,),
    {f"name_{code}": _name_field(code) for code in other_languages()},
)


class MergeTopicForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        label="Merge into",
        help_text="Everything tagged with this topic will be tagged with the one you choose.",
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Tag.objects.exclude(pk=source.pk).order_by("name")
