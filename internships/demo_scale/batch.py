"""What one run of the scale seeder made for one institution, for the next steps and hooks."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import Institution, Person, Placement, Programme, School, SchoolYear, StudentProfile


@dataclass
class ScaleBatch:
    institution: Institution
    programme: Programme
    school_year: SchoolYear
    today: date
    first_number: int
    coordinator: Person | None
    schools: list[School] = field(default_factory=list)
    mentors: dict[int, list[Person]] = field(default_factory=dict)  # per school
    directors: dict[int, Person] = field(default_factory=dict)  # per school
    coaches: list[Person] = field(default_factory=list)
    # Track NL: the co-assessor of each school (its school-based teacher educator, or its
    # qualified supervisor outside the partnership), graduation supervisors and assessors.
    educators: dict[int, Person] = field(default_factory=dict)  # per school
    graduation_supervisors: list[Person] = field(default_factory=list)
    assessors: list[Person] = field(default_factory=list)
    students: list[StudentProfile] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)

    @property
    def reference(self) -> date:
        """ "Today" inside the demo school year, so that the stages make sense any day."""
        first = self.school_year.start_date + timedelta(days=75)
        return min(max(self.today, first), self.school_year.end_date - timedelta(days=30))
