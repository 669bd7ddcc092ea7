import { createRequire } from "node:module";
import type { SpanExporter } from "@opentelemetry/sdk-trace-node";
import { tracing } from "./telemetry.js";

export interface Tracing {
  /** Sends the spans still buffered and stops tracing. */
  shutdown: () => Promise<void>;
}

/**
 * OpenTelemetry traces, when OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test hands its exporter): the SDK is loaded
 * only then (dynamic imports), so otherwise nothing of it is loaded or run. Spans: each HTTP request (the HTTP
 * instrumentation, with the request id), each GraphQL operation (executor.ts) and each SQL statement beneath it
 * (telemetry.ts); exported over OTLP/HTTP in batches, configured by the OTEL_* variables (service name, headers).
 */
export async function startTracing(env: NodeJS.ProcessEnv, exporter?: SpanExporter): Promise<Tracing | null> {
  if (!exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const [{ NodeTracerProvider, BatchSpanProcessor, SimpleSpanProcessor }, { resourceFromAttributes }] =
    await Promise.all([import("@opentelemetry/sdk-trace-node"), import("@opentelemetry/resources")]);
  const { HttpInstrumentation } = await import("@opentelemetry/instrumentation-http");
  const spanExporter =
    exporter ?? new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME ?? "mural-link" }),
    // A test's exporter sees each span as it ends; the OTLP endpoint gets them in batches.
    spanProcessors: [exporter ? new SimpleSpanProcessor(spanExporter) : new BatchSpanProcessor(spanExporter)],
  });
  provider.register();
  // Enabled as it is made, on the provider just registered.
  const http = new HttpInstrumentation({
    // Health checks and scrapes would be most of the spans and tell nothing.
    ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? ""),
  });
  // The HTTP instrumentation patches `http` as it is next required: this process loaded it long ago.
  createRequire(import.meta.url)("node:http");
  tracing.on = true;
  return {
    shutdown: async () => {
      tracing.on = false;
      http.disable();
      await provider.shutdown();
    },
  };
}
