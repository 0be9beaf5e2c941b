"""The professional product's pages: the route through the forms, forms shown again with what
was typed, one <h1> per page, query budgets on the lists, and the coordinator's set-up."""

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from internships.models import Role
from portfolio.models import (
    ExpertiseArea,
    ProductSettings,
    ProductStatus,
    ProductType,
    ProfessionalProduct,
)
from portfolio.services import product_lists_seed
from tests.conftest import World, client_for
from tests.factories import PlacementFactory, ProfessionalProductFactory
from tests.portfolio.conftest import pdf_upload, student_of
from tests.portfolio.products import delivered, in_phase_1, sign_evaluation, submitted

pytestmark = pytest.mark.django_db


def dutch(text: str) -> str:
    """The portal speaks Dutch unless asked otherwise."""
    with translation.override("nl"):
        return translation.gettext(text)


def _h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def _start_post(world: World, **changes: object) -> dict[str, object]:
    product_lists_seed(institution=world.institution)
    return {
        "title": "Rekenkring",
        "question": "Leren van elkaar bij rekenen.",
        "expertise_area": ExpertiseArea.objects.first().pk,  # type: ignore[union-attr]
        "product_type": ProductType.objects.first().pk,  # type: ignore[union-attr]
        "practice_supervisor": world.people[Role.MENTOR].pk,
    } | changes


def test_the_start_form_proposes_the_mentor_and_submits(world: World) -> None:
    client = client_for(student_of(world).person)
    page = client.get(reverse("portfolio:product-start"))
    assert page.context["form"].initial["practice_supervisor"] == world.people[Role.MENTOR]
    response = client.post(reverse("portfolio:product-start"), _start_post(world))
    assert response.status_code == 302
    product = ProfessionalProduct.objects.get()
    assert product.status == ProductStatus.SUBMITTED
    assert product.practice_supervisor == world.people[Role.MENTOR]


def test_a_new_contact_needs_name_and_email_and_keeps_what_was_typed(world: World) -> None:
    client = client_for(student_of(world).person)
    data = _start_post(world, practice_supervisor="", new_first_name="Mila")
    response = client.post(reverse("portfolio:product-start"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "new_last_name" in form.errors and "new_email" in form.errors
    assert form["title"].value() == "Rekenkring"
    assert not ProfessionalProduct.objects.exists()


def test_the_coordinator_approves_with_the_supervisors_load_shown(world: World) -> None:
    in_phase_1(world)
    other = PlacementFactory(
        student__institution=world.institution, school=world.school, school_year=world.school_year
    ).student
    product = ProfessionalProductFactory(student=other)
    client = client_for(world.people[Role.COORDINATOR])
    page = client.get(reverse("portfolio:product-detail", args=[other.pk]))
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    expected = dutch("%(name)s (supervises %(count)s now)") % {
        "name": supervisor.full_name,
        "count": 1,
    }
    assert expected in page.content.decode()
    response = client.post(
        reverse("portfolio:product-approve", args=[other.pk]),
        {"graduation_supervisor": supervisor.pk},
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == ProductStatus.PHASE_1
    assert product.graduation_supervisor == supervisor


def test_a_return_without_comment_is_shown_again(world: World) -> None:
    product = submitted(world)
    client = client_for(world.people[Role.COORDINATOR])
    response = client.post(reverse("portfolio:product-return", args=[product.student_id]), {})
    assert response.status_code == 200
    assert response.context["return_form"].errors
    product.refresh_from_db()
    assert product.status == ProductStatus.SUBMITTED


def test_the_route_through_the_pages(world: World) -> None:
    product = in_phase_1(world)
    student = client_for(student_of(world).person)
    supervisor = client_for(world.people[Role.GRADUATION_SUPERVISOR])
    detail = reverse("portfolio:product-detail", args=[product.student_id])
    for phase in (1, 2):
        response = student.post(
            reverse("portfolio:product-upload", args=[phase]), {"file": pdf_upload(), "note": ""}
        )
        assert response.status_code == 302
        version = product.versions.get(phase=phase)
        response = supervisor.post(
            reverse("portfolio:product-review", args=[version.pk]),
            {"feedback": "Goed.", "decision": "accepted"},
        )
        assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == ProductStatus.DELIVERED
    sign_evaluation(world, product)
    for part in (1, 2):
        response = supervisor.post(
            reverse("portfolio:product-assess", args=[product.student_id, part]),
            {"result": "passed", "motivation": "Voldoet."},
        )
        assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == ProductStatus.COMPLETED
    page = student.get(reverse("portfolio:product-mine")).content.decode()
    with translation.override("nl"):
        total = translation.ngettext(
            "%(credits)s ec recorded so far.", "%(credits)s ec recorded so far.", 14
        ) % {"credits": 14}
    assert total in page
    assert _h1_count(supervisor.get(detail).content.decode()) == 1


def test_a_failed_upload_keeps_the_page_and_the_error(world: World) -> None:
    in_phase_1(world)
    student = client_for(student_of(world).person)
    response = student.post(reverse("portfolio:product-upload", args=[1]), {"note": "x"})
    assert response.status_code == 200
    assert response.context["phases"][0].upload_form.errors


def test_the_coordinator_records_an_exemption_through_the_page(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    student = student_of(world)
    response = client.post(
        reverse("portfolio:product-exemption", args=[student.pk]), {"reason": "Vrijstelling."}
    )
    assert response.status_code == 302
    assert ProfessionalProduct.objects.get(student=student).status == ProductStatus.EXEMPT
    response = client.post(reverse("portfolio:product-exemption-withdraw", args=[student.pk]))
    assert ProfessionalProduct.objects.get(student=student).status == ProductStatus.NOT_STARTED


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (Role.STUDENT, "portfolio:product-mine"),
        (Role.STUDENT, "portfolio:product-start"),
        (Role.COORDINATOR, "portfolio:product-list"),
        (Role.COORDINATOR, "portfolio:product-setup"),
        (Role.GRADUATION_SUPERVISOR, "portfolio:product-list"),
    ],
)
def test_every_page_has_exactly_one_h1(world: World, role: str, url_name: str) -> None:
    html = client_for(world.people[role]).get(reverse(url_name)).content.decode()
    assert _h1_count(html) == 1


def test_the_detail_and_evaluation_pages_have_one_h1(world: World) -> None:
    product = delivered(world)
    client = client_for(world.people[Role.PRACTICE_SUPERVISOR])
    for name in ("portfolio:product-detail", "portfolio:product-evaluation"):
        html = client.get(reverse(name, args=[product.student_id])).content.decode()
        assert _h1_count(html) == 1, name


def _students_with_products(world: World, count: int) -> None:
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    for _ in range(count):
        student = PlacementFactory(
            student__institution=world.institution,
            school=world.school,
            school_year=world.school_year,
        ).student
        ProfessionalProductFactory(
            student=student,
            status=ProductStatus.PHASE_1,
            approved_on=student.person.user.date_joined.date(),
            graduation_supervisor=supervisor,
            practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
        )


@pytest.mark.parametrize(
    "role", [Role.COORDINATOR, Role.GRADUATION_SUPERVISOR, Role.PRACTICE_SUPERVISOR]
)
def test_the_list_uses_a_fixed_number_of_queries(
    world: World, django_assert_num_queries: Any, role: str
) -> None:
    _students_with_products(world, 3)
    client = client_for(world.people[role])
    url = reverse("portfolio:product-list")
    with django_assert_num_queries(5) as first:
        assert client.get(url).status_code == 200
    _students_with_products(world, 4)
    with django_assert_num_queries(len(first.captured_queries)):
        assert len(client.get(url).context["rows"]) >= 7


def test_the_setup_page_manages_the_lists_and_the_phase_lengths(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    assert client.post(reverse("portfolio:product-lists-seed")).status_code == 302
    assert ExpertiseArea.objects.filter(institution=world.institution).count() == 12
    assert ProductType.objects.filter(institution=world.institution).count() == 12
    client.post(reverse("portfolio:product-entry-add", args=["areas"]), {"name": "Techniek"})
    area = ExpertiseArea.objects.get(name="Techniek")
    response = client.post(
        reverse("portfolio:product-entry-add", args=["areas"]), {"name": "techniek"}
    )
    assert response.status_code == 200  # a duplicate is refused, the page shows why
    client.post(
        reverse("portfolio:product-entry-edit", args=["areas", area.pk]), {"name": "Wetenschap"}
    )
    client.post(reverse("portfolio:product-entry-toggle", args=["areas", area.pk]))
    area.refresh_from_db()
    assert (area.name, area.active) == ("Wetenschap", False)
    programme = student_of(world).programme
    response = client.post(
        reverse("portfolio:product-programme-settings", args=[programme.pk]),
        {"phase_1_months": 3, "phase_2_months": 4},
    )
    assert response.status_code == 302
    assert ProductSettings.objects.get(programme=programme).phase_1_months == 3
    response = client.post(
        reverse("portfolio:product-programme-settings", args=[programme.pk]),
        {"phase_1_months": 0, "phase_2_months": 4},
    )
    assert response.status_code == 200
    assert ProductSettings.objects.get(programme=programme).phase_1_months == 3


def test_a_deactivated_entry_is_not_offered_on_the_start_form(world: World) -> None:
    product_lists_seed(institution=world.institution)
    area = ExpertiseArea.objects.filter(institution=world.institution).first()
    assert area is not None
    area.active = False
    area.save()
    page = client_for(student_of(world).person).get(reverse("portfolio:product-start"))
    assert area not in page.context["form"].fields["expertise_area"].queryset


def test_the_setup_page_uses_a_fixed_number_of_queries(
    world: World, django_assert_num_queries: Any
) -> None:
    product_lists_seed(institution=world.institution)
    client = client_for(world.people[Role.COORDINATOR])
    with django_assert_num_queries(7):
        assert client.get(reverse("portfolio:product-setup")).status_code == 200
