# Dialoogtafel as a container image: built with the package's own scripts (npm ci, npm run build),
# run with npm start (plain node on dist/) as an unprivileged user.
#   docker build -t dialoogtafel .
#   docker run -e MONGODB_URI=… -e SESSION_SECRET=… -e AUDIT_SIGNING_KEY=… -e PUBLIC_URL=https://… -p 3000:3000 dialoogtafel

# --- build: every package, the client and the server bundle ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production packages and dist/ only ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY scripts/start.mjs scripts/run.mjs scripts/build-state.mjs ./scripts/
RUN mkdir -p /data && chown node:node /data
# The node image's unprivileged user; the application files stay owned by root, read-only to it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
