import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { RequestHandler } from "express";

const FIRST_QUERY = `# Welcome to Mural Link. Log in with the login mutation, then add the token under Headers:
# { "Authorization": "Bearer <token>" }
mutation LogIn {
  login(input: { email: "admin@example.com", password: "<your password>" }) {
    token
    viewer { roles isAdmin user { email firstName lastName } }
  }
}

query WhoAmI {
  viewer { userType roles user { email } }
}
`;

/**
 * GraphiQL with its scripts and styles inlined (it works with no internet), rendered once. It keeps the query in the
 * page's URL (`?query=`), so a reload or a shared link opens it; `?variables=` (JSON) is read from the URL too, in
 * the browser, so the page stays one static document. Subscriptions run over graphql-ws on the same address; the
 * Headers tab's Authorization goes with each of them (server/subscriptions.ts).
 */
async function renderPage(): Promise<string> {
  // Imported here, on the page's first request: the module is GraphiQL's whole bundle as source text (about 30 MB
  // of heap once loaded), which a process nobody opens GraphiQL on never needs.
  const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
  const options = {
    endpoint: "/graphql",
    title: "Mural Link",
    defaultQuery: FIRST_QUERY,
    isHeadersEditorEnabled: true,
    subscriptionsProtocol: "WS" as const,
  };
  const page = renderGraphiQL(options);
  const literal = JSON.stringify(options);
  const at = page.lastIndexOf(literal);
  if (at < 0) throw new Error("GraphiQL's page no longer holds its options as rendered");
  const withVariables = `Object.assign(${literal}, { variables: new URLSearchParams(location.search).get("variables") ?? undefined })`;
  return page.slice(0, at) + withVariables + page.slice(at + literal.length);
}

interface Page {
  html: string;
  gzipped: Buffer;
}
let page: Promise<Page> | undefined;

/** The page is 9 MB, 2.4 MB gzipped: rendered and compressed on its first request, then served as it is. */
const loadPage = () => {
  page ??= (async () => {
    const html = await renderPage();
    return { html, gzipped: await promisify(gzip)(html) };
  })();
  return page;
};

/** Serves GraphiQL, gzipped when the browser takes it (the compression middleware leaves an encoded body alone). */
export const serveGraphiQL: RequestHandler = async (req, res, next) => {
  try {
    const { html, gzipped } = await loadPage();
    res.type("html").vary("Accept-Encoding").set("Cache-Control", "no-cache");
    if (req.acceptsEncodings("gzip", "identity") === "gzip")
      res.set("Content-Encoding", "gzip").send(gzipped);
    else res.send(html);
  } catch (error) {
    next(error);
  }
};
