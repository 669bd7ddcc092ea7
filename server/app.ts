import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { sql } from "drizzle-orm";
import express from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Database } from "../db/connection.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { isExpectedError } from "../schema/core/errors.js";
import { buildSchema } from "../schema/index.js";
import { downloadContractDocument } from "../schema/organizations/contracts.js";
import { downloadReport } from "../schema/reports/index.js";
import { createContext } from "./context.js";
import { serveFile } from "./files.js";
import { graphiqlPage } from "./graphiql.js";
import { inputHygiene } from "./input-hygiene.js";
import { armor, oneCredentialCheckPerRequest } from "./limits.js";
import type { Logger } from "./logger.js";
import { serveSubscriptions } from "./subscriptions.js";
import { startWorker, type Worker } from "./worker.js";

export interface App {
  url: string;
  close: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Expected failures keep their code and message; anything else becomes INTERNAL_SERVER_ERROR with the request id,
 * logged here with its stack, never sent.
 */
function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (isExpectedError(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error("unexpected error", error);
    return {
      message: "Something went wrong on our side. Quote the request id if you contact support.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

export async function startApp(
  deps: {
    config: Config;
    db: Database;
    log: Logger;
    /** The database's URL, for the job worker (graphile-worker keeps its own pool); no worker without it. */
    databaseUrl?: string;
  },
  port: number,
  host: string,
): Promise<App> {
  const { config, db, log } = deps;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const limits = armor();

  const schema = buildSchema();
  // Subscriptions (graphql-ws) share the port, the path /graphql, the shielded schema and the limits.
  const subscriptions = serveSubscriptions({
    httpServer,
    schema,
    config,
    db,
    log,
    validationRules: limits.validationRules,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    ...limits,
    introspection: true,
    csrfPrevention: true,
    formatError: formatError(log),
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      oneCredentialCheckPerRequest,
      inputHygiene,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      {
        // Every response says who asked (as the spec's envelope did) and carries the request id.
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              if (response.body.kind !== "single") return;
              const viewer = contextValue?.viewer;
              response.body.singleResult.extensions = {
                ...response.body.singleResult.extensions,
                requestId: contextValue?.requestId,
                viewer: viewer
                  ? {
                      userType: viewer.userType,
                      roles: viewer.roles,
                      impersonating: viewer.userId !== viewer.realUserId,
                    }
                  : null,
              };
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  // Background jobs (outbox delivery, reminders) run in every API process unless WORKER=off.
  let worker: Worker | null = null;
  if (config.WORKER === "on" && deps.databaseUrl) {
    worker = await startWorker({ databaseUrl: deps.databaseUrl, config, log });
  } else if (config.WORKER === "on") {
    log.warn("no database URL given: background jobs are not run by this process");
  }

  app.use((req, res, next) => {
    const given = req.get("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.set("X-Request-Id", requestId);
    next();
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await db.execute(sql`SELECT 1`);
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });
  // Files behind the API's Bearer session; whether one serves this viewer is its area's decision.
  const files = { config, db };
  app.get(
    "/files/contract-documents/:id",
    serveFile(files, "This document was not found.", async (ctx, id) => {
      const document = await downloadContractDocument(ctx.db, ctx.access, id);
      return document && { ...document, body: document.data, etag: document.sha256 };
    }),
  );
  app.get(
    "/files/reports/:token",
    serveFile(files, "This report link was not found or has expired.", (ctx, token) =>
      downloadReport(ctx.db, ctx.access, token),
    ),
  );
  app.get("/graphql", (req, res, next) => {
    if (req.query.query === undefined && req.accepts(["text/html", "application/json"]) === "text/html") {
      res.type("html").send(graphiqlPage());
      return;
    }
    next();
  });
  app.use(
    "/graphql",
    // A contract PDF of up to 10 MiB travels base64-encoded (4/3 of its size) inside the JSON body.
    express.json({ limit: "15mb" }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        createContext(
          { config, db },
          { authorization: req.get("authorization"), requestId: res.locals.requestId as string },
        ),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    close: async () => {
      await subscriptions.close();
      await apollo.stop();
      await worker?.stop();
    },
  };
}
