"""The portal's settings plus what the load test needs, for the bench's own server only.

The bare view (the ceiling the other pages are compared with) lives in this module's URLs, so
it is never part of the portal's own URLs. Static files are collected into the bench's cache
directory, not into the project's STATIC_ROOT.
"""

import os
from pathlib import Path

from lio_portal.settings import *  # noqa: F403
from lio_portal.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.load.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", BASE_DIR / "bench" / ".cache" / "static"))
