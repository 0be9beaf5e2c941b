"""People and the roles they hold. One person may hold several roles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .organisations import Institution, Programme, School, Track


class Role(models.TextChoices):
    STUDENT = "student", _("Student")
    COORDINATOR = "coordinator", _("Internship coordinator")
    STUDY_COACH = "study_coach", _("Study coach")
    GRADUATION_SUPERVISOR = "graduation_supervisor", _("Graduation supervisor")
    ASSESSOR = "assessor", _("Assessor")
    MENTOR = "mentor", _("Mentor")
    DIRECTOR = "director", _("School director")
    SCHOOL_TEACHER_EDUCATOR = "school_teacher_educator", _("School-based teacher educator")
    PRACTICE_SUPERVISOR = "practice_supervisor", _("Practice supervisor")
    QUALIFIED_SUPERVISOR = "qualified_supervisor", _("Qualified supervisor")


INSTITUTION_ROLES = frozenset(
    {Role.COORDINATOR, Role.STUDY_COACH, Role.GRADUATION_SUPERVISOR, Role.ASSESSOR}
)
SCHOOL_ROLES = frozenset(
    {
        Role.MENTOR,
        Role.DIRECTOR,
        Role.SCHOOL_TEACHER_EDUCATOR,
        Role.PRACTICE_SUPERVISOR,
        Role.QUALIFIED_SUPERVISOR,
    }
)


class Person(models.Model):
    """Someone known to an institution. School staff often have no account (`user` is empty)."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="people", verbose_name=_("institution")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persons",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    history = audited()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                "institution", Lower("email"), name="internships_person_unique_email"
            ),
            models.UniqueConstraint(
                fields=["institution", "user"], name="internships_person_one_per_user"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class RoleAssignment(models.Model):
    """A staff role of a person; school roles are held at one school."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("person")
    )
    role = models.CharField(
        _("role"), max_length=30, choices=[c for c in Role.choices if c[0] != Role.STUDENT]
    )
    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("school"),
    )

    history = audited()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(school__isnull=True),
                name="internships_role_unique_institution_role",
            ),
            models.UniqueConstraint(
                fields=["person", "role", "school"],
                condition=Q(school__isnull=False),
                name="internships_role_unique_school_role",
            ),
            models.CheckConstraint(
                condition=(
                    Q(role__in=sorted(INSTITUTION_ROLES), school__isnull=True)
                    | Q(role__in=sorted(SCHOOL_ROLES), school__isnull=False)
                ),
                name="internships_role_school_matches_role",
            ),
        ]

    def __str__(self) -> str:
        label = self.get_role_display()
        return f"{self.person}: {label}" + (f" ({self.school.name})" if self.school_id else "")


class StudentProfile(models.Model):
    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="student_profile", verbose_name=_("person")
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="students",
        verbose_name=_("institution"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="students", verbose_name=_("programme")
    )
    student_number = models.CharField(_("student number"), max_length=30)
    lio_year = models.PositiveSmallIntegerField(
        _("LIO year"),
        null=True,
        blank=True,
        choices=[(1, _("LIO year 1")), (2, _("LIO year 2"))],
        help_text=_("Only for the Flemish LIO internship package, which runs over two years."),
    )
    calendar_feed_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, null=True, blank=True, editable=False
    )

    history = audited(excluded_fields=["calendar_feed_token"])

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "student_number"],
                name="internships_student_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(lio_year__isnull=True) | Q(lio_year__in=[1, 2]),
                name="internships_student_lio_year_1_or_2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.student_number})"

    def clean(self) -> None:
        errors = {}
        if self.programme_id and self.programme.institution_id != self.institution_id:
            errors["programme"] = _("The programme belongs to another institution.")
        if self.person_id and self.person.institution_id != self.institution_id:
            errors["person"] = _("The person belongs to another institution.")
        if self.programme_id and self.programme.track == Track.VL and self.lio_year is None:
            errors["lio_year"] = _("Students on the Flemish track need a LIO year.")
        if self.programme_id and self.programme.track == Track.NL and self.lio_year is not None:
            errors["lio_year"] = _("Only students on the Flemish track have a LIO year.")
        if errors:
            raise ValidationError(errors)
