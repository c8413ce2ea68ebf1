"""Reading pages the way a reader would: by their parts, not their markup."""

import re
from html import unescape


def titles(client, path="/search/", **params):
    """The result titles a listing (search by default) shows, in order."""
    html = client.get(path, params).content.decode()
    found = re.findall(
        r'<h2 class="govuk-heading-m[^"]*"><a class="govuk-link" href="[^"]*">(.*?)</a>', html
    )
    return [unescape(re.sub(r"<[^>]+>", "", title)) for title in found]
