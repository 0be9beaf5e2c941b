# Front-end packages come from the npm registry in a build stage; only their dist files ship.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBUG=0
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 lio
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
COPY --from=assets /build/node_modules/bootstrap/dist/css/bootstrap.min.css /build/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js static/vendor/bootstrap/
RUN SECRET_KEY=build-only python manage.py compilemessages --ignore=node_modules -v 0 \
    && SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0 \
    && mkdir -p /app/private-files && chown lio /app/private-files
USER lio
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && exec gunicorn lio_portal.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-4} --access-logfile -"]
