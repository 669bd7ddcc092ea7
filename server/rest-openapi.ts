/** The OpenAPI document of seed 002's REST API, served at /rest/v1/openapi.json. */
const json = (schema: object) => ({ "application/json": { schema } });
const empty = { description: "Done.", content: json({ type: "object" }) };
const error = (description: string) => ({
  description,
  content: json({ $ref: "#/components/schemas/Error" }),
});
const candidateId = {
  name: "candidateId",
  in: "path",
  required: true,
  description: "Your identifier of the candidate (given when you created it).",
  schema: { type: "string" },
  example: "candidate-12345",
};
const refusals = {
  "400": error("BAD_USER_INPUT: the input is invalid; errors[0].extensions.fields names each field."),
  "401": error("UNAUTHENTICATED: no valid Bearer token (or one sent from another origin)."),
  "404": error("NOT_FOUND: no such study or candidate of yours."),
  "409": error("CONFLICT: the candidate id is taken, or the candidate was submitted."),
};

export const OPENAPI = {
  openapi: "3.0.3",
  info: {
    title: "Mural Link Incremental Candidate API",
    version: "0.1.0",
    description:
      "Seed 002's candidate pre-screening API: a study's questionnaire, incremental candidates, eligibility with sites, details under consent, submission. The same operations are GraphQL fields at /graphql.",
  },
  servers: [{ url: "/rest/v1" }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    schemas: {
      Error: {
        type: "object",
        properties: {
          errors: {
            type: "array",
            items: {
              type: "object",
              properties: {
                message: { type: "string" },
                extensions: {
                  type: "object",
                  properties: {
                    code: { type: "string" },
                    fields: { type: "array", items: { type: "object" } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    "/candidates": {
      post: {
        summary: "Create a new candidate record",
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["studyId", "candidateId"],
            properties: {
              studyId: { type: "string", example: "DEMO3" },
              candidateId: { type: "string", example: "candidate-12345" },
              referrerToken: { type: "string", example: "patient-advocacy-group-one" },
              locale: { type: "string", example: "en-US", description: "IETF BCP 47." },
            },
          }),
        },
        responses: { "201": empty, ...refusals },
      },
    },
    "/candidates/{candidateId}/answers/{key}": {
      put: {
        summary: "Answer a question for a candidate",
        parameters: [
          candidateId,
          { name: "key", in: "path", required: true, schema: { type: "string" }, example: "diagnosis" },
        ],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["answer"],
            properties: {
              answer: {
                type: "string",
                description:
                  'The answer. Radio button and checkbox answers are stringified JSON of the selected options: \'{"<key1>": true, "<key2>": true}\'.',
              },
            },
          }),
        },
        responses: { "200": empty, ...refusals },
      },
    },
    "/candidates/{candidateId}/eligibility": {
      get: {
        summary: "Get eligibility status for a candidate",
        parameters: [candidateId],
        responses: {
          "200": {
            description: "Eligibility and the eligible sites.",
            content: json({
              type: "object",
              properties: {
                eligibility: { type: "boolean" },
                eligibleSites: { type: "array", items: { type: "string" } },
              },
            }),
          },
          ...refusals,
        },
      },
    },
    "/candidates/{candidateId}/details": {
      put: {
        summary: "Update candidate details",
        description:
          "Replaces candidate PII, consents and preferences. PII needs consents.dataConsent true. Partial updates are not supported.",
        parameters: [candidateId],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["consents"],
            properties: {
              pii: {
                type: "object",
                required: ["name", "email", "phoneNumber"],
                properties: {
                  name: { type: "string" },
                  email: { type: "string", format: "email" },
                  phoneNumber: { type: "string", format: "phone" },
                  firstName: { type: "string" },
                  lastName: { type: "string" },
                  postalCode: { type: "string" },
                  timezone: { type: "string", format: "tz" },
                },
              },
              consents: {
                type: "object",
                required: ["dataConsent"],
                properties: {
                  dataConsent: { type: "boolean" },
                  leadConsent: { type: "boolean" },
                  lookalikeConsent: { type: "boolean" },
                },
              },
              preferences: {
                type: "object",
                properties: {
                  contactHours: { type: "string" },
                  site: { type: "string", description: "One of the eligibility endpoint's eligibleSites." },
                  contactMethod: { type: "string", enum: ["Phone call", "SMS", "Email", "WhatsApp"] },
                },
              },
            },
          }),
        },
        responses: { "200": empty, ...refusals },
      },
    },
    "/candidates/{candidateId}/submit": {
      post: {
        summary: "Submit a candidate, preventing further changes",
        parameters: [candidateId],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["status"],
            properties: { status: { type: "string", enum: ["DROPOUT", "COMPLETED"] } },
          }),
        },
        responses: { "200": empty, ...refusals },
      },
    },
    "/studies/{studyId}/questionnaire": {
      get: {
        summary: "Get study questionnaire configuration",
        parameters: [
          { name: "studyId", in: "path", required: true, schema: { type: "string" }, example: "DEMO3" },
          { name: "locale", in: "query", required: true, schema: { type: "string" }, example: "en-US" },
        ],
        responses: {
          "200": {
            description: "Study, textDirection, questions, consent, config and messages in the locale.",
            content: json({ type: "object" }),
          },
          ...refusals,
        },
      },
    },
  },
};
