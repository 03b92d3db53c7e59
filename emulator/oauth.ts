import crypto from "node:crypto";
import type { ShopRegistry } from "./store/registry";
import { MYSHOPIFY_DOMAIN } from "./store/registry";
import type { ShopState } from "./store/types";

/**
 * `POST /admin/oauth/access_token` (SHOPIFY-PLATFORM.md §8.3): token exchange of an App Bridge
 * session token (HS256 JWT signed with the app secret) for the shop's offline token, optionally
 * expiring with a refresh token, and `grant_type=refresh_token`. JSON and form bodies.
 */

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";
export const EXPIRING_TOKEN_TTL_S = 3600;
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3600;
export const ONLINE_TOKEN_TTL_S = 86_399;
/** Clock skew accepted on `exp`/`nbf`, in seconds. */
const JWT_LEEWAY_S = 10;

export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub?: string;
  exp: number;
  nbf: number;
  iat?: number;
  jti?: string;
  sid?: string;
}

export class SessionTokenError extends Error {}

function base64UrlDecode(part: string): Buffer {
  return Buffer.from(part, "base64url");
}

/** Verifies an App Bridge session token the way shopify-api does (signature, time, audience). */
export function verifySessionToken(
  token: string,
  options: { apiKey: string; appSecret: string; nowMs?: number },
): SessionTokenClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw new SessionTokenError("malformed session token");
  const [headerPart, payloadPart, signaturePart] = parts;
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(base64UrlDecode(headerPart).toString("utf8"));
    payload = JSON.parse(base64UrlDecode(payloadPart).toString("utf8"));
  } catch {
    throw new SessionTokenError("malformed session token");
  }
  if (
    typeof header !== "object" ||
    header === null ||
    (header as { alg?: unknown }).alg !== "HS256"
  ) {
    throw new SessionTokenError("session token must be signed with HS256");
  }
  const expected = crypto
    .createHmac("sha256", options.appSecret)
    .update(`${headerPart}.${payloadPart}`)
    .digest();
  const given = base64UrlDecode(signaturePart);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new SessionTokenError("session token signature is invalid");
  }
  if (typeof payload !== "object" || payload === null)
    throw new SessionTokenError("malformed session token");
  const claims = payload as Partial<SessionTokenClaims>;
  const now = (options.nowMs ?? Date.now()) / 1000;
  if (typeof claims.exp !== "number" || claims.exp + JWT_LEEWAY_S < now) {
    throw new SessionTokenError("session token has expired");
  }
  if (typeof claims.nbf === "number" && claims.nbf - JWT_LEEWAY_S > now) {
    throw new SessionTokenError("session token is not yet valid");
  }
  if (claims.aud !== options.apiKey)
    throw new SessionTokenError("session token audience does not match the app");
  if (typeof claims.dest !== "string")
    throw new SessionTokenError("session token has no destination");
  return claims as SessionTokenClaims;
}

/** The shop domain a session token is for (`dest` = https://<shop>). */
export function shopOfClaims(claims: SessionTokenClaims): string {
  try {
    return new URL(claims.dest).hostname.toLowerCase();
  } catch {
    throw new SessionTokenError("session token destination is not a URL");
  }
}

interface RefreshGrant {
  domain: string;
  expiresAtMs: number;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description });
}

async function readParams(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  const params: Record<string, string> = {};
  if (type.includes("application/json") || text.trim().startsWith("{")) {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body === "object" && body !== null) {
        for (const [k, v] of Object.entries(body))
          if (v !== undefined && v !== null) params[k] = String(v);
      }
    } catch {
      return params;
    }
  } else {
    for (const [k, v] of new URLSearchParams(text)) params[k] = v;
  }
  for (const [k, v] of new URL(request.url).searchParams) params[k] ??= v;
  return params;
}

export class AccessTokenEndpoint {
  private readonly refreshGrants = new Map<string, RefreshGrant>();

  constructor(
    private readonly options: {
      apiKey: string;
      appSecret: string;
      registry: ShopRegistry;
      /** Called for shops a valid token names but the emulator does not know yet. */
      createShop(domain: string): ShopState;
    },
  ) {}

  /** `shopHint`: the shop the request was addressed to (Host or routing header), if any. */
  async handle(request: Request, shopHint: string | null): Promise<Response> {
    if (request.method !== "POST") return oauthError(405, "invalid_request", "Use POST.");
    const params = await readParams(request);
    if (
      params.client_id !== this.options.apiKey ||
      params.client_secret !== this.options.appSecret
    ) {
      return oauthError(
        401,
        "invalid_client",
        "Client authentication failed: unknown client_id or wrong client_secret.",
      );
    }
    if (params.grant_type === TOKEN_EXCHANGE_GRANT) return this.exchange(params, shopHint);
    if (params.grant_type === "refresh_token") return this.refresh(params, shopHint);
    return oauthError(
      400,
      "unsupported_grant_type",
      `Unsupported grant_type: ${params.grant_type ?? "(none)"}`,
    );
  }

  private exchange(params: Record<string, string>, shopHint: string | null): Response {
    if (!params.subject_token)
      return oauthError(400, "invalid_request", "subject_token is required");
    if (params.subject_token_type && params.subject_token_type !== ID_TOKEN_TYPE) {
      return oauthError(
        400,
        "invalid_request",
        `Unsupported subject_token_type: ${params.subject_token_type}`,
      );
    }
    let domain: string;
    let claims: SessionTokenClaims;
    try {
      claims = verifySessionToken(params.subject_token, this.options);
      domain = shopOfClaims(claims);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return oauthError(400, "invalid_subject_token", `Session token is invalid: ${message}`);
    }
    if (shopHint && shopHint !== domain) {
      return oauthError(
        400,
        "invalid_subject_token",
        "Session token is invalid: it was issued for another shop",
      );
    }
    if (!MYSHOPIFY_DOMAIN.test(domain)) {
      return oauthError(400, "invalid_subject_token", "Session token is invalid: unknown shop");
    }
    const shop = this.options.registry.get(domain) ?? this.options.createShop(domain);
    const requested = params.requested_token_type ?? OFFLINE_TOKEN_TYPE;
    if (requested === ONLINE_TOKEN_TYPE) {
      const userId = Number(claims.sub) || 1;
      return json(200, {
        access_token: shop.app.accessToken,
        scope: shop.app.scopes.join(","),
        expires_in: ONLINE_TOKEN_TTL_S,
        associated_user_scope: shop.app.scopes.join(","),
        session: claims.sid,
        associated_user: {
          id: userId,
          first_name: "Shop",
          last_name: "Owner",
          email: shop.email,
          account_owner: true,
          locale: "en",
          collaborator: false,
          email_verified: true,
        },
      });
    }
    if (requested !== OFFLINE_TOKEN_TYPE) {
      return oauthError(400, "invalid_request", `Unsupported requested_token_type: ${requested}`);
    }
    return json(
      200,
      this.offlineTokenBody(shop, params.expiring === "1" || params.expiring === "true"),
    );
  }

  private refresh(params: Record<string, string>, shopHint: string | null): Response {
    const grant = params.refresh_token ? this.refreshGrants.get(params.refresh_token) : undefined;
    if (!grant || grant.expiresAtMs < Date.now() || (shopHint && shopHint !== grant.domain)) {
      return oauthError(
        400,
        "invalid_grant",
        "The refresh token is invalid, expired or was issued for another shop.",
      );
    }
    const shop = this.options.registry.get(grant.domain);
    if (!shop) return oauthError(400, "invalid_grant", "The shop no longer has the app installed.");
    return json(200, this.offlineTokenBody(shop, true));
  }

  private offlineTokenBody(shop: ShopState, expiring: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = {
      access_token: shop.app.accessToken,
      scope: shop.app.scopes.join(","),
    };
    if (expiring) {
      const refreshToken = `shprt_${crypto.randomBytes(16).toString("hex")}`;
      this.refreshGrants.set(refreshToken, {
        domain: shop.domain,
        expiresAtMs: Date.now() + REFRESH_TOKEN_TTL_S * 1000,
      });
      body.expires_in = EXPIRING_TOKEN_TTL_S;
      body.refresh_token = refreshToken;
      body.refresh_token_expires_in = REFRESH_TOKEN_TTL_S;
    }
    return body;
  }
}
