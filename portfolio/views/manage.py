"""The coordinator: every student's portfolio progress, and the assignments per LIO year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Institution, Programme, Role, Track
from internships.permissions import role_required

from ..forms import AssignmentForm
from ..models import Assignment
from ..selectors import students_visible_to, with_portfolio_progress
from ..services import assignment_create, assignment_delete, assignment_update
from ._common import membership_of


def _institution(request: HttpRequest) -> Institution:
    institution = membership_of(request).institution
    assert institution is not None
    return institution


@role_required(Role.COORDINATOR)
def student_list(request: HttpRequest) -> HttpResponse:
    """Every student of the institution with the progress of their portfolio or sketch."""
    students = with_portfolio_progress(students_visible_to(membership_of(request))).order_by(
        "programme__name", "lio_year", "person__last_name", "person__first_name"
    )
    page = Paginator(students, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "portfolio/student_list.html",
        {"page_obj": page, "students": page.object_list, "is_paginated": page.has_other_pages()},
    )


def _assignments(institution: Institution) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(programme__institution=institution)
        .select_related("programme")
        .annotate(work_count=Count("works"))
    )


@role_required(Role.COORDINATOR)
def assignment_list(request: HttpRequest) -> HttpResponse:
    """The assignments of each Flemish-track programme, per LIO year and theme."""
    institution = _institution(request)
    assignments = _assignments(institution).order_by(
        "programme__name", "lio_year", "theme", "title"
    )
    return render(
        request,
        "portfolio/assignment_list.html",
        {
            "assignments": assignments,
            "has_programmes": Programme.objects.filter(
                institution=institution, track=Track.VL
            ).exists(),
        },
    )


@role_required(Role.COORDINATOR)
def assignment_new(request: HttpRequest) -> HttpResponse:
    institution = _institution(request)
    form = AssignmentForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_create(institution=institution, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The assignment has been added."))
            return redirect("portfolio:assignment-list")
    return render(request, "portfolio/assignment_form.html", {"form": form})


@role_required(Role.COORDINATOR)
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    institution = _institution(request)
    assignment = get_object_or_404(_assignments(institution), pk=pk)
    form = AssignmentForm(request.POST or None, instance=assignment, institution=institution)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment_update(
                assignment=get_object_or_404(Assignment, pk=assignment.pk),
                theme=data["theme"],
                title=data["title"],
                description=data["description"],
                deadline=data["deadline"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The assignment has been saved."))
            return redirect("portfolio:assignment-list")
    return render(
        request, "portfolio/assignment_form.html", {"form": form, "assignment": assignment}
    )


@require_POST
@role_required(Role.COORDINATOR)
def assignment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment, pk=pk, programme__institution=_institution(request))
    try:
        assignment_delete(assignment=assignment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The assignment has been deleted."))
    return redirect("portfolio:assignment-list")
