"""docker-compose.yml: every service checked for health, started in order, configured alike.

There is no Docker in CI; `docker compose config` validates the syntax where Docker is present.
These tests guard what it cannot see: that the health checks match what the processes do.
"""

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

APP_SERVICES = ("web", "worker", "scheduler")


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    compose = yaml.safe_load((Path(settings.BASE_DIR) / "docker-compose.yml").read_text())
    return compose["services"]


def test_every_service_has_a_health_check(services: dict[str, Any]) -> None:
    assert set(services) == {"db", *APP_SERVICES}
    for name, service in services.items():
        assert service["healthcheck"]["test"], name


def test_services_start_once_what_they_need_is_healthy(services: dict[str, Any]) -> None:
    assert services["web"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    for name in ("worker", "scheduler"):
        # Healthy web means the migrations have been applied.
        assert services[name]["depends_on"] == {"web": {"condition": "service_healthy"}}


def test_the_app_services_share_one_production_environment(services: dict[str, Any]) -> None:
    environment = services["web"]["environment"]
    assert all(services[name]["environment"] == environment for name in APP_SERVICES)
    assert environment["DEBUG"] == "0"
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["TASKS_BACKEND"] == "database"
    assert environment["CACHE_URL"].startswith("${CACHE_URL:-dbcache://")


def test_the_web_health_check_asks_healthz_on_an_allowed_host(services: dict[str, Any]) -> None:
    check = " ".join(services["web"]["healthcheck"]["test"])
    assert "http://localhost:8000/healthz" in check
    assert services["web"]["environment"]["ALLOWED_HOSTS"].endswith(",localhost")


@pytest.mark.parametrize(
    ("service", "command"), [("worker", "task_worker"), ("scheduler", "run_scheduler")]
)
def test_the_heartbeat_checked_is_the_one_the_process_touches(
    services: dict[str, Any], service: str, command: str
) -> None:
    run = services[service]["command"]
    check = services[service]["healthcheck"]["test"]
    assert run[:3] == ["python", "manage.py", command]
    assert command in get_commands()
    heartbeat = run[run.index("--heartbeat") + 1]
    assert check[:4] == ["CMD", "python", "-m", "lio_portal.heartbeat"]
    assert check[4] == heartbeat
