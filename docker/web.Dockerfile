# syntax=docker/dockerfile:1
# Lodestar console: the built Angular app on nginx (non-root, port 8080), proxying /api to the API.
# Build from the repository root:  docker build -f docker/web.Dockerfile -t lodestar-web .
# API_UPSTREAM (default http://api:3000) is where /api/ is proxied.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
RUN npm install -g npm@11.19.1 --no-fund --no-audit --loglevel=error
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false CI=true NG_CLI_ANALYTICS=false \
    npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nx run admin-web:build:production --outputStyle=static --skip-nx-cache

FROM nginxinc/nginx-unprivileged:1.27-alpine AS runtime
ENV API_UPSTREAM=http://api:3000
# The image's entrypoint renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ (envsubst).
COPY docker/nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist/admin-web/browser /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
