# One image, two roles: the web process (default) and the worker (`npm run worker`).
# Release step before starting new web/worker processes: `npm run db:deploy` (Prisma migrations).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts .graphqlrc.ts ./
COPY schema ./schema
COPY app ./app
RUN npm ci --no-audit --no-fund --omit=optional
COPY . .
RUN npm run build && npm prune --omit=dev --omit=optional

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/app ./app
COPY --from=build /app/worker ./worker
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts ./
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/schema ./schema
USER node
EXPOSE 3000
CMD ["npm", "run", "start"]
