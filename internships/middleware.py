from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .membership import membership_for


class InstitutionMiddleware:
    """Attach `request.membership` (person, institution, roles), loaded only when used."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = SimpleLazyObject(lambda: membership_for(request))  # type: ignore[attr-defined]
        return self.get_response(request)
