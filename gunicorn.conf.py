"""gunicorn's settings; gunicorn reads this file from the working directory.

The address and the number of worker processes come from the environment (BIND,
WEB_CONCURRENCY); gunicorn's own messages go through the portal's logging configuration.
"""

import os

from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lio_portal.settings")

wsgi_app = "lio_portal.wsgi"
# Reading the settings first also loads a .env file, which may set BIND and WEB_CONCURRENCY.
logconfig_dict = settings.LOGGING
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
# The portal logs every request itself, with the request id and without the secrets of
# personal links; gunicorn's access log would print them.
accesslog = None
errorlog = "-"
# Workers' heartbeat files in memory, not on a possibly slow container file system.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108  # nosec B108
