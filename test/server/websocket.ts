import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TestServer } from "../support/server.js";

interface Answered {
  message?: string;
  extensions?: { code?: string };
}

/** One operation over graphql-ws; its result, or the errors it was refused with. */
export function overWebSocket(server: Pick<TestServer, "url">, query: string, token?: string) {
  const client = createClient({
    url: `${server.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  return new Promise<{ data?: unknown; errors?: readonly Answered[] }>((resolve) => {
    let result = {};
    client.subscribe(
      { query },
      {
        next: (value) => {
          result = value;
        },
        error: (errors) => resolve({ errors: Array.isArray(errors) ? errors : [errors as Answered] }),
        complete: () => resolve(result),
      },
    );
  }).finally(() => client.dispose());
}
