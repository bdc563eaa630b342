# syntax=docker/dockerfile:1
# Lodestar API: serves HTTP only (LODESTAR_MODE=api); the console is served by the web image.
# Build from the repository root:  docker build -f docker/api.Dockerfile -t lodestar-api .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# npm 11 honours package.json "allowScripts" (only the approved install scripts run).
RUN npm install -g npm@11.19.1 --no-fund --no-audit --loglevel=error
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false CI=true \
    npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
WORKDIR /app

FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nx run backend:build --outputStyle=static --skip-nx-cache \
 && mkdir -p prompts

FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    LODESTAR_MODE=api \
    HOST=0.0.0.0 \
    PORT=3000 \
    LODESTAR_DATA_DIR=/app/.lodestar
WORKDIR /app
# Same layout as the repository, so relative paths (prompts/, migrations) resolve as in development.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/backend ./dist/backend
COPY --from=build /app/prompts ./prompts
RUN mkdir -p /app/.lodestar/files && chown -R node:node /app/.lodestar
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/backend/backend/src/main.js"]
