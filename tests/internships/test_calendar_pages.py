"""School calendar pages, the coordinator's overrides and the planner page."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import CalendarOverride, Region, Role
from tests.conftest import World, client_for
from tests.factories import CalendarOverrideFactory, SchoolFactory, stage_follows

pytestmark = pytest.mark.django_db

ALL_ROLES = [
    Role.STUDENT,
    Role.COORDINATOR,
    Role.STUDY_COACH,
    Role.GRADUATION_SUPERVISOR,
    Role.ASSESSOR,
    Role.MENTOR,
    Role.DIRECTOR,
    Role.SCHOOL_TEACHER_EDUCATOR,
    Role.PRACTICE_SUPERVISOR,
    Role.QUALIFIED_SUPERVISOR,
]


def _urls(world: World) -> dict[str, tuple[str, dict[str, int]]]:
    """url -> {role: status}; roles not listed expect 403."""
    override = CalendarOverrideFactory(institution=world.institution, school_year=world.school_year)
    coordinator = {Role.COORDINATOR: 200}
    return {
        "list": (reverse("internships:calendar-list"), coordinator),
        "school": (
            reverse("internships:school-calendar", args=[world.school.pk, world.school_year.pk]),
            coordinator,
        ),
        "create": (reverse("internships:override-create"), coordinator),
        "update": (reverse("internships:override-update", args=[override.pk]), coordinator),
        "planner": (reverse("internships:planner"), {Role.COORDINATOR: 200, Role.STUDENT: 200}),
    }


@pytest.mark.parametrize("page", ["list", "school", "create", "update", "planner"])
@pytest.mark.parametrize("role", ALL_ROLES)
def test_who_may_open_the_calendar_pages(world: World, page: str, role: str) -> None:
    url, expected = _urls(world)[page]

    response = client_for(world.people[role]).get(url)

    assert response.status_code == expected.get(role, 403)


@pytest.mark.parametrize("page", ["list", "school", "planner"])
def test_every_calendar_page_has_one_h1(world: World, page: str) -> None:
    url, _ = _urls(world)[page]
    role = Role.STUDENT if page == "planner" else Role.COORDINATOR

    html = client_for(world.people[role]).get(url).content.decode()

    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_another_institutions_calendar_is_404(world: World, other_world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    theirs = CalendarOverrideFactory(
        institution=other_world.institution, school_year=other_world.school_year
    )
    urls = [
        reverse("internships:school-calendar", args=[other_world.school.pk, world.school_year.pk]),
        reverse("internships:school-calendar", args=[world.school.pk, other_world.school_year.pk]),
        reverse("internships:override-update", args=[theirs.pk]),
        f"{reverse('internships:calendar-list')}?year={other_world.school_year.pk}",
    ]

    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("internships:override-delete", args=[theirs.pk])).status_code == 404
    assert CalendarOverride.objects.filter(pk=theirs.pk).exists()


def _post_override(world: World, client: Client, **data: object) -> object:
    payload = {
        "school_year": world.school_year.pk,
        "school": world.school.pk,
        "kind": CalendarOverride.Kind.FREE_DAY,
        "start_date": "2026-10-07",
        "end_date": "",
        "label": "Studiedag team",
        **data,
    }
    return client.post(reverse("internships:override-create"), payload)


def test_the_coordinator_adds_a_free_day_for_one_school(world: World) -> None:
    coordinator = world.people[Role.COORDINATOR]

    response = _post_override(world, client_for(coordinator))

    override = CalendarOverride.objects.get()
    assert (override.start_date, override.end_date) == (date(2026, 10, 7), date(2026, 10, 7))
    assert override.school == world.school
    assert override.changed_by == coordinator
    assert response["Location"] == reverse(  # type: ignore[index]
        "internships:school-calendar", args=[world.school.pk, world.school_year.pk]
    )
    page = client_for(coordinator).get(response["Location"]).content.decode()  # type: ignore[index]
    assert "Studiedag team" in page


def test_an_override_for_all_schools_goes_back_to_the_list(world: World) -> None:
    response = _post_override(world, client_for(world.people[Role.COORDINATOR]), school="")

    assert CalendarOverride.objects.get().school is None
    assert response["Location"].startswith(reverse("internships:calendar-list"))  # type: ignore[index]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start_date": "2026-10-09", "end_date": "2026-10-07"}, "before the first day"),
        ({"start_date": "2027-08-03"}, "within the school year"),
    ],
)
def test_a_wrong_range_is_refused_and_the_form_keeps_what_was_typed(
    world: World, data: dict[str, str], message: str
) -> None:
    with_english = client_for(world.people[Role.COORDINATOR])
    with_english.cookies["django_language"] = "en"

    response = _post_override(world, with_english, **data)

    assert response.status_code == 200  # type: ignore[attr-defined]
    assert message in response.content.decode()  # type: ignore[attr-defined]
    assert 'value="Studiedag team"' in response.content.decode()  # type: ignore[attr-defined]
    assert not CalendarOverride.objects.exists()


def test_a_school_of_another_institution_cannot_be_chosen(world: World, other_world: World) -> None:
    response = _post_override(
        world, client_for(world.people[Role.COORDINATOR]), school=other_world.school.pk
    )

    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "school" in response.context["form"].errors  # type: ignore[attr-defined]
    assert not CalendarOverride.objects.exists()


def test_the_coordinator_changes_and_removes_an_override(world: World) -> None:
    override = CalendarOverrideFactory(institution=world.institution, school_year=world.school_year)
    client = client_for(world.people[Role.COORDINATOR])
    url = reverse("internships:override-update", args=[override.pk])

    client.post(
        url,
        {
            "school_year": world.school_year.pk,
            "school": "",
            "kind": CalendarOverride.Kind.SCHOOL_DAY,
            "start_date": "2026-10-19",
            "end_date": "2026-10-20",
            "label": "Toch open",
        },
    )
    override.refresh_from_db()
    assert (override.kind, override.label) == (CalendarOverride.Kind.SCHOOL_DAY, "Toch open")
    assert override.end_date == date(2026, 10, 20)

    delete_url = reverse("internships:override-delete", args=[override.pk])
    assert client.get(delete_url).status_code == 405
    assert CalendarOverride.objects.exists()
    client.post(delete_url)
    assert not CalendarOverride.objects.exists()


@pytest.mark.parametrize("role", [Role.STUDENT, Role.MENTOR, Role.STUDY_COACH])
def test_only_the_coordinator_changes_the_calendar(world: World, role: str) -> None:
    override = CalendarOverrideFactory(institution=world.institution, school_year=world.school_year)
    client = client_for(world.people[role])

    assert _post_override(world, client).status_code == 403  # type: ignore[attr-defined]
    url = reverse("internships:override-delete", args=[override.pk])
    assert client.post(url).status_code == 403
    assert CalendarOverride.objects.count() == 1


def test_the_calendar_pages_cost_a_constant_number_of_queries(
    world: World, django_assert_num_queries: object
) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    list_url = reverse("internships:calendar-list")
    school_url = reverse(
        "internships:school-calendar", args=[world.school.pk, world.school_year.pk]
    )
    for n in range(6):
        school = SchoolFactory(institution=world.institution)
        CalendarOverrideFactory(
            institution=world.institution, school_year=world.school_year, school=school
        )
        CalendarOverrideFactory(
            institution=world.institution,
            school_year=world.school_year,
            start_date=date(2026, 9, 1 + n),
            end_date=date(2026, 9, 1 + n),
        )
    client.get(list_url)  # warm the session

    with django_assert_num_queries(8):  # type: ignore[operator]
        assert client.get(list_url).status_code == 200
    with django_assert_num_queries(9):  # type: ignore[operator]
        assert client.get(school_url).status_code == 200


# --- the planner page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "skipped"),
    [
        (Region.NL_NOORD, ["ma 12 oktober 2026", "di 13 oktober 2026", "wo 14 oktober 2026"]),
        (Region.NL_MIDDEN, ["ma 19 oktober 2026", "di 20 oktober 2026", "wo 21 oktober 2026"]),
        (Region.NL_ZUID, ["ma 19 oktober 2026", "di 20 oktober 2026", "wo 21 oktober 2026"]),
    ],
)
def test_the_planner_page_shows_the_end_and_the_skipped_days_per_region(
    world: World, region: str, skipped: list[str]
) -> None:
    school = SchoolFactory(institution=world.institution, region=region)
    query = {"school": school.pk, "start": "2026-10-05", "weekdays": [0, 1, 2]}

    response = client_for(world.people[Role.STUDENT]).get(reverse("internships:planner"), query)

    assert response.status_code == 200
    html = response.content.decode()
    assert "maandag 7 december 2026" in html
    for day in skipped:
        assert day in html
    assert response.context["plan"].end_date == date(2026, 12, 7)
    assert "Herfstvakantie" in html
    assert 'class="cal-day cal-day--counted' in html


def test_the_planner_page_follows_the_coordinators_overrides(world: World) -> None:
    CalendarOverrideFactory(
        institution=world.institution,
        school_year=world.school_year,
        school=world.school,
        start_date=date(2026, 10, 7),
        end_date=date(2026, 10, 7),
        label="Verbouwing",
    )
    query = {"school": world.school.pk, "start": "2026-10-05", "weekdays": [0, 1, 2]}

    response = client_for(world.people[Role.COORDINATOR]).get(reverse("internships:planner"), query)

    assert response.context["plan"].end_date == date(2026, 12, 8)
    assert "Verbouwing" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field", "text"),
    [
        ({"start": "2026-10-05", "weekdays": [0, 2, 4]}, "weekdays", "aaneengesloten"),
        ({"start": "2026-10-05", "weekdays": [0, 1]}, "weekdays", "3"),
        ({"start": "2026-10-19", "weekdays": [0, 1, 2]}, "start", "Herfstvakantie"),
        ({"start": "2026-10-08", "weekdays": [0, 1, 2]}, "start", "8 oktober 2026"),
        ({"start": "2027-06-21", "weekdays": [0, 1, 2]}, "start", "31 juli 2027"),
    ],
)
def test_a_bad_choice_gets_the_planners_message_next_to_the_field(
    world: World, query: dict[str, object], field: str, text: str
) -> None:
    response = client_for(world.people[Role.STUDENT]).get(
        reverse("internships:planner"), {"school": world.school.pk, **query}
    )

    assert response.status_code == 200
    assert response.context["plan"] is None
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert text in " ".join(errors[field])


def test_the_planner_starts_from_the_students_placement(world: World) -> None:
    placement = world.placement
    placement.start_date, placement.weekdays = date(2026, 11, 2), [0, 1, 2]
    placement.save()
    stage_follows(placement)

    response = client_for(world.people[Role.STUDENT]).get(reverse("internships:planner"))

    form = response.context["form"]
    assert form.initial == {
        "school": world.school.pk,
        "start": date(2026, 11, 2),
        "weekdays": [0, 1, 2],
    }
    assert not form.is_bound


def test_a_flemish_school_calendar_has_the_flemish_holidays(other_world: World) -> None:
    url = reverse(
        "internships:school-calendar", args=[other_world.school.pk, other_world.school_year.pk]
    )

    response = client_for(other_world.people[Role.COORDINATOR]).get(url)

    free = {note.first for month in response.context["months"] for note in month.notes}
    assert date(2026, 11, 2) in free  # the Flemish autumn break starts after All Saints' Day
    assert date(2026, 11, 11) in free  # Wapenstilstand
