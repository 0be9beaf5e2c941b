"""A placement: one student's LIO at one school in one school year."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .organisations import Country, School, SchoolYear
from .people import Person, StudentProfile


class Grade(models.TextChoices):
    """Classes of a primary school: *groepen* in the Netherlands, *leerjaren* in Flanders."""

    NL_1 = "NL1", _("group 1")
    NL_2 = "NL2", _("group 2")
    NL_3 = "NL3", _("group 3")
    NL_4 = "NL4", _("group 4")
    NL_5 = "NL5", _("group 5")
    NL_6 = "NL6", _("group 6")
    NL_7 = "NL7", _("group 7")
    NL_8 = "NL8", _("group 8")
    VL_1 = "VL1", _("1st year (first grade)")
    VL_2 = "VL2", _("2nd year (first grade)")
    VL_3 = "VL3", _("3rd year (second grade)")
    VL_4 = "VL4", _("4th year (second grade)")
    VL_5 = "VL5", _("5th year (third grade)")
    VL_6 = "VL6", _("6th year (third grade)")

    @classmethod
    def for_country(cls, country: str) -> list[tuple[str, str]]:
        prefix = "NL" if country == Country.NL else "VL"
        return [(value, label) for value, label in cls.choices if value.startswith(prefix)]


def grades_display(grades: list[str]) -> str:
    labels = dict(Grade.choices)
    return ", ".join(str(labels.get(grade, grade)) for grade in grades)


class Placement(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    student = models.ForeignKey(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="placements",
        verbose_name=_("student"),
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="placements", verbose_name=_("school")
    )
    school_year = models.ForeignKey(
        SchoolYear,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("school year"),
    )
    class_name = models.CharField(
        _("class"), max_length=60, blank=True, help_text=_("For example 'groep 7b' or '2A'.")
    )
    grades = models.JSONField(_("grades"), default=list, blank=True)
    mentor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_placements",
        verbose_name=_("mentor"),
    )
    director = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directed_placements",
        verbose_name=_("school director"),
    )
    study_coach = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coached_placements",
        verbose_name=_("study coach"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # Counters of the LIO day log, kept by the day-log services (internships.services.lio_days)
    # so that lists over thousands of placements need not aggregate their days.
    days_logged = models.PositiveIntegerField(_("LIO days logged"), default=0, editable=False)
    days_counting = models.PositiveIntegerField(
        _("logged LIO days of a counting kind"), default=0, editable=False
    )
    last_logged_day = models.DateField(
        _("last logged LIO day"), null=True, blank=True, editable=False
    )
    first_open_day = models.DateField(
        _("first logged LIO day not confirmed"), null=True, blank=True, editable=False
    )
    # The dates from which it needs action, derived from its records and its school's
    # calendar by internships.services.action_dates, so that the dashboard finds the
    # placements that are behind with a query: the first planned LIO day the logged days do
    # not cover (seed 002), and the first month of its period with too few observations
    # (seed 000; short once the month has closed).
    log_behind_from = models.DateField(
        _("day log behind from"), null=True, blank=True, editable=False
    )
    first_short_month = models.DateField(
        _("first month with too few observations"), null=True, blank=True, editable=False
    )
    # The rank of its stage in the pipeline (internships.pipeline; 1: application in draft),
    # kept by the services that change its status, its start application or its assessment.
    stage_rank = models.PositiveSmallIntegerField(_("pipeline stage"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited(
        excluded_fields=[
            "days_logged",
            "days_counting",
            "last_logged_day",
            "first_open_day",
            "log_behind_from",
            "first_short_month",
            "stage_rank",
        ]
    )

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-school_year__start_date", "student__person__last_name"]
        indexes = [
            # The dashboard and the coordinator's lists read a school year's placements many
            # times per page (stages, load per school and coach, joins with their records):
            # with the columns they read in the index, PostgreSQL answers from the index alone.
            models.Index(
                fields=["school_year", "status"],
                include=["id", "stage_rank", "school", "study_coach", "student"],
                name="internships_placement_year",
            ),
            # "What needs action" reads the year's placements of a status whose date has
            # passed: the day log behind, the oldest day to confirm, the planned end near
            # (assessment to schedule), the first month short of observations.
            models.Index(
                fields=["school_year", "log_behind_from"],
                condition=Q(status="active"),
                name="internships_placement_behind",
            ),
            models.Index(
                fields=["school_year", "first_open_day"],
                condition=Q(status__in=["active", "completed"]),
                name="internships_placement_open",
            ),
            models.Index(
                fields=["school_year", "end_date"],
                condition=Q(status="active"),
                name="internships_placement_ending",
            ),
            models.Index(
                fields=["school_year", "first_short_month"],
                condition=Q(status__in=["active", "completed"]),
                name="internships_placement_short",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "school_year"],
                condition=~Q(status="cancelled"),
                name="internships_placement_one_per_student_year",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="internships_placement_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student.person} · {self.school.name} · {self.school_year}"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.student_id:
            institution_id = self.student.institution_id
            if self.school_id and self.school.institution_id != institution_id:
                errors["school"] = _("The school belongs to another institution.")
            if self.school_year_id and self.school_year.institution_id != institution_id:
                errors["school_year"] = _("The school year belongs to another institution.")
        if self.school_id:
            allowed = {value for value, _label in Grade.for_country(self.school.country)}
            if any(grade not in allowed for grade in self.grades):
                errors["grades"] = _("Choose grades that exist at a school in this country.")
        if errors:
            raise ValidationError(errors)

    def get_grades_display(self) -> str:
        return grades_display(self.grades)
