"""The demo data of the professional product: students at every stage, one exemption, and one
student (Anna Dijkstra) left to walk the whole route; running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from portfolio.demo_product import seed_products
from portfolio.models import (
    DeliverableVersion,
    EvaluationForm,
    PartAssessment,
    ProductStatus,
    ProfessionalProduct,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_stage_and_is_idempotent(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())
    statuses = dict(ProfessionalProduct.objects.values_list("student__student_number", "status"))
    assert statuses == {
        "NL-500101": ProductStatus.PHASE_1,
        "NL-500102": ProductStatus.PHASE_1,
        "NL-500103": ProductStatus.DELIVERED,
        "NL-500104": ProductStatus.SUBMITTED,
        "NL-500105": ProductStatus.RETURNED,
        "NL-500106": ProductStatus.COMPLETED,
        "NL-500107": ProductStatus.EXEMPT,
    }
    assert EvaluationForm.objects.get(product__status=ProductStatus.DELIVERED).status == "open"
    credits = PartAssessment.objects.filter(product__status=ProductStatus.COMPLETED)
    assert sorted(credits.values_list("credits", flat=True)) == [5, 9]
    counts = [m.objects.count() for m in (ProfessionalProduct, DeliverableVersion, PartAssessment)]
    seed_products(today=timezone.localdate())
    assert counts == [
        m.objects.count() for m in (ProfessionalProduct, DeliverableVersion, PartAssessment)
    ]
