# Front-end packages come from the npm registry in a build stage; only their dist files ship.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBUG=0 BIND=0.0.0.0:8000
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 lio
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
# The source maps too: the hashed static files storage rewrites the references to them.
COPY --from=assets /build/node_modules/bootstrap/dist/css/bootstrap.min.css /build/node_modules/bootstrap/dist/css/bootstrap.min.css.map /build/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js /build/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map static/vendor/bootstrap/
RUN SECRET_KEY=build-only python manage.py compilemessages --ignore=node_modules -v 0 \
    && SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0 \
    && mkdir -p /app/private-files && chown lio /app/private-files
USER lio
EXPOSE 8000
# gunicorn reads gunicorn.conf.py: BIND, WEB_CONCURRENCY (default 4), logging through the portal.
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py createcachetable && exec gunicorn"]
