"""Personal records of the internships app: its part of the data export and of retention."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import Section, by, exclude, register, via

from .models import (
    CalendarOverride,
    EntryRequirement,
    FeedforwardVisit,
    IntervisionParticipant,
    IntervisionSession,
    LioDay,
    Observation,
    Person,
    Placement,
    RoleAssignment,
    StartApplication,
    StudentProfile,
    TalkBooking,
    TalkSlot,
)

PLACEMENT_PEOPLE = ("mentor", "director", "study_coach")


def register_personal_data() -> None:
    """Called by the privacy app on start-up."""
    register(
        Section(
            name="person",
            model=Person,
            description=_("The person: name, e-mail address, phone, language, account."),
            subject=by("pk"),
            fields=(
                "id",
                "first_name",
                "last_name",
                "email",
                "phone",
                "language",
                "institution__name",
                "user__email",
                "user__date_joined",
                "user__last_login",
            ),
        )
    )
    register(
        Section(
            name="roles",
            model=RoleAssignment,
            description=_("The roles the person holds, with the school of a school role."),
            subject=by("person"),
            fields=("role", "school__name"),
        )
    )
    register(
        Section(
            name="student",
            model=StudentProfile,
            description=_("The student record: number, programme, LIO year."),
            subject=by("person"),
            fields=("student_number", "programme__name", "programme__track", "lio_year"),
        )
    )
    _register_placements()
    _register_guidance()
    _register_exclusions()


def _register_placements() -> None:
    register(
        Section(
            name="placements",
            model=Placement,
            description=_("LIO placements: school, school year, class, dates, status."),
            subject=by("student__person", *PLACEMENT_PEOPLE),
            fields=(
                "id",
                "status",
                "school__name",
                "school_year__name",
                "class_name",
                "grades",
                "weekdays",
                "start_date",
                "end_date",
                "created_at",
            ),
            people=PLACEMENT_PEOPLE,
            owner=via("student"),
            roles=PLACEMENT_PEOPLE,
        )
    )
    register(
        Section(
            name="entry_requirements",
            model=EntryRequirement,
            description=_("Entry requirements met (track NL)."),
            subject=by("student__person", "recorded_by"),
            fields=("kind", "met_on", "recorded_at"),
            people=("recorded_by",),
            owner=via("student"),
        )
    )
    register(
        Section(
            name="start_applications",
            model=StartApplication,
            description=_("Start applications; their signatures are in signatures.json."),
            subject=by("placement__student__person", *PLACEMENT_PEOPLE, "confirmed_by"),
            fields=(
                "id",
                "placement_id",
                "status",
                "version",
                "school__name",
                "class_name",
                "grades",
                "weekdays",
                "start_date",
                "end_date",
                "appointment",
                "special_class_pupils",
                "appointment_for_school_year",
                "appointment_start",
                "periods_per_week",
                "learning_areas",
                "school_confirms_conditions",
                "submitted_at",
                "confirmed_at",
                "return_comment",
                "created_at",
                "updated_at",
            ),
            people=(*PLACEMENT_PEOPLE, "confirmed_by"),
            owner=via("placement__student"),
            free_text=("learning_areas", "return_comment"),
            file_field="pdf",
            roles=PLACEMENT_PEOPLE,
        )
    )
    register(
        Section(
            name="lio_days",
            model=LioDay,
            description=_("Logged LIO days with their responsibilities and notes."),
            subject=by("placement__student__person", "confirmed_by"),
            fields=("placement_id", "date", "kind", "responsibilities", "note", "confirmed_at"),
            people=("confirmed_by",),
            owner=via("placement__student"),
            free_text=("note",),
        )
    )


def _register_guidance() -> None:
    register(
        Section(
            name="observations",
            model=Observation,
            description=_("Observations of lessons, with the student's response."),
            subject=by("placement__student__person", "observer"),
            fields=(
                "id",
                "placement_id",
                "version",
                "previous_id",
                "status",
                "observed_on",
                "class_name",
                "subject",
                "focus",
                "went_well",
                "to_improve",
                "agreements",
                "student_response",
                "signed_at",
                "acknowledged_at",
                "superseded_at",
            ),
            people=("observer",),
            owner=via("placement__student"),
            free_text=(
                "subject",
                "focus",
                "went_well",
                "to_improve",
                "agreements",
                "student_response",
            ),
            roles=("observer",),
        )
    )
    register(
        Section(
            name="feedforward_visits",
            model=FeedforwardVisit,
            description=_("The feedforward visit at the start of the LIO (track NL)."),
            subject=by("placement__student__person", "recorded_by"),
            fields=("placement_id", "visited_on", "feedback", "recorded_at"),
            people=("recorded_by",),
            owner=via("placement__student"),
            free_text=("feedback",),
            roles=("recorded_by",),
        )
    )
    register(
        Section(
            name="intervisions",
            model=IntervisionParticipant,
            description=_("Intervision sessions: attendance and reflection (track VL)."),
            subject=by("student__person", "attendance_recorded_by"),
            fields=(
                "session__topic",
                "session__starts_at",
                "session__place",
                "attendance",
                "attendance_recorded_at",
                "reflection",
                "reflection_at",
            ),
            people=("attendance_recorded_by",),
            owner=via("student"),
            free_text=("reflection",),
        )
    )
    register(
        Section(
            name="talk_bookings",
            model=TalkBooking,
            description=_("Booked orientation talks (track VL)."),
            subject=by("person", "cancelled_by"),
            fields=(
                "slot__starts_at",
                "slot__place",
                "name",
                "email",
                "question",
                "language",
                "created_at",
                "cancelled_at",
            ),
            people=("cancelled_by",),
            owner=via("person__student_profile"),
            free_text=("question",),
            person_copies=(("person", ("name", "email")),),
        )
    )


def _register_exclusions() -> None:
    staff_record = (
        "made by institution staff for a whole programme or calendar, not about one person"
    )
    exclude(IntervisionSession, reason=staff_record)
    exclude(TalkSlot, reason=staff_record)
    exclude(CalendarOverride, reason=staff_record)
