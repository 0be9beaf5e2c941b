"""The profile sketch (track NL): the student writes it, a graduation supervisor assesses it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Role, StudentProfile
from internships.permissions import role_required
from lio_portal.uploads import protected_file_response

from ..forms import AssessmentForm, SectionForm, SketchImageForm
from ..models import EDITABLE_STATUSES, ProfileSketch, SketchImage, SketchSection, WorkStatus
from ..pdf import profile_sketch_pdf
from ..selectors import (
    dutch_students_with_sketch,
    sketch_history,
    sketch_images_visible_to,
    sketch_queue,
    sketch_with_content,
    sketches_visible_to,
)
from ..services import (
    profile_sketch_assess,
    profile_sketch_submit,
    sketch_image_add,
    sketch_image_remove,
    sketch_section_add,
    sketch_section_delete,
    sketch_section_update,
)
from ._common import membership_of, own_profile, pdf_response

SKETCH_READERS = (Role.STUDENT, Role.COORDINATOR, Role.GRADUATION_SUPERVISOR)


def sketch_page(
    request: HttpRequest, profile: StudentProfile, *, section_form: SectionForm | None = None
) -> HttpResponse:
    """The student's own profile sketch: sections, submit button and the versions so far."""
    sketch = ProfileSketch.objects.filter(student=profile).first()
    return render(
        request,
        "portfolio/sketch.html",
        {
            "profile": profile,
            "sketch": sketch_with_content(sketch) if sketch else None,
            "editable": sketch is None or sketch.status in EDITABLE_STATUSES,
            "section_form": section_form or SectionForm(),
            "history": sketch_history(sketch) if sketch else [],
        },
    )


@require_POST
@role_required(Role.STUDENT)
def section_add(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    form = SectionForm(request.POST)
    if form.is_valid():
        try:
            sketch_section_add(student=profile, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The section has been added."))
            return redirect("portfolio:mine")
    return sketch_page(request, profile, section_form=form)


def _own_section(request: HttpRequest, pk: int) -> SketchSection:
    return get_object_or_404(
        SketchSection.objects.select_related("sketch"),
        pk=pk,
        sketch__student=own_profile(request),
    )


def _section_page(
    request: HttpRequest,
    section: SketchSection,
    *,
    form: SectionForm | None = None,
    image_form: SketchImageForm | None = None,
) -> HttpResponse:
    return render(
        request,
        "portfolio/section_form.html",
        {
            "section": section,
            "editable": section.sketch.status in EDITABLE_STATUSES,
            "form": form or SectionForm(initial={"heading": section.heading, "text": section.text}),
            "image_form": image_form or SketchImageForm(),
            "images": section.images.filter(removed_at=None),
        },
    )


@role_required(Role.STUDENT)
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = _own_section(request, pk)
    if request.method != "POST":
        return _section_page(request, section)
    form = SectionForm(request.POST)
    if form.is_valid():
        try:
            sketch_section_update(section=section, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The section has been saved."))
            return redirect("portfolio:mine")
    return _section_page(request, section, form=form)


@require_POST
@role_required(Role.STUDENT)
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    section = _own_section(request, pk)
    try:
        sketch_section_delete(section=section)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The section has been deleted."))
    return redirect("portfolio:mine")


@require_POST
@role_required(Role.STUDENT)
def image_upload(request: HttpRequest, pk: int) -> HttpResponse:
    section = _own_section(request, pk)
    form = SketchImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            sketch_image_add(
                section=section,
                upload=form.cleaned_data["file"],
                alt_text=form.cleaned_data["alt_text"],
                caption=form.cleaned_data["caption"],
                actor=section.sketch.student.person,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The image has been added."))
            return redirect("portfolio:section-edit", pk=section.pk)
    return _section_page(request, section, image_form=form)


@require_POST
@role_required(Role.STUDENT)
def image_delete(request: HttpRequest, pk: int) -> HttpResponse:
    image = get_object_or_404(
        SketchImage.objects.select_related("sketch"),
        pk=pk,
        sketch__student=own_profile(request),
        removed_at=None,
    )
    section_id = image.section_id
    try:
        sketch_image_remove(image=image)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The image has been removed."))
    return (
        redirect("portfolio:section-edit", pk=section_id)
        if section_id
        else redirect("portfolio:mine")
    )


@require_POST
@role_required(Role.STUDENT)
def sketch_submit(request: HttpRequest) -> HttpResponse:
    profile = own_profile(request)
    sketch = get_object_or_404(ProfileSketch, student=profile)
    try:
        profile_sketch_submit(sketch=sketch, actor=profile.person)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your profile sketch has been submitted for assessment."))
    return redirect("portfolio:mine")


@role_required(*SKETCH_READERS)
def sketch_image(request: HttpRequest, pk: int) -> HttpResponse:
    """An image of a profile sketch, shown inline, to those who may read the sketch."""
    image = get_object_or_404(sketch_images_visible_to(membership_of(request)), pk=pk)
    return protected_file_response(
        file=image.file, content_type=image.content_type, filename=image.original_name, inline=True
    )


@role_required(*SKETCH_READERS)
def sketch_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    sketch = get_object_or_404(sketches_visible_to(membership_of(request)), pk=pk)
    return pdf_response(profile_sketch_pdf(sketch=sketch))


@role_required(Role.GRADUATION_SUPERVISOR, Role.COORDINATOR)
def sketch_list(request: HttpRequest) -> HttpResponse:
    """Sketches waiting for an assessment (oldest first), then every Dutch-track student."""
    membership = membership_of(request)
    return render(
        request,
        "portfolio/sketch_list.html",
        {
            "queue": sketch_queue(membership),
            "students": dutch_students_with_sketch(membership),
        },
    )


def _sketch_detail_page(
    request: HttpRequest, sketch: ProfileSketch, *, form: AssessmentForm | None = None
) -> HttpResponse:
    membership = membership_of(request)
    can_assess = (
        Role.GRADUATION_SUPERVISOR in membership.roles and sketch.status == WorkStatus.SUBMITTED
    )
    return render(
        request,
        "portfolio/sketch_detail.html",
        {
            "sketch": sketch_with_content(sketch),
            "history": sketch_history(sketch),
            "form": form or (AssessmentForm() if can_assess else None),
        },
    )


@role_required(Role.GRADUATION_SUPERVISOR, Role.COORDINATOR)
def sketch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sketch = get_object_or_404(sketches_visible_to(membership_of(request)), pk=pk)
    return _sketch_detail_page(request, sketch)


@require_POST
@role_required(Role.GRADUATION_SUPERVISOR)
def sketch_assess(request: HttpRequest, pk: int) -> HttpResponse:
    membership = membership_of(request)
    sketch = get_object_or_404(sketches_visible_to(membership), pk=pk)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            profile_sketch_assess(sketch=sketch, assessor=membership.person, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your assessment has been saved."))
            return redirect("portfolio:sketch-list")
    return _sketch_detail_page(request, sketch, form=form)
