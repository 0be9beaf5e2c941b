"""The production settings (DEBUG off): hardened cookies and a clean deployment checklist."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-test-only-secret-key-that-is-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "lio.example.org",
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py, fixed arguments
        [sys.executable, *args],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_cookies_are_secure_and_host_prefixed() -> None:
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps([settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE]))"
    )
    env_code = f"import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'lio_portal.settings'; {code}"
    result = _run("-c", env_code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "__Host-sessionid",
        "__Host-csrftoken",
        True,
        True,
        True,
        "Lax",
    ]


def test_the_deployment_checklist_is_clean() -> None:
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
