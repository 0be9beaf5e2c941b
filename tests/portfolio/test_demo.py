"""The demo data of the portfolio: every theme of DOMAIN.md, work in every status, idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command

from portfolio.demo import seed_portfolio
from portfolio.models import (
    THEMES_BY_YEAR,
    Assignment,
    AssignmentWork,
    Attachment,
    ProfileSketch,
    WorkStatus,
    WorkVersion,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_theme_work_in_every_status_and_is_idempotent(
    settings: object,
) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())
    for year, themes in THEMES_BY_YEAR.items():
        found = set(Assignment.objects.filter(lio_year=year).values_list("theme", flat=True))
        assert found == set(themes)
    statuses = set(AssignmentWork.objects.values_list("status", flat=True))
    assert statuses == {
        WorkStatus.DRAFT,
        WorkStatus.SUBMITTED,
        WorkStatus.REVISE,
        WorkStatus.APPROVED,
    }
    assert ProfileSketch.objects.filter(status=WorkStatus.SUBMITTED).exists()

    counts = [m.objects.count() for m in (Assignment, AssignmentWork, WorkVersion, Attachment)]
    seed_portfolio()
    assert counts == [
        m.objects.count() for m in (Assignment, AssignmentWork, WorkVersion, Attachment)
    ]
