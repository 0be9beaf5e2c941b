"""The records that have a history page: how to find them in an institution, where their
page is, and which history belongs to them (their signatures, versions, reviews …)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from assessments.models.credits import CreditAward
from assessments.models.lesson import LessonAssessment, LessonPreparation
from internships.models import (
    FeedforwardVisit,
    LioDay,
    Observation,
    Placement,
    StartApplication,
)
from portfolio.models.assignments import AssignmentWork, Attachment, WorkFeedback, WorkVersion
from portfolio.models.product import ProfessionalProduct
from portfolio.models.product_work import (
    DeliverableReview,
    DeliverableVersion,
    EvaluationForm,
    PartAssessment,
)
from portfolio.models.sketches import ProfileSketch, SketchAssessment, SketchVersion
from signoffs.models import Signature, SignatureRequest

from .selectors import Source


@dataclass(frozen=True)
class RecordKind:
    model: type[models.Model]
    institution_path: str
    detail_url: str
    detail_pk: Callable[[Any], int]
    related: Callable[[Any], list[Source]]


def _signoffs(document: models.Model) -> list[Source]:
    """The signature requests and signatures of a signed document."""
    filters = {
        "content_type_id": ContentType.objects.get_for_model(document).pk,
        "object_id": document.pk,
    }
    return [Source(SignatureRequest, filters), Source(Signature, filters)]


def _product(product: ProfessionalProduct) -> list[Source]:
    form = EvaluationForm.objects.filter(product=product).first()
    return [
        Source(DeliverableVersion, {"product_id": product.pk}),
        Source(DeliverableReview, {"version__product_id": product.pk}),
        Source(PartAssessment, {"product_id": product.pk}),
        Source(EvaluationForm, {"product_id": product.pk}),
        *(_signoffs(form) if form is not None else []),
    ]


KINDS: dict[str, RecordKind] = {
    "start-application": RecordKind(
        StartApplication,
        "placement__student__institution",
        "internships:start-application-detail",
        lambda record: record.pk,
        _signoffs,
    ),
    "observation": RecordKind(
        Observation,
        "placement__student__institution",
        "internships:observation-detail",
        lambda record: record.pk,
        _signoffs,
    ),
    "assessment": RecordKind(
        LessonAssessment,
        "placement__student__institution",
        "assessments:detail",
        lambda record: record.pk,
        lambda record: [
            Source(LessonPreparation, {"assessment_id": record.pk}),
            Source(CreditAward, {"assessment_id": record.pk}),
            *_signoffs(record),
        ],
    ),
    "product": RecordKind(
        ProfessionalProduct,
        "student__institution",
        "portfolio:product-detail",
        lambda record: record.student_id,
        _product,
    ),
    "work": RecordKind(
        AssignmentWork,
        "student__institution",
        "portfolio:work-detail",
        lambda record: record.pk,
        lambda record: [
            Source(Attachment, {"work_id": record.pk}),
            Source(WorkVersion, {"work_id": record.pk}),
            Source(WorkFeedback, {"version__work_id": record.pk}),
        ],
    ),
    "sketch": RecordKind(
        ProfileSketch,
        "student__institution",
        "portfolio:sketch-detail",
        lambda record: record.pk,
        lambda record: [
            Source(SketchVersion, {"sketch_id": record.pk}),
            Source(SketchAssessment, {"version__sketch_id": record.pk}),
        ],
    ),
    "placement": RecordKind(
        Placement,
        "student__institution",
        "internships:placement-detail",
        lambda record: record.pk,
        lambda record: [
            Source(FeedforwardVisit, {"placement_id": record.pk}),
            Source(LioDay, {"placement_id": record.pk}),
        ],
    ),
}
