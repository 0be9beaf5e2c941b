"""`/healthz` for load balancers and container health checks: no login, no data, no cookies."""

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Once this process has seen every migration applied it stops checking: the plan can only grow
# with a deployment of new code, which starts new processes. The check itself loads every
# migration file, far too slow for a probe every few seconds.
_migrations_applied = False


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers and every migration is applied, else 503."""
    try:
        healthy = _database_reachable() and _all_migrations_applied()
    except DatabaseError as exc:
        logger.warning("Health check: database error (%s)", type(exc).__name__)
        healthy = False
    if healthy:
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "unavailable"}, status=503)


def _database_reachable() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _all_migrations_applied() -> bool:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            logger.warning("Health check: migrations not applied yet")
            return False
        _migrations_applied = True
    return True
