import { db } from "../../db.server";
import { ShopifyRequestError, type ShopifyGateway } from "../../shopify/gateway.server";
import { SHOPIFYQL_QUERY } from "../../shopify/operations/shopifyql-query";
import { sessionsAccess, sessionsFromShopifyql, type SessionsUnavailableReason } from "./kpi-daily";

/**
 * Sessions and conversion come only from Shopify analytics (ShopifyQL `FROM sessions`), which
 * needs `read_reports` and approved protected customer data. Without them the sales KPIs still
 * work and the page says why sessions and conversion are missing (KpiSync.sessionsReason).
 */

/** ShopifyQL for daily sessions between two local dates (inclusive). Dates are validated. */
export function sessionsQuery(from: string, to: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from) || !date.test(to)) throw new RangeError("sessions range: YYYY-MM-DD");
  return `FROM sessions SHOW sessions, conversion_rate TIMESERIES day SINCE ${from} UNTIL ${to}`;
}

export type SessionsSyncOutcome =
  { available: true; days: number } | { available: false; reason: SessionsUnavailableReason };

export async function syncSessions(
  gateway: ShopifyGateway,
  from: string,
  to: string,
): Promise<SessionsSyncOutcome> {
  const shop = gateway.shop;
  const record = await db().shop.findUnique({ where: { domain: shop } });
  const scopes = (record?.scopes ?? "").split(",").filter(Boolean);
  // Approval of protected data cannot be read in advance: we learn it from the query's answer.
  let reason = sessionsAccess(scopes, true);
  let days = 0;
  if (!reason) {
    try {
      const data = await gateway.query(SHOPIFYQL_QUERY, { query: sessionsQuery(from, to) });
      const source = sessionsFromShopifyql(
        data.shopifyqlQuery
          ? {
              tableData: data.shopifyqlQuery.tableData
                ? { rows: data.shopifyqlQuery.tableData.rows as unknown }
                : null,
              parseErrors: data.shopifyqlQuery.parseErrors,
            }
          : null,
      );
      if (!source.available) reason = source.reason;
      else {
        const rows = [...source.byDate].map(([date, t]) => ({
          date,
          sessions: t.sessions,
          converted: Math.round(t.sessions * t.conversionRate),
        }));
        days = rows.length;
        for (let i = 0; i < rows.length; i += 2000) {
          const batch = rows.slice(i, i + 2000);
          await db().$executeRaw`
            INSERT INTO "KpiDay" ("shop", "date", "sessions", "convertedSessions", "updatedAt")
            SELECT ${shop}, d, s::int, c::int, now()
            FROM unnest(${batch.map((r) => r.date)}::text[], ${batch.map((r) => String(r.sessions))}::text[],
                        ${batch.map((r) => String(r.converted))}::text[]) AS t(d, s, c)
            ON CONFLICT ("shop", "date") DO UPDATE SET
              "sessions" = EXCLUDED."sessions",
              "convertedSessions" = EXCLUDED."convertedSessions",
              "updatedAt" = now()`;
        }
      }
    } catch (error) {
      if (!(error instanceof ShopifyRequestError)) throw error;
      reason =
        error.codes.includes("ACCESS_DENIED") || /access denied/i.test(error.message)
          ? "protected-data-not-approved"
          : "query-failed";
    }
  }
  await db().kpiSync.upsert({
    where: { shop },
    create: { shop, sessionsReason: reason, sessionsSyncedAt: reason ? null : new Date() },
    update: { sessionsReason: reason, ...(reason ? {} : { sessionsSyncedAt: new Date() }) },
  });
  return reason ? { available: false, reason } : { available: true, days };
}
