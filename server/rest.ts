import cors from "cors";
import { type Request, type Response, Router } from "express";
import type { Database } from "../db/connection.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { DomainError } from "../schema/core/errors.js";
import {
  answerQuestion,
  candidateEligibility,
  createCandidate,
  studyQuestionnaire,
  submitCandidate,
  updateCandidateDetails,
} from "../schema/prescreening/candidates.js";
import { createContext } from "./context.js";
import { logUnexpected, readJsonBody } from "./errors.js";
import type { Logger } from "./logger.js";
import { machineAuthentication } from "./oauth.js";
import { callerOf, RATE_LIMIT_HEADERS, RATE_LIMITED_MESSAGE, type RateLimits } from "./rate-limits.js";
import { OPENAPI } from "./rest-openapi.js";

/** HTTP statuses of the error codes a candidate operation answers with. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_TOKEN: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TRY_AGAIN: 503,
  OUTCOME_UNKNOWN: 503,
};

/**
 * Seed 002's REST API (`/rest/v1`): a thin adapter over the prescreening area's candidate operations, the same
 * functions GraphQL calls, so both answer alike. Errors come back as JSON with the same code GraphQL gives and
 * its HTTP status; CORS is open to every origin, as the seed says (credentials decide what a call may do).
 */
export function restRouter(deps: {
  config: Config;
  db: Database;
  log: Logger;
  rates: RateLimits | null;
}): Router {
  const router = Router();
  router.use(
    cors({
      origin: "*",
      methods: ["GET", "POST", "PUT"],
      allowedHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
      exposedHeaders: ["X-Request-Id", ...RATE_LIMIT_HEADERS],
      maxAge: 600,
    }),
  );
  // A partner's access token (bound to its allowed origins: another Origin is refused here) or a staff session.
  router.use(machineAuthentication(deps));
  router.use(readJsonBody());

  /** Runs an operation with the request's context, answering its result as JSON or its error with its status. */
  const handle =
    (operation: (ctx: Context, req: Request) => Promise<unknown>, status = 200) =>
    async (req: Request, res: Response) => {
      const requestId = res.locals.requestId as string;
      try {
        const ctx = await createContext(deps, {
          authorization: req.get("authorization"),
          requestId,
          machine: res.locals.machine,
          ip: req.ip,
        });
        // Each call costs its API client (or, without a session, its IP) one point of its rate limit.
        const caller = callerOf(ctx);
        const verdict = deps.rates && caller ? await deps.rates.charge(caller, 1) : null;
        if (verdict) res.set(verdict.headers);
        if (verdict?.refused) {
          const extensions = { code: "RATE_LIMITED" };
          res
            .status(429)
            .json({ errors: [{ message: RATE_LIMITED_MESSAGE, extensions }], extensions: { requestId } });
          return;
        }
        res.status(status).json((await operation(ctx, req)) ?? {});
      } catch (error) {
        const code = error instanceof DomainError ? String(error.extensions.code) : "INTERNAL_SERVER_ERROR";
        const known = STATUS[code];
        if (!known) logUnexpected(deps.log, requestId, error);
        const extensions = error instanceof DomainError ? { ...error.extensions } : { code };
        const message = known ? (error as Error).message : "Something went wrong on our side.";
        res.status(known ?? 500).json({ errors: [{ message, extensions }], extensions: { requestId } });
      }
    };
  const body = (req: Request) =>
    req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {};
  // Each operation checks its own input (BAD_USER_INPUT naming the field), whatever JSON type it was sent as.
  const text = (value: unknown) => value as string;

  router.get("/openapi.json", (_req, res) => {
    res.json(OPENAPI);
  });
  router.post(
    "/candidates",
    handle(async (ctx, req) => {
      const b = body(req);
      await createCandidate(ctx, {
        studyId: text(b.studyId),
        candidateId: text(b.candidateId),
        referrerToken: text(b.referrerToken),
        locale: text(b.locale),
      });
      return {};
    }, 201),
  );
  router.put(
    "/candidates/:candidateId/answers/:key",
    handle(async (ctx, req) => {
      await answerQuestion(ctx, {
        candidateId: text(req.params.candidateId),
        key: text(req.params.key),
        answer: text(body(req).answer),
      });
      return {};
    }),
  );
  router.get(
    "/candidates/:candidateId/eligibility",
    handle(async (ctx, req) => {
      const { eligibility, eligibleSites } = await candidateEligibility(ctx, text(req.params.candidateId));
      return { eligibility, eligibleSites };
    }),
  );
  router.put(
    "/candidates/:candidateId/details",
    handle(async (ctx, req) => {
      await updateCandidateDetails(ctx, text(req.params.candidateId), body(req) as never);
      return {};
    }),
  );
  router.post(
    "/candidates/:candidateId/submit",
    handle(async (ctx, req) => {
      await submitCandidate(ctx, text(req.params.candidateId), body(req).status as never);
      return {};
    }),
  );
  router.get(
    "/studies/:studyId/questionnaire",
    handle((ctx, req) => studyQuestionnaire(ctx, text(req.params.studyId), text(req.query.locale))),
  );
  return router;
}
