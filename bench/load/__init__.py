"""The load test: locust against gunicorn and PostgreSQL (`make bench`, docs/performance.md)."""
