"""Role checks for views: declare the roles on the view, refuse everyone else with 403."""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .membership import Membership


def require_roles(request: HttpRequest, roles: Iterable[str]) -> Membership:
    """Return the request's membership if it holds one of `roles`, else raise 403."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    if membership.person is None or not membership.has_any(frozenset(roles)):
        raise PermissionDenied
    return membership


class RoleRequiredMixin:
    """Class-based views: `required_roles = {Role.COORDINATOR}`; sets `self.membership`."""

    required_roles: frozenset[str] | set[str] = frozenset()
    membership: Membership

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.membership = require_roles(request, self.required_roles)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def role_required(
    *roles: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Function views: `@role_required(Role.COORDINATOR)`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require_roles(request, roles)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
