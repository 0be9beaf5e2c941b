"""The work of a professional product: versions of the two deliverables with the graduation
supervisor's review, the assessment of each part (with its credits) and the practice
supervisor's evaluation form."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person
from lio_portal.uploads import StoredUpload, private_upload_to

from .product import DELIVERABLES, Part, Phase, ProfessionalProduct


class DeliverableVersion(StoredUpload):
    """One uploaded version of a phase's deliverable. Append-only."""

    product = models.ForeignKey(
        ProfessionalProduct,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("professional product"),
    )
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)
    number = models.PositiveSmallIntegerField(_("version"))
    note = models.TextField(_("note to the graduation supervisor"), blank=True)
    uploaded_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    history = audited()

    class Meta:
        verbose_name = _("deliverable version")
        verbose_name_plural = _("deliverable versions")
        ordering = ["product", "phase", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "phase", "number"], name="portfolio_deliverable_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_phase_display()} · v{self.number}"

    @property
    def deliverable_label(self) -> str:
        return str(DELIVERABLES[Phase(self.phase)])


class DeliverableReview(models.Model):
    """The graduation supervisor's feedback on a version; accepting it closes the phase."""

    class Decision(models.TextChoices):
        FEEDBACK = "feedback", _("Feedback: revise and upload a new version")
        ACCEPTED = "accepted", _("Accepted")

    version = models.OneToOneField(
        DeliverableVersion,
        on_delete=models.CASCADE,
        related_name="review",
        verbose_name=_("version"),
    )
    reviewer = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("graduation supervisor"),
    )
    feedback = models.TextField(_("feedback"))
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    created_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("review of a deliverable")
        verbose_name_plural = _("reviews of deliverables")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.version}: {self.get_decision_display()}"


class PartAssessment(models.Model):
    """The final result of part I or II, recorded by the graduation supervisor. A pass records
    the part's credits (DOMAIN.md: 5 ec for part I, 9 ec for part II). Append-only."""

    class Result(models.TextChoices):
        PASSED = "passed", _("Passed")
        NOT_PASSED = "not_passed", _("Not passed")

    product = models.ForeignKey(
        ProfessionalProduct,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("professional product"),
    )
    part = models.PositiveSmallIntegerField(_("part"), choices=Part.choices)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    motivation = models.TextField(_("motivation"))
    credits = models.PositiveSmallIntegerField(_("credits (ec)"), default=0)
    assessor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("graduation supervisor"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("assessment of a part")
        verbose_name_plural = _("assessments of parts")
        ordering = ["product", "part", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "part"],
                condition=Q(result="passed"),
                name="portfolio_partassessment_one_pass_per_part",
            ),
            models.CheckConstraint(
                condition=Q(result="passed", part=1, credits=5)
                | Q(result="passed", part=2, credits=9)
                | Q(result="not_passed", credits=0),
                name="portfolio_partassessment_credits_of_part",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product} · {self.get_part_display()}: {self.get_result_display()}"


class Judgement(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Advice(models.TextChoices):
    PASS = "pass", _("Pass: the product is sufficient")
    FAIL = "fail", _("Not pass: the product is not yet sufficient")


# DOMAIN.md: the three questions of the practice supervisor's evaluation form, in this order.
EVALUATION_QUESTIONS = (
    ("usable", _("Is the product usable for the school?")),
    ("independent", _("Did the student work independently?")),
    ("data", _("Did the student collect the right data to answer the questions set beforehand?")),
)


class EvaluationForm(models.Model):
    """The practice supervisor's advice on the assessment, once phase II is delivered. Signing
    locks it (the service refuses every change afterwards)."""

    class Status(models.TextChoices):
        OPEN = "open", _("To fill in and sign")
        SIGNED = "signed", _("Signed")

    product = models.OneToOneField(
        ProfessionalProduct,
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("professional product"),
    )
    practice_supervisor = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("practice supervisor")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    usable = models.CharField(_("judgement"), max_length=10, choices=Judgement.choices, blank=True)
    usable_motivation = models.TextField(_("motivation"), blank=True)
    independent = models.CharField(
        _("judgement"), max_length=10, choices=Judgement.choices, blank=True
    )
    independent_motivation = models.TextField(_("motivation"), blank=True)
    data = models.CharField(_("judgement"), max_length=10, choices=Judgement.choices, blank=True)
    data_motivation = models.TextField(_("motivation"), blank=True)
    advice = models.CharField(_("advice"), max_length=10, choices=Advice.choices, blank=True)
    advice_motivation = models.TextField(_("motivation of the advice"), blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    pdf = models.FileField(upload_to=private_upload_to, blank=True, editable=False)
    pdf_state = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited(excluded_fields=["pdf", "pdf_state"])

    class Meta:
        verbose_name = _("evaluation form")
        verbose_name_plural = _("evaluation forms")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", signed_at__isnull=True)
                | Q(status="signed", signed_at__isnull=False),
                name="portfolio_evaluationform_signed_at_when_signed",
            ),
        ]

    def __str__(self) -> str:
        return str(self.product)

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    @property
    def answers(self) -> list[dict[str, object]]:
        """The three questions with their judgement and motivation, for templates."""
        return [
            {
                "name": name,
                "question": question,
                "judgement": getattr(self, name),
                "judgement_label": Judgement(getattr(self, name)).label
                if getattr(self, name)
                else "",
                "motivation": getattr(self, f"{name}_motivation"),
            }
            for name, question in EVALUATION_QUESTIONS
        ]

    @property
    def is_complete(self) -> bool:
        names = [name for name, _question in EVALUATION_QUESTIONS] + ["advice"]
        return all(
            getattr(self, name) and getattr(self, f"{name}_motivation").strip() for name in names
        )
