"""The security headers every response of the portal carries; reused by the role × URL matrix."""

from django.conf import settings

CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}
PERMISSIONS_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def csp_directives(header: str) -> dict[str, str]:
    directives = {}
    for part in header.split(";"):
        name, _space, value = part.strip().partition(" ")
        if name:
            directives[name] = value.strip()
    return directives


def assert_security_headers(response: object) -> None:
    """Strict CSP (no inline code, no plugins, no framing), nosniff, referrer, opener and
    permissions policies, framing denied, and HSTS on HTTPS."""
    headers = response.headers  # type: ignore[attr-defined]
    where = f"{response.status_code} {response.wsgi_request.path}"  # type: ignore[attr-defined]
    assert "Content-Security-Policy" in headers, where
    directives = csp_directives(headers["Content-Security-Policy"])
    assert directives == CSP_DIRECTIVES, where
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"], where
    assert headers.get("X-Content-Type-Options") == "nosniff", where
    assert headers.get("Referrer-Policy") == "same-origin", where
    assert headers.get("Cross-Origin-Opener-Policy") == "same-origin", where
    assert headers.get("X-Frame-Options") == "DENY", where
    permissions = headers.get("Permissions-Policy", "")
    for feature in PERMISSIONS_OFF:
        assert f"{feature}=()" in permissions, where
    if response.wsgi_request.is_secure() and settings.SECURE_HSTS_SECONDS:  # type: ignore[attr-defined]
        hsts = headers.get("Strict-Transport-Security", "")
        assert hsts.startswith(f"max-age={settings.SECURE_HSTS_SECONDS}"), where
