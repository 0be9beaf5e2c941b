"""What needs action now: one list, fed by a registry of small providers, one per workflow.

The coordinator's dashboard shows the oldest items and a count per kind for the whole
institution; mentors and supervisors see the same list limited to their students on "My
students"; the coordinator's student list filters on it and names it in its exports.

Contract of a provider (see docs/decisions.md, "What needs action"), registered once, in the
app's `AppConfig.ready()`, in one of two forms:

- a query (preferred): `register_action_query(key=..., label=..., rows=..., item=...)`.
  `rows(scope)` is one queryset with a row per item, annotated with `action_since` (a date or
  a datetime, or a value that sorts the same way) and `action_student` (the student's
  primary key); `item(scope, row)` makes the `ActionItem` of one row, or, when the items
  need something the rows cannot say (a school calendar), `items(scope, rows)` makes those
  of the rows read, with a fixed number of queries. The dashboard then counts the rows and
  reads only the oldest in SQL, and the student list filters on them with a subquery,
  whatever the institution's size;
- a function: `register_action_provider(key=..., label=..., items=...)`, for a workflow
  whose items cannot be rows of a query at all: `items(scope) -> Iterable[ActionItem]`,
  every item of the scope (the dashboard then sorts them all).

Either way:
- an item says what (a lazily translated text with its parameters, shared by the provider's
  items), the student it concerns (the primary key: names are read for the rows shown only),
  since when (the list is sorted oldest first), which role is expected to act, and a link (a
  URL name and arguments, shown only to people whose roles may open it);
- a provider reads only the institution's records (of the scope's school year, if it has one
  and the records belong to a placement), and only those of `scope.students` when that is set
  (use `scope.limit`): a mentor never sees other students' items;
- it runs a fixed number of queries, whatever the number of students (no query per row);
- it may name the tracks it belongs to (`tracks=`): a scope that knows its institution's
  tracks (`scope.tracks`, the dashboard's) does not ask a provider of another track.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any, TypeVar

from django.db.models import Count, Model, Q, QuerySet, Window
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext

from .membership import Membership
from .models import Institution, Role, SchoolYear, StudentProfile

M = TypeVar("M", bound=Model)
_ROLE_LABELS = dict(Role.choices)


@dataclass(frozen=True)
class ActionScope:
    """Whose items to collect: every student of the institution, or only `students`."""

    institution: Institution
    today: date
    school_year: SchoolYear | None = None
    students: QuerySet[StudentProfile] | None = None
    # The tracks of the institution's programmes; None: ask every provider.
    tracks: frozenset[str] | None = None
    zone: tzinfo = field(default_factory=timezone.get_current_timezone)

    def local_date(self, moment: date | datetime) -> date:
        """The date of `moment` in the portal's time zone (cheaper than localdate per row)."""
        return moment.astimezone(self.zone).date() if isinstance(moment, datetime) else moment

    def __post_init__(self) -> None:
        assert self.school_year is None or self.school_year.institution_id == self.institution.pk

    def in_track(self, track: str, student_path: str) -> Q:
        """A condition for the records of students of `track`, `student_path` leading to the
        student. None at all (and no join) when every programme of the institution is of that
        track: a programme belongs to its student's institution."""
        if self.tracks is not None and self.tracks == {track}:
            return Q()
        prefix = f"{student_path}__" if student_path else ""
        return Q(**{f"{prefix}programme__track": track})

    def limit(
        self, queryset: QuerySet[M], student_path: str, *, placement_path: str | None = None
    ) -> QuerySet[M]:
        """`queryset` narrowed to the scope. `student_path` leads to the student, e.g.
        "placement__student" ("" when the queryset holds students); `placement_path`, when
        the records belong to a placement, to it ("" for placements): with a school year in
        the scope, only that year's placements count (the year belongs to the institution,
        so no join with the students is needed). Unordered: the list is sorted by date
        afterwards, and a model's default ordering could add joins."""
        if self.school_year is not None and placement_path is not None:
            key = f"{placement_path}__school_year" if placement_path else "school_year"
            queryset = queryset.filter(**{key: self.school_year})
        else:
            prefix = f"{student_path}__" if student_path else ""
            queryset = queryset.filter(**{f"{prefix}institution": self.institution})
        if self.students is not None:
            key = student_path or "pk"
            queryset = queryset.filter(**{f"{key}__in": self.students.values("pk")})
        return queryset.order_by()


@dataclass(slots=True)
class ActionItem:
    """One thing to do. `actor` is the role expected to act (a Role value)."""

    kind: str
    what: Promise | str
    student_id: int
    since: date
    actor: str
    url_name: str
    url_args: tuple[object, ...] = ()
    params: dict[str, object] | None = None
    # Roles that may open the link; the link is left out for anyone else.
    link_roles: frozenset[str] = frozenset({Role.COORDINATOR})

    @property
    def text(self) -> str:
        return str(self.what % self.params if self.params is not None else self.what)

    @property
    def actor_label(self) -> str:
        return str(_ROLE_LABELS.get(self.actor, self.actor))


Rows = Callable[[ActionScope], QuerySet[Any]]
RowItem = Callable[[ActionScope, Any], ActionItem]
RowItems = Callable[[ActionScope, list[Any]], list[ActionItem]]


@dataclass(frozen=True)
class ActionProvider:
    key: str
    label: Promise | str
    items_of: Callable[[ActionScope], Iterable[ActionItem]] | None = None
    rows: Rows | None = None
    row_items: RowItems | None = None
    tracks: frozenset[str] | None = None

    def applies(self, scope: ActionScope) -> bool:
        """A provider of one track has nothing for an institution without that track."""
        return self.tracks is None or scope.tracks is None or bool(self.tracks & scope.tracks)

    def items(self, scope: ActionScope) -> list[ActionItem]:
        if self.rows is not None and self.row_items is not None:
            return self.row_items(scope, list(self.rows(scope)))
        assert self.items_of is not None
        return list(self.items_of(scope))

    def summary(self, scope: ActionScope, limit: int) -> tuple[int, list[ActionItem]]:
        """How many items, and the oldest `limit`: one query for a query provider (the total
        is a window function over all rows, read from the first of the oldest)."""
        if self.rows is not None and self.row_items is not None:
            rows = self.rows(scope).annotate(action_total=Window(Count("pk")))
            oldest = list(rows.order_by("action_since", "pk")[:limit])
            return _total(oldest[0]) if oldest else 0, self.row_items(scope, oldest)
        items = sorted(self.items(scope), key=oldest_first)
        return len(items), items[:limit]

    def condition(self, scope: ActionScope) -> Q:
        """Students with an item, as a condition on StudentProfile (a subquery if it can)."""
        if self.rows is not None:
            return Q(pk__in=self.rows(scope).values("action_student"))
        return Q(pk__in={item.student_id for item in self.items(scope)})


def _total(row: Any) -> int:
    return row["action_total"] if isinstance(row, dict) else row.action_total


_PROVIDERS: dict[str, ActionProvider] = {}


def register_action_provider(
    *,
    key: str,
    label: Promise | str,
    items: Callable[[ActionScope], Iterable[ActionItem]],
    tracks: Iterable[str] | None = None,
) -> None:
    """Add a workflow's provider; registering the same key again replaces it."""
    _PROVIDERS[key] = ActionProvider(key=key, label=label, items_of=items, tracks=_tracks(tracks))


def register_action_query(
    *,
    key: str,
    label: Promise | str,
    rows: Rows,
    item: RowItem | None = None,
    items: RowItems | None = None,
    tracks: Iterable[str] | None = None,
) -> None:
    """Add a workflow's provider whose items are the rows of one query (see the docstring):
    give `item` (one row's item) or `items` (the items of the rows read)."""
    assert (item is None) != (items is None), "give item or items"
    row_items = items or _each(item)  # type: ignore[arg-type]
    _PROVIDERS[key] = ActionProvider(
        key=key, label=label, rows=rows, row_items=row_items, tracks=_tracks(tracks)
    )


def _each(item: RowItem) -> RowItems:
    return lambda scope, rows: [item(scope, row) for row in rows]


def _tracks(tracks: Iterable[str] | None) -> frozenset[str] | None:
    return frozenset(tracks) if tracks is not None else None


StudentsOf = Callable[[Membership], QuerySet[Any]]


@dataclass(frozen=True)
class StaffStudents:
    """The students a workflow names a member for, and the kinds of item they act on there."""

    students: StudentsOf
    kinds: frozenset[str]
    label: Promise | str = ""


_STAFF_STUDENTS: dict[StudentsOf, StaffStudents] = {}


def register_staff_students(
    source: StudentsOf, *, kinds: Iterable[str], label: Promise | str = ""
) -> None:
    """Hook for workflows whose supervisors are not named on the placement (a graduation or
    practice supervisor, an assessor): `source(membership)` returns the primary keys of the
    students the member works with there, as a queryset (a subquery, not a list); their
    "My students" list then shows those students' items of `kinds` (whose links they may
    open), besides everything of the placements they are named on, and its table names
    those students with `label`: what the member follows them for."""
    _STAFF_STUDENTS[source] = StaffStudents(source, frozenset(kinds), label)


def staff_student_sources() -> list[StaffStudents]:
    return list(_STAFF_STUDENTS.values())


def action_providers() -> list[ActionProvider]:
    return list(_PROVIDERS.values())


def oldest_first(item: ActionItem) -> tuple[date, str, int]:
    return item.since, item.kind, item.student_id


@dataclass(frozen=True)
class ActionRow:
    """An item as the table shows it: its texts made once, not in the template per cell."""

    item: ActionItem
    student_name: str
    url: str  # empty when the viewer may not open it
    text: str
    actor: str
    since: str  # the date, e.g. "3 nov. 2026"
    since_line: str  # "since 3 nov. 2026", for narrow screens


@dataclass
class ActionList:
    """Items, oldest first, and how many of each kind (`items` may be only the oldest)."""

    items: list[ActionItem]
    counts: list[tuple[ActionProvider, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(n for _provider, n in self.counts)

    @property
    def student_ids(self) -> set[int]:
        return {item.student_id for item in self.items}

    def kinds_by_student(self) -> dict[int, list[str]]:
        labels = {provider.key: str(provider.label) for provider, _n in self.counts}
        kinds: dict[int, list[str]] = {}
        for item in self.items:
            names = kinds.setdefault(item.student_id, [])
            if labels[item.kind] not in names:
                names.append(labels[item.kind])
        return kinds

    def rows(self, membership: Membership, limit: int | None = None) -> list[ActionRow]:
        """The oldest `limit` items with the student's name (one query) and the link, if the
        viewer may open it."""
        shown = self.items if limit is None else self.items[:limit]
        names = {
            pk: f"{first} {last}"
            for pk, first, last in StudentProfile.objects.filter(
                pk__in={item.student_id for item in shown}
            ).values_list("pk", "person__first_name", "person__last_name")
        }
        rows = []
        for item in shown:
            since = date_format(item.since, "j N Y")
            rows.append(
                ActionRow(
                    item,
                    names.get(item.student_id, ""),
                    reverse(item.url_name, args=item.url_args)
                    if membership.has_any(item.link_roles)
                    else "",
                    text=item.text,
                    actor=item.actor_label,
                    since=since,
                    since_line=gettext("since %(since)s") % {"since": since},
                )
            )
        return rows


def _selected(scope: ActionScope, keys: Iterable[str] | None = None) -> list[ActionProvider]:
    wanted = set(keys) if keys is not None else None
    return [
        p for p in _PROVIDERS.values() if (wanted is None or p.key in wanted) and p.applies(scope)
    ]


def collect_actions(scope: ActionScope, *, keys: Iterable[str] | None = None) -> ActionList:
    """Every item of every provider (or of `keys`), oldest first: for a small scope (a page
    of students, a mentor's students) or an export."""
    items: list[ActionItem] = []
    counts = []
    for provider in _selected(scope, keys):
        found = provider.items(scope)
        counts.append((provider, len(found)))
        items.extend(found)
    items.sort(key=oldest_first)
    return ActionList(items=items, counts=counts)


def summarize_actions(scope: ActionScope, *, limit: int) -> ActionList:
    """The count per kind and the `limit` oldest items overall, for a whole institution."""
    items: list[ActionItem] = []
    counts = []
    for provider in _selected(scope):
        count, oldest = provider.summary(scope, limit)
        counts.append((provider, count))
        items.extend(oldest)
    items.sort(key=oldest_first)
    return ActionList(items=items[:limit], counts=counts)


def needing_action(scope: ActionScope, *, key: str | None = None) -> Q:
    """Students with an item (of `key`, or of any kind), as a condition on StudentProfile."""
    condition = Q(pk__in=[])
    for provider in _selected(scope, [key] if key else None):
        condition |= provider.condition(scope)
    return condition
