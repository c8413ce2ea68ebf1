"""No ordering traps: migrate before collectstatic works, and missing compiled translations
are a warning at start-up."""

import os
import subprocess
import sys
import time

from django.test import override_settings

from hub.translation.checks import compiled_translations
from tests.deploy.stack import ROOT, SECRET


def write_po(folder, code):
    messages = folder / code / "LC_MESSAGES"
    messages.mkdir(parents=True)
    po = messages / "django.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    return po


def test_translations_without_compiled_files_are_a_warning_naming_the_languages(tmp_path):
    write_po(tmp_path, "cy")
    write_po(tmp_path, "pl").with_suffix(".mo").write_bytes(b"")
    with override_settings(LOCALE_PATHS=[tmp_path]):
        [warning] = compiled_translations()
    assert warning.id == "hub.W001"
    assert "for cy are not compiled" in warning.msg
    assert "manage.py compilepo" in warning.hint


def test_a_translation_changed_since_it_was_compiled_is_a_warning(tmp_path):
    po = write_po(tmp_path, "cy")
    mo = po.with_suffix(".mo")
    mo.write_bytes(b"")
    os.utime(mo, (time.time() - 60, time.time() - 60))
    with override_settings(LOCALE_PATHS=[tmp_path]):
        assert [w.id for w in compiled_translations()] == ["hub.W001"]
        os.utime(mo)
        assert compiled_translations() == []


def test_migrate_checks_pass_before_collectstatic_has_run(tmp_path):
    """`migrate` runs the system checks, which load the URLs; none may need the static
    files manifest, which only `collectstatic` writes."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static-not-collected-yet"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--plan"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Missing staticfiles manifest" not in result.stderr
