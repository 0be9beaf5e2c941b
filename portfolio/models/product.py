"""The professional product of track NL (*beroepsproduct* I and II): the start form, the
graduation supervisor assigned on approval, and the status of the two phases. The expertise areas
and product types are data each institution manages; the phase lengths are set per programme."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Institution, Person, Programme, StudentProfile, Track


class CatalogueEntry(models.Model):
    """A named entry of one institution's list; deactivated entries stay for existing products."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="+", verbose_name=_("institution")
    )
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ExpertiseArea(CatalogueEntry):
    """DOMAIN.md, *beroepsproduct*: the expertise areas (*interne leerlingbegeleiding*, …)."""

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("expertise area")
        verbose_name_plural = _("expertise areas")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"], name="portfolio_expertisearea_unique_name"
            ),
        ]


class ProductType(CatalogueEntry):
    """DOMAIN.md, *beroepsproduct*: the product types (*een advies*, *een toets*, …)."""

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("product type")
        verbose_name_plural = _("product types")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"], name="portfolio_producttype_unique_name"
            ),
        ]


class ProductSettings(models.Model):
    """The length of the two phases for one programme (DOMAIN.md: about 2 and 3 months)."""

    programme = models.OneToOneField(
        Programme,
        on_delete=models.CASCADE,
        related_name="product_settings",
        verbose_name=_("programme"),
    )
    phase_1_months = models.PositiveSmallIntegerField(
        _("phase I (months)"), default=2, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    phase_2_months = models.PositiveSmallIntegerField(
        _("phase II (months)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    class Meta:
        verbose_name = _("professional product settings")
        verbose_name_plural = _("professional product settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(phase_1_months__gte=1, phase_2_months__gte=1),
                name="portfolio_productsettings_phases_at_least_a_month",
            ),
        ]

    def __str__(self) -> str:
        return str(self.programme)


class Phase(models.IntegerChoices):
    EXPLORATION = 1, _("Phase I: exploration")
    DESIGN = 2, _("Phase II: design and realisation")


# DOMAIN.md, track NL: the deliverable that closes each phase and the credits of each part.
DELIVERABLES = {
    Phase.EXPLORATION: _("Plan of approach"),
    Phase.DESIGN: _("Final report"),
}
PART_CREDITS = {Phase.EXPLORATION: 5, Phase.DESIGN: 9}


class Part(models.IntegerChoices):
    """What is assessed and credited: each phase closes one part (*beroepsproduct I, II*)."""

    PART_I = 1, _("Professional product I")
    PART_II = 2, _("Professional product II")


class ProductStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    EXEMPT = "exempt", _("Exemption")
    SUBMITTED = "submitted", _("Start form submitted")
    RETURNED = "returned", _("Start form sent back")
    PHASE_1 = "phase_1", _("Phase I: exploration")
    PHASE_2 = "phase_2", _("Phase II: design and realisation")
    DELIVERED = "delivered", _("Final report accepted")
    COMPLETED = "completed", _("Completed")


# The product has started once the start form is approved (DOMAIN.md: an afstudeerbegeleider
# is assigned on approval).
STARTED_STATUSES = frozenset(
    {
        ProductStatus.PHASE_1,
        ProductStatus.PHASE_2,
        ProductStatus.DELIVERED,
        ProductStatus.COMPLETED,
    }
)
# The graduation supervisor's load: products still under supervision.
ACTIVE_STATUSES = frozenset({ProductStatus.PHASE_1, ProductStatus.PHASE_2, ProductStatus.DELIVERED})


class ProfessionalProduct(models.Model):
    """One student's professional product: the start form and where the work stands."""

    student = models.OneToOneField(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="professional_product",
        verbose_name=_("student"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProductStatus.choices,
        default=ProductStatus.NOT_STARTED,
    )
    title = models.CharField(_("working title"), max_length=200, blank=True)
    question = models.TextField(_("question or task from practice"), blank=True)
    expertise_area = models.ForeignKey(
        ExpertiseArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("expertise area"),
    )
    product_type = models.ForeignKey(
        ProductType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("product type"),
    )
    practice_supervisor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practice_supervised_products",
        verbose_name=_("practice supervisor"),
    )
    submitted_at = models.DateTimeField(_("start form submitted"), null=True, blank=True)
    return_comment = models.TextField(_("comment when sent back"), blank=True)
    approved_on = models.DateField(_("start form approved on"), null=True, blank=True)
    graduation_supervisor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="graduation_supervised_products",
        verbose_name=_("graduation supervisor"),
    )
    phase_1_accepted_on = models.DateField(_("plan of approach accepted on"), null=True, blank=True)
    phase_2_accepted_on = models.DateField(_("final report accepted on"), null=True, blank=True)
    exemption_reason = models.TextField(_("reason for the exemption"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("professional product")
        verbose_name_plural = _("professional products")
        ordering = ["student__person__last_name", "student__person__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=sorted(STARTED_STATUSES))
                | Q(graduation_supervisor__isnull=False, approved_on__isnull=False),
                name="portfolio_product_started_has_supervisor",
            ),
        ]

    def __str__(self) -> str:
        return str(self.student.person)

    def clean(self) -> None:
        if self.student_id and self.student.programme.track != Track.NL:
            raise ValidationError(
                _("Only students of the Dutch track make a professional product.")
            )

    @property
    def is_exempt(self) -> bool:
        return self.status == ProductStatus.EXEMPT

    @property
    def is_started(self) -> bool:
        return self.status in STARTED_STATUSES


class ProductEvent(models.Model):
    """Append-only history of a product: every state change, with who and an optional comment."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Start form submitted")
        RETURNED = "returned", _("Start form sent back")
        APPROVED = "approved", _("Start form approved")
        EXEMPTED = "exempted", _("Exemption recorded")
        EXEMPTION_REVOKED = "exemption_revoked", _("Exemption withdrawn")
        UPLOADED = "uploaded", _("Version uploaded")
        FEEDBACK = "feedback", _("Feedback given")
        ACCEPTED = "accepted", _("Deliverable accepted")
        ASSESSED = "assessed", _("Assessment recorded")
        EVALUATION_SENT = "evaluation_sent", _("Evaluation form sent")
        EVALUATION_SIGNED = "evaluation_signed", _("Evaluation form signed")

    product = models.ForeignKey(
        ProfessionalProduct,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("professional product"),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    phase = models.PositiveSmallIntegerField(
        _("phase"), choices=Phase.choices, null=True, blank=True
    )
    actor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.product}: {self.get_action_display()}"
