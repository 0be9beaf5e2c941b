"""The bare view: a static template through the same middleware, the load test's ceiling."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_not_required
def bare(request: HttpRequest) -> HttpResponse:
    """Nothing but a template render: no query, no session read (asked for without cookies)."""
    return render(request, "bench/bare.html")
