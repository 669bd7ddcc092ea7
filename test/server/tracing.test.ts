import { randomUUID } from "node:crypto";
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_ID_ATTRIBUTE, tracing } from "../../server/telemetry.js";
import { startTracing, type Tracing } from "../../server/tracing.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * In-process: the app runs in this test's process, so the SDK's in-memory exporter (handed to startTracing in place
 * of the OTLP one OTEL_EXPORTER_OTLP_ENDPOINT would make) sees every span it ends.
 */
const exporter = new InMemorySpanExporter();
let started: Tracing | null;
let server: TestServer;
beforeAll(async () => {
  started = await startTracing({}, exporter);
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await started?.shutdown();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("traces", () => {
  it("are off, and the SDK not started, without OTEL_EXPORTER_OTLP_ENDPOINT", async () => {
    expect(await startTracing({})).toBeNull();
  });

  it("make one request an HTTP span, its GraphQL operation beneath, and the operation's SQL beneath that", async () => {
    expect(tracing.on).toBe(true);
    const token = await server.loginAdmin();
    const requestId = `traced-${randomUUID()}`;
    const result = await server.request(`query Clients { apiClients(first: 5) { totalCount } }`, {}, token, {
      "x-request-id": requestId,
    });
    expect(result.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const operation = spans.find(
      (s) => s.attributes[REQUEST_ID_ATTRIBUTE] === requestId && s.name === "query Clients",
    );
    expect(operation).toBeDefined();
    expect(operation!.attributes).toMatchObject({
      "graphql.operation.type": "query",
      "graphql.operation.name": "Clients",
    });
    const request = spans.find(
      (s) => s.kind === SpanKind.SERVER && s.attributes[REQUEST_ID_ATTRIBUTE] === requestId,
    );
    expect(request, "the HTTP span carries the request id").toBeDefined();
    expect(parentOf(operation!)).toBe(request!.spanContext().spanId);
    expect(operation!.spanContext().traceId).toBe(request!.spanContext().traceId);

    const statements = spans.filter((s) => parentOf(s) === operation!.spanContext().spanId);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.kind).toBe(SpanKind.CLIENT);
      expect(statement.attributes["db.system.name"]).toBe("postgresql");
      expect(String(statement.attributes["db.query.text"])).toMatch(/^\s*(select|with)\b/i);
    }
    // The session is checked as the operation starts (its viewer remembered since login): its SQL is beneath it too.
    expect(statements.some((s) => /\blive AS\b/.test(String(s.attributes["db.query.text"])))).toBe(true);
  });

  it("hold statements' text, never their values", async () => {
    const email = `traced-${randomUUID()}@example.com`;
    const requestId = `traced-${randomUUID()}`;
    const reset = `mutation Reset($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }`;
    await server.request(reset, { email }, null, { "x-request-id": requestId });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find(
      (s) => s.attributes[REQUEST_ID_ATTRIBUTE] === requestId && s.name === "mutation Reset",
    );
    expect(operation).toBeDefined();
    const statements = spans.filter((s) => parentOf(s) === operation!.spanContext().spanId);
    expect(statements.map((s) => s.attributes["db.query.text"])).toContainEqual(expect.stringMatching(/\$1/));
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain(email);
  });
});
