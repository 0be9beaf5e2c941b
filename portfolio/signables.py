"""The portfolio documents that go through the sign-off mechanism: the practice supervisor's
evaluation form of the professional product."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from internships.models import Role
from signoffs.registry import SignableKind, register

from .models import EvaluationForm
from .services.evaluation import evaluation_form_content, evaluation_form_sign


def _can_manage_evaluation(form: EvaluationForm, membership: Any) -> bool:
    """The coordinator and the product's graduation supervisor may re-send or withdraw links."""
    person = membership.person
    product = form.product
    if person is None or person.institution_id != product.student.institution_id:
        return False
    return Role.COORDINATOR in membership.roles or product.graduation_supervisor_id == person.pk


def register_signables() -> None:
    register(
        SignableKind(
            model=EvaluationForm,
            content=evaluation_form_content,
            content_template="portfolio/product/_evaluation_content.html",
            title=lambda form: (
                _("Evaluation form of the professional product of %(name)s")
                % {"name": form.product.student.person.full_name}
            ),
            detail_url=lambda form: reverse(
                "portfolio:product-evaluation", args=[form.product.student_id]
            ),
            sign=evaluation_form_sign,
            # The practice supervisor writes the form: there is no one to send it back to.
            send_back=None,
            can_manage=_can_manage_evaluation,
        )
    )
