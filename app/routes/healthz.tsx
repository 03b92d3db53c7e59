import { db } from "../db.server";

/** Liveness for load balancers: the process answers and reaches PostgreSQL. */
export const loader = async () => {
  await db().$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
};
