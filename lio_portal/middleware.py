import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .logging import bind_request, redact, unbind_request

access_log = logging.getLogger("lio_portal.access")

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy is kept only when it cannot break a log line or a response header.
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._\-]{8,100}")


class RequestLogMiddleware:
    """Give each request an id and log one access line when it is answered.

    The id comes from the load balancer's `X-Request-ID` header when that is a safe token, so a
    request can be followed from the proxy's log into ours; otherwise a new one is made. It is
    sent back in the same header. This middleware comes first, so the duration covers all others.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _incoming_request_id(request) or uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = bind_request(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            self._log(request, response, started)
            return response
        finally:
            unbind_request(token)

    def _log(self, request: HttpRequest, response: HttpResponse, started: float) -> None:
        path = redact(request.path)
        # Health checks every few seconds would drown the access log.
        quiet = getattr(request.resolver_match, "url_name", None) == "healthz"
        access_log.log(
            logging.DEBUG if quiet else logging.INFO,
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )


def _incoming_request_id(request: HttpRequest) -> str | None:
    candidate = request.headers.get(REQUEST_ID_HEADER, "")
    return candidate if _SAFE_REQUEST_ID.fullmatch(candidate) else None
