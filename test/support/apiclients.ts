import { createApiClient, type NewApiClient } from "../../schema/apiaccess/clients.js";
import { expectNothingWritten } from "./db.js";
import type { TestServer } from "./server.js";

const DAY_MS = 24 * 3_600_000;

/** Setup: an API client of a client, straight through the area's business rule (as an admin would issue it). */
export async function insertApiClient(
  server: TestServer,
  clientId: string,
  options: Partial<NewApiClient> = {},
) {
  return createApiClient(
    server.db,
    { realUserId: null, userId: null },
    {
      clientId,
      name: "Test integration",
      scopes: ["trials:read", "sites:read"],
      environment: "production",
      expiresAt: new Date(Date.now() + 30 * DAY_MS),
      ...options,
    },
  );
}

/** POST to an OAuth endpoint of the server at `url`, form-encoded. */
export async function postForm(
  url: string,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** HTTP Basic credentials of a client, each part form-encoded first (RFC 6749 §2.3.1). */
export const basicAuth = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** An access token by the client credentials grant (client_secret_basic). */
export async function accessToken(url: string, id: string, secret: string, scope?: string) {
  const answer = await postForm(
    url,
    "/oauth/token",
    { grant_type: "client_credentials", ...(scope ? { scope } : {}) },
    { authorization: basicAuth(id, secret) },
  );
  if (answer.status !== 200) throw new Error(`token refused: ${JSON.stringify(answer.body)}`);
  return answer.body.access_token as string;
}

/** Runs an API client's refused requests and checks they wrote nothing but their lines in the request log. */
export const nothingWrittenButTheLog = <T>(server: TestServer, action: () => Promise<T>) =>
  expectNothingWritten(server, action, ["api_request_log"]);
