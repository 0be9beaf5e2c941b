"""Hooks for django-axes: which account a login attempt is for, and the lockout page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def login_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The e-mail address tried, in lower case: logins ignore case, so must the lockout."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    return str(source.get("username") or "").strip().lower()


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """A page in the house style, HTTP 429, that names the wait but not the account."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
