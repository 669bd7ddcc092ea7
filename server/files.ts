import type { Request, Response } from "express";
import type { Database } from "../db/connection.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { createContext } from "./context.js";

export interface FileToSend {
  filename: string;
  contentType: string;
  body: Buffer | string;
  etag?: string;
}

/**
 * An Express handler for a download behind the API's Bearer session: 401 without a session, 404 when `find`
 * (the owning area's decision) finds nothing this viewer may have, else the file as an uncached attachment.
 */
export function serveFile(
  deps: { config: Config; db: Database },
  notFoundMessage: string,
  find: (ctx: Context, param: string) => Promise<FileToSend | null>,
) {
  return async (req: Request<{ id?: string; token?: string }>, res: Response) => {
    const ctx = await createContext(deps, {
      authorization: req.get("authorization"),
      requestId: res.locals.requestId as string,
    });
    if (!ctx.viewer) {
      res.status(401).set("WWW-Authenticate", "Bearer").json({ error: "You are not logged in." });
      return;
    }
    const file = await find(ctx, req.params.id ?? req.params.token ?? "");
    if (!file) {
      res.status(404).json({ error: notFoundMessage });
      return;
    }
    res
      .status(200)
      .attachment(file.filename) // before type(): attachment() guesses a type from the file name
      .type(file.contentType)
      .set({
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        ...(file.etag ? { ETag: `"${file.etag}"` } : {}),
      })
      .send(file.body);
  };
}
