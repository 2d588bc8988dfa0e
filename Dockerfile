# kubeharden image: built with the full toolchain, run on a distroless Node.js base (no shell,
# no package manager) as a non-root user. The node-audit Job overrides the user to 0 with every
# capability dropped, because the files it checks are root-owned 0600.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY test ./test
COPY bench ./bench
RUN npx tsc -p tsconfig.json && npm prune --omit=dev

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /opt/kubeharden
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/src ./dist/src
USER 65532:65532
ENTRYPOINT ["/nodejs/bin/node", "/opt/kubeharden/dist/src/cli/main.js"]
CMD ["--help"]
