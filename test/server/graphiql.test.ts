import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { gid } from "../support/ids.js";
import { createOrganization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * GraphiQL in a real browser: Debian's chromium (installed by .ci/run; without it this file fails) driven by
 * playwright-core. The page is 9 MB of script: a loaded machine takes a while to open it, hence the timeouts.
 */

const Send = graphql(`
  mutation GraphiqlSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }
`);

const OPEN = 90_000;
const ANSWER = 30_000;

let server: TestServer;
let browser: Browser;
let page: Page;
let participant: Awaited<ReturnType<typeof createEnrolledParticipant>>;
let adminToken: string;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  participant = await createEnrolledParticipant(server, await createOrganization(server));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage();
}, OPEN);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();
const queryEditor = () => page.locator(".graphiql-query-editor .view-lines");
const response = () => page.locator(".graphiql-response");

async function open(url: string) {
  await page.goto(url, { timeout: OPEN });
  await queryEditor().waitFor({ timeout: OPEN });
}

/** Replaces the query editor's text, as a person typing (GraphiQL then keeps it in the address). */
async function typeQuery(query: string) {
  await page.locator(".graphiql-query-editor .monaco-editor").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(query);
  // What the editor closed by itself (a bracket it paired) lies after the cursor.
  await page.keyboard.press("ControlOrMeta+Shift+End");
  await page.keyboard.press("Delete");
  await expect.poll(async () => squeeze(await queryEditor().innerText()), { timeout: ANSWER }).toBe(query);
}

/** Runs what the editor holds and waits for the answer pane to show `expected`. */
async function run(expected: string) {
  await page.locator(".graphiql-execute-button").click();
  await expect
    .poll(async () => squeeze(await response().innerText()), { timeout: ANSWER })
    .toContain(expected);
}

it(
  "opens a shared link, runs it with the Headers tab's token, keeps an edited query across a reload, and runs a subscription over graphql-ws",
  async () => {
    // A shared link: the query and its variables come from the address.
    const shared =
      "query Mine($first: Int) { me { email } messages(first: $first) { edges { node { body } } } }";
    await open(
      `${server.url}/graphql?query=${encodeURIComponent(shared)}&variables=${encodeURIComponent('{"first": 1}')}`,
    );
    expect(squeeze(await queryEditor().innerText())).toBe(shared);

    // The session token, in the Headers tab as the README says.
    await page.getByText("Headers", { exact: true }).click();
    await page.locator(".graphiql-editor-tool .monaco-editor").last().click();
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${participant.token}` }));
    await run(`"me": { "email": "${participant.user.email}" }`);
    expect(squeeze(await response().innerText())).toContain('"requested": 4');

    // Edited, then reloaded: the query is still there, and so is the token.
    const edited = "{ me { firstName email } }";
    await typeQuery(edited);
    // GraphiQL writes the address a moment after the last keystroke.
    await expect.poll(() => new URL(page.url()).searchParams.get("query"), { timeout: ANSWER }).toBe(edited);
    // And keeps its tabs, the Headers tab's token with them, in the page's storage a moment later too.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("graphiql:tabState") ?? ""), { timeout: ANSWER })
      .toContain(participant.token);
    await page.reload({ timeout: OPEN });
    await queryEditor().waitFor({ timeout: OPEN });
    await expect.poll(async () => squeeze(await queryEditor().innerText()), { timeout: ANSWER }).toBe(edited);
    await run(`"email": "${participant.user.email}"`);

    // A subscription over graphql-ws on the same address, authenticated by the same Headers tab.
    await typeQuery("subscription { messageReceived { body senderIsStaff } }");
    await page.locator(".graphiql-execute-button").click();
    const body = "Your visit on Monday is confirmed.";
    // Sent each second until it shows: the browser's socket subscribes a moment after the click.
    let shown = "";
    for (const deadline = Date.now() + ANSWER; !shown.includes(body) && Date.now() < deadline; ) {
      const sent = await server.request(
        Send,
        { input: { enrollmentId: gid.enrollment(participant.enrollment.id), body } },
        adminToken,
      );
      expect(sent.errors).toBeUndefined();
      await page.waitForTimeout(1000);
      shown = squeeze(await response().innerText());
    }
    expect(shown).toContain(`"body": "${body}", "senderIsStaff": true`);
  },
  OPEN * 3,
);
