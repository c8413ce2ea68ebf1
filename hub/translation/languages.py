"""The hub's languages come from configuration, so a council adds one without code.

``HUB_LANGUAGES`` is a comma-separated list of language codes; the first is the source
language that everything is written in first. Django already knows each language's own name
and direction for most codes ("ro", "ar", "bn"...). For one it does not know, give its name
in its own language and, if it is written right to left, ``rtl``: ``so:Soomaali`` or
``ps:پښتو:rtl``.
"""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

DEFAULT = "en,cy,pl,ur"


def parse_languages(spec):
    """(LANGUAGES, right-to-left codes) from a spec such as ``en,cy,pl,ur,so:Soomaali``.

    Codes Django does not know are added to its language table, so that language names,
    directions and the switcher work for them like any other.
    """
    languages, rtl = [], []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        code, *rest = (part.strip() for part in item.split(":"))
        code = code.lower()
        if code in {c for c, _ in languages}:
            raise ImproperlyConfigured(f"HUB_LANGUAGES lists '{code}' twice.")
        if rest:
            name = rest[0]
            is_rtl = len(rest) > 1 and rest[1].lower() == "rtl"
            LANG_INFO.setdefault(
                code, {"bidi": is_rtl, "code": code, "name": name, "name_local": name}
            )
        elif code not in LANG_INFO:
            raise ImproperlyConfigured(
                f"HUB_LANGUAGES: Django does not know the language '{code}'. Give its name in "
                f"its own language, and 'rtl' if it is written right to left, like "
                f"'{code}:Name' or '{code}:Name:rtl'."
            )
        info = LANG_INFO[code]
        languages.append((code, info["name"]))
        if info.get("bidi"):
            rtl.append(code)
    if not languages:
        raise ImproperlyConfigured("HUB_LANGUAGES is empty: it needs at least one language.")
    return languages, rtl
