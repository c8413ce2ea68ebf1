"""Numbers, phone numbers, emails and postcodes are isolated left to right in any language."""

from django.template import Context, Template
from django.utils.safestring import mark_safe

from hub.bidi import isolate_ltr_runs


def test_phone_numbers_emails_postcodes_and_prices_are_isolated_left_to_right():
    html = isolate_ltr_runs(
        "فون 0300 000 0000 یا +44 300 000 0000، ای میل partnership@example.org، KB1 1AA، £30"
    )
    for run in ("0300 000 0000", "+44 300 000 0000", "partnership@example.org", "KB1 1AA", "£30"):
        assert f'<bdi dir="ltr">{run}</bdi>' in html


def test_plain_text_is_escaped_before_it_is_marked_safe():
    assert isolate_ltr_runs("<script>0300 000 0000</script>") == (
        '&lt;script&gt;<bdi dir="ltr">0300 000 0000</bdi>&lt;/script&gt;'
    )


def test_in_rich_text_only_text_is_touched_never_tags_or_attributes():
    html = mark_safe(
        '<p>Call <a href="tel:03000000000" title="0300 000 0000">0300 000 0000</a>'
        "<bdi>1 2</bdi></p>"
    )
    assert isolate_ltr_runs(html) == (
        '<p>Call <a href="tel:03000000000" title="0300 000 0000">'
        '<bdi dir="ltr">0300 000 0000</bdi></a><bdi>1 2</bdi></p>'
    )


def test_words_and_lone_numbers_are_left_as_they_are():
    text = "Monday to Friday, 9am to 5pm. Step 2 of 5, it's 01 or 02."
    assert isolate_ltr_runs(text) == text.replace("'", "&#x27;")


def test_the_template_filter_isolates_numbers_in_text_and_rich_text():
    template = Template(
        "{% load hub_tags %}{{ text|isolate_numbers }}"
        "{% filter isolate_numbers %}{{ rich }}{% endfilter %}"
    )
    html = template.render(Context({"text": "0300 000 0000", "rich": mark_safe("<p>KB1 1AA</p>")}))
    assert html == '<bdi dir="ltr">0300 000 0000</bdi><p><bdi dir="ltr">KB1 1AA</bdi></p>'
