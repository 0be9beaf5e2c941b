"""The LIO assessment lesson of track NL (*LIO-assessment*): the visit, the form, the result.

Rules (DOMAIN.md, "LIO assessment lesson"): five requirements on the lesson, each judged; the
assessor and the co-assessor assess; the mentor is not in the classroom; a post-lesson talk of
the assessors (the mentor may join to inform), then with the student; both assessors sign.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person, Placement, Role
from lio_portal.uploads import StoredUpload

# The five requirements on the lesson, in the seed's order: (field prefix, what is judged).
REQUIREMENTS = (
    ("self_designed", _("Most of the lesson is self-designed.")),
    ("interactive", _("The lesson is interactive: the pupils can respond.")),
    ("work_forms", _("Several didactic work forms are used.")),
    (
        "differentiation",
        _(
            "Differentiation at several levels is visible, explicitly in the lesson preparation "
            "and in the lesson."
        ),
    ),
    ("sequence", _("The lesson is embedded in a sequence of lessons and does not stand alone.")),
)
REQUIREMENT_KEYS = tuple(key for key, _label in REQUIREMENTS)


class AssessorBasis(models.TextChoices):
    """Why the assessor assesses: the label is the reason shown to everyone."""

    GRADUATION_SUPERVISOR = (
        "graduation_supervisor",
        _("Graduation supervisor of the student's professional product (the rule by default)."),
    )
    EXEMPT = (
        "assigned_exempt",
        _(
            "Assigned by the institution, because the student has an exemption for the "
            "professional product."
        ),
    )
    NOT_STARTED = (
        "assigned_not_started",
        _(
            "Assigned by the institution, because the student has not started the professional "
            "product."
        ),
    )


class CoAssessorBasis(models.TextChoices):
    """Why the co-assessor assesses. The values are the roles they sign in."""

    SCHOOL_TEACHER_EDUCATOR = (
        Role.SCHOOL_TEACHER_EDUCATOR.value,
        _("School-based teacher educator of the school, a training school in the partnership."),
    )
    QUALIFIED_SUPERVISOR = (
        Role.QUALIFIED_SUPERVISOR.value,
        _(
            "Pre-registered qualified supervisor of the school, as advisory assessor, because the "
            "school is outside the partnership."
        ),
    )


class LessonAssessment(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed by the student")
        SCHEDULED = "scheduled", _("Scheduled")
        ASSESSING = "assessing", _("Being assessed")
        SIGNING = "signing", _("Waiting for signatures")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Result(models.TextChoices):
        PASS = "pass", _("Pass")
        FAIL = "fail", _("Fail")

    OPEN_STATUSES = (Status.PROPOSED, Status.SCHEDULED, Status.ASSESSING, Status.SIGNING)
    # The visit is on: assessor and co-assessor are known.
    SCHEDULED_STATUSES = (Status.SCHEDULED, Status.ASSESSING, Status.SIGNING, Status.COMPLETED)

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="lesson_assessments",
        verbose_name=_("placement"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    date = models.DateField(_("date of the visit"))
    start_time = models.TimeField(_("start of the lesson"))
    end_time = models.TimeField(_("end of the lesson"))
    class_name = models.CharField(_("class or group"), max_length=60)
    assessor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lesson_assessments_as_assessor",
        verbose_name=_("assessor"),
    )
    assessor_basis = models.CharField(
        _("why this assessor"), max_length=30, choices=AssessorBasis.choices, blank=True
    )
    co_assessor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lesson_assessments_as_co_assessor",
        verbose_name=_("co-assessor"),
    )
    co_assessor_basis = models.CharField(
        _("why this co-assessor"), max_length=30, choices=CoAssessorBasis.choices, blank=True
    )
    proposed_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    scheduled_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    scheduled_at = models.DateTimeField(_("scheduled at"), null=True, blank=True)
    # iCalendar SEQUENCE of the appointment: raised on every change that is mailed.
    ics_sequence = models.PositiveIntegerField(_("appointment version"), default=0)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    lesson_sequence = models.TextField(
        _("how the lesson fits in its sequence of lessons"), blank=True
    )
    # The five requirements: met or not (empty until judged), with an observation note.
    self_designed_met = models.BooleanField(REQUIREMENTS[0][1], null=True, blank=True)
    self_designed_note = models.TextField(_("observation"), blank=True)
    interactive_met = models.BooleanField(REQUIREMENTS[1][1], null=True, blank=True)
    interactive_note = models.TextField(_("observation"), blank=True)
    work_forms_met = models.BooleanField(REQUIREMENTS[2][1], null=True, blank=True)
    work_forms_note = models.TextField(_("observation"), blank=True)
    differentiation_met = models.BooleanField(REQUIREMENTS[3][1], null=True, blank=True)
    differentiation_note = models.TextField(_("observation"), blank=True)
    sequence_met = models.BooleanField(REQUIREMENTS[4][1], null=True, blank=True)
    sequence_note = models.TextField(_("observation"), blank=True)
    mentor_absent = models.BooleanField(
        _("the mentor was not in the classroom during the lesson"), default=False
    )
    assessors_talk_notes = models.TextField(_("post-lesson talk of the assessors"), blank=True)
    mentor_joined_talk = models.BooleanField(
        _("the mentor joined the assessors' talk to inform"), null=True, blank=True
    )
    student_talk_notes = models.TextField(_("post-lesson talk with the student"), blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, blank=True)
    result_motivation = models.TextField(_("motivation of the result"), blank=True)
    deviation_justification = models.TextField(
        _("justification of a result that differs from the requirements"), blank=True
    )
    return_comment = models.TextField(_("comment when sent back"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="lesson-assessments/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited(excluded_fields=["pdf"])

    class Meta:
        verbose_name = _("LIO assessment lesson")
        verbose_name_plural = _("LIO assessment lessons")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement"],
                condition=Q(status__in=["proposed", "scheduled", "assessing", "signing"]),
                name="assessments_one_open_assessment_per_placement",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "cancelled"])
                | Q(assessor__isnull=False, co_assessor__isnull=False),
                name="assessments_scheduled_has_both_assessors",
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")),
                name="assessments_lesson_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(result__in=["pass", "fail"]),
                name="assessments_completed_has_result",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name}: {self.placement.student.person} ({self.date})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_passed(self) -> bool:
        return self.status == self.Status.COMPLETED and self.result == self.Result.PASS

    @property
    def is_locked(self) -> bool:
        """Signed by both assessors: nothing can change any more."""
        return self.status == self.Status.COMPLETED

    @property
    def co_assessor_is_advisory(self) -> bool:
        return self.co_assessor_basis == CoAssessorBasis.QUALIFIED_SUPERVISOR

    @property
    def student_status_label(self) -> str:
        """What the student may know before both signatures: scheduled or being assessed."""
        if self.status in (self.Status.ASSESSING, self.Status.SIGNING):
            return str(self.Status.ASSESSING.label)
        return str(self.get_status_display())

    def judgements(self) -> list[tuple[str, object, bool | None, str]]:
        """(key, requirement, met, note) of the five requirements."""
        return [
            (key, label, getattr(self, f"{key}_met"), getattr(self, f"{key}_note"))
            for key, label in REQUIREMENTS
        ]


class LessonPreparation(StoredUpload):
    """The student's lesson preparation (*lesvoorbereiding*), uploaded before the visit."""

    assessment = models.OneToOneField(
        LessonAssessment,
        on_delete=models.CASCADE,
        related_name="preparation",
        verbose_name=_("LIO assessment lesson"),
    )
    uploaded_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    history = audited()

    class Meta:
        verbose_name = _("lesson preparation")
        verbose_name_plural = _("lesson preparations")
