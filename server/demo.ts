import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../db/connection.js";
import { newId } from "../db/ids.js";
import {
  appointments,
  caregivers,
  clients,
  contracts,
  enrollments,
  fundingDeposits,
  messages,
  milestones,
  milestoneVersions,
  participants,
  paymentEvents,
  payments,
  sites,
  trialSites,
  trials,
  users,
} from "../db/schema/index.js";
import { insertAddress } from "../schema/accounts/addresses.js";
import type { AddressInput } from "../schema/accounts/inputs.js";
import { hashPassword } from "../schema/accounts/passwords.js";
import { createApiClient, MAX_API_CLIENT_LIFETIME_MS } from "../schema/apiaccess/clients.js";
import { READ_SCOPES } from "../schema/core/machine.js";
import { assignRole, type ResourceRef } from "../schema/core/roles.js";
import { contentFromInput } from "../schema/prescreening/inputs.js";
import {
  publishQuestionnaire,
  saveQuestionnaireDraft,
  setRecruitingSite,
} from "../schema/prescreening/questionnaires.js";
import { DEMO_QUESTIONNAIRE, DEMO_STUDY_ID } from "./demo-questionnaire.js";

/** Every demo account shares this password, so one can try each role in GraphiQL. */
export const DEMO_PASSWORD = "Demo-pass-1!";
/** Protocol ids are unique, so the demo trial's is a reliable "already loaded" marker. */
const DEMO_PROTOCOL_ID = "XK8922-67276";
const FUNDING_MINOR = 25_000_000n; // $250,000.00

/** The spec's example payment schedule in dollars, Week 1 … Week 10, IRB-approved as of 2025-01-01. */
const SCHEDULE_DOLLARS = [100, 75, 75, 75, 75, 75, 75, 150, 150, 200];
const SCHEDULE_EFFECTIVE_AT = new Date("2025-01-01T00:00:00Z");

const address = (street1: string, city: string, state: string, postCode: string): AddressInput => ({
  street1,
  street2: null,
  city,
  state,
  postCode,
  country: "US",
});

const SITES = [
  {
    name: "Johnson Clinic",
    phone: "(407) 555-0100",
    timeZone: "America/New_York",
    address: address("425 N Orange Ave", "Orlando", "FL", "32801"),
  },
  {
    name: "Gilliam Clinic",
    phone: "(312) 555-0100",
    timeZone: "America/Chicago",
    address: address("1800 W Harrison St", "Chicago", "IL", "60612"),
  },
];

/** Three participants per site; Ethan Bennett is a minor whose mother acts for him as caregiver. */
const PARTICIPANTS: [
  site: number,
  name: string,
  phone: string,
  dateOfBirth: string,
  emergencyContact: string,
  emergencyPhone: string,
][] = [
  [0, "Ava Thompson", "(407) 555-0141", "1984-03-12", "Mark Thompson", "(407) 555-0142"],
  [0, "Luis Ramirez", "(407) 555-0177", "1969-11-02", "Rosa Ramirez", "(407) 555-0178"],
  [0, "Ethan Bennett", "(321) 555-0190", "2010-06-25", "Laura Bennett", "(321) 555-0191"],
  [1, "Grace Kowalski", "(312) 555-0123", "1991-01-30", "Piotr Kowalski", "(312) 555-0124"],
  [1, "Marcus Green", "(773) 555-0156", "1978-08-14", "Tanya Green", "(773) 555-0157"],
  [1, "Mei Chen", "(312) 555-0199", "1957-04-09", "David Chen", "(312) 555-0198"],
];
/** Some participants gave a home address (needed later for payment by check); the rest did not. */
const HOMES: Record<string, AddressInput> = {
  "Ava Thompson": address("18 Lake Ivanhoe Dr", "Orlando", "FL", "32804"),
  "Ethan Bennett": address("902 Palm Ct", "Winter Park", "FL", "32789"),
  "Grace Kowalski": address("2245 N Clark St", "Chicago", "IL", "60614"),
};
const CAREGIVER = { name: "Laura Bennett", phone: "(321) 555-0191", caresFor: "Ethan Bennett" };

/** The staff, one account per role the demo shows, and where each role is assigned. */
const STAFF: [
  name: string,
  phone: string,
  roleName: string,
  on: "trialSite0" | "trialSite1" | "site0" | "trial" | "client" | "system",
][] = [
  ["Carla Reyes", "(407) 555-0110", "Site Coordinator", "trialSite0"],
  ["Devon Price", "(312) 555-0110", "Site Coordinator", "trialSite1"],
  ["Helen Ortiz", "(407) 555-0111", "Site Admin", "site0"],
  ["Samuel Okafor", "(254) 612-2180", "Approver", "trial"],
  ["Nora Manning", "(254) 612-2177", "Client Report viewer", "client"],
  ["Priya Shah", "(617) 555-0100", "Mural Support", "system"],
];
const PLACES = {
  trialSite0: `Trial Benjamin-97 at ${SITES[0]!.name}`,
  trialSite1: `Trial Benjamin-97 at ${SITES[1]!.name}`,
  site0: SITES[0]!.name,
  trial: "Trial Benjamin-97",
  client: "Walton, Inc.",
  system: "everything",
};

const emailOf = (name: string) => `${name.split(" ").join(".")}@example.com`.toLowerCase();

/** The demo's accounts, to print: e-mail, and who they are. All share DEMO_PASSWORD. */
export function demoAccounts(): { email: string; who: string }[] {
  return [
    ...STAFF.map(([name, , roleName, on]) => ({ email: emailOf(name), who: `${roleName} on ${PLACES[on]}` })),
    ...PARTICIPANTS.map(([site, name], i) => ({
      email: emailOf(name),
      who: `participant, subject ${1001 + i} at ${SITES[site]!.name}`,
    })),
    { email: emailOf(CAREGIVER.name), who: `caregiver (parent) of ${CAREGIVER.caresFor}` },
  ];
}

/**
 * What has happened to each participant (by PARTICIPANTS index), so a dashboard shows payments in every status:
 * each payment's kind, its milestone week (milestone and mileage), amount in dollars (reimbursements, mileage) and
 * the statuses it went through.
 */
type DemoPayment = {
  kind: "milestone" | "mileage" | "reimbursement";
  week?: number;
  dollars?: number;
  category?: string;
  path: ("pending" | "unclaimed" | "claimed" | "paid" | "failed" | "rejected")[];
  reason?: string;
};
const HISTORY: DemoPayment[][] = [
  [
    { kind: "milestone", week: 1, path: ["unclaimed", "claimed", "paid"] },
    { kind: "milestone", week: 2, path: ["unclaimed", "claimed"] },
    { kind: "mileage", week: 2, dollars: 18.4, path: ["unclaimed"] },
  ],
  [
    { kind: "milestone", week: 1, path: ["unclaimed", "claimed", "paid"] },
    { kind: "milestone", week: 2, path: ["unclaimed"] },
    { kind: "reimbursement", dollars: 12, category: "Parking", path: ["pending"] },
  ],
  [
    {
      kind: "milestone",
      week: 1,
      path: ["unclaimed", "claimed", "failed"],
      reason: "The bank returned the transfer.",
    },
    {
      kind: "reimbursement",
      dollars: 64.5,
      category: "Meal",
      path: ["pending", "rejected"],
      reason: "No receipt.",
    },
  ],
  [
    { kind: "milestone", week: 1, path: ["unclaimed", "claimed", "paid"] },
    { kind: "milestone", week: 2, path: ["unclaimed"] },
  ],
  [
    { kind: "milestone", week: 1, path: ["unclaimed", "claimed"] },
    { kind: "reimbursement", dollars: 23.75, category: "Transportation", path: ["pending"] },
  ],
  [{ kind: "milestone", week: 1, path: ["unclaimed"] }],
];
const DAY = 86_400_000;

/** A demo account that can log in at once: e-mail first.last@example.com, verified, with the shared password. */
async function addUser(
  tx: Executor,
  name: string,
  phone: string,
  userType: "staff" | "participant" | "caregiver",
  passwordHash: string,
) {
  const [firstName, lastName] = name.split(" ") as [string, string];
  const addressId = HOMES[name] ? await insertAddress(tx, HOMES[name]) : null;
  const email = emailOf(name);
  const [user] = await tx
    .insert(users)
    .values({ email, firstName, lastName, phone, addressId, userType, passwordHash, emailVerified: true })
    .returning({ id: users.id });
  return user!.id;
}

/** Demo only: the pre-screening partner's fixed credential, so the README's curl sequence works as pasted. */
export const DEMO_PARTNER = {
  clientIdentifier: "demo-partner",
  secret: "demo-partner-secret",
  origin: "http://localhost:3000",
};

/**
 * Seed 002's Parkinson's questionnaire (study DEMO3) published on the demo trial, both sites recruiting in the US
 * around their own postal codes (Orlando 32…, Chicago 60…), and a sandbox partner credential for it (candidates:write on
 * the demo trial, from http://localhost:3000 only).
 */
async function loadDemoPrescreening(tx: Executor, clientId: string, trialId: string, trialSiteIds: string[]) {
  const actor = { realUserId: null, userId: null };
  const content = contentFromInput({
    ...DEMO_QUESTIONNAIRE,
    locales: DEMO_QUESTIONNAIRE.locales.map((l) => ({ ...l, direction: l.direction.toLowerCase() })),
    questions: DEMO_QUESTIONNAIRE.questions.map((q) => ({ ...q, type: q.type.toLowerCase() })),
    consentQuestions: DEMO_QUESTIONNAIRE.consentQuestions.map((c) => ({ ...c, type: c.type.toLowerCase() })),
  });
  await saveQuestionnaireDraft(tx, actor, { trialId, studyId: DEMO_STUDY_ID, content });
  await publishQuestionnaire(tx, actor, trialId);
  for (const [i, postalCodePrefix] of ["32", "60"].entries()) {
    await setRecruitingSite(tx, actor, trialSiteIds[i]!, {
      recruiting: true,
      country: "US",
      postalCodePrefix,
    });
  }
  await createApiClient(tx, actor, {
    clientId,
    name: "Demo pre-screening partner",
    scopes: ["candidates:write"],
    // The demo trial is a sandbox trial, which sandbox credentials reach.
    environment: "sandbox",
    trialIds: [trialId],
    allowedOrigins: [DEMO_PARTNER.origin],
    expiresAt: new Date(Date.now() + 364 * 24 * 3_600_000),
    fixed: { clientIdentifier: DEMO_PARTNER.clientIdentifier, secret: DEMO_PARTNER.secret },
  });
}

/**
 * Fills an empty database with one client's funded trial at two sites, its staff and six enrolled participants,
 * so GraphiQL has something real to show. Returns null, changing nothing, when the demo is already there.
 */
export async function loadDemoData(db: Database): Promise<{ password: string } | null> {
  return db.transaction(async (tx) => {
    // Two processes started with --demo together: the second waits here, then finds the demo loaded.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('mural-link:demo'))`);
    const [loaded] = await tx
      .select({ id: trials.id })
      .from(trials)
      .where(eq(trials.protocolId, DEMO_PROTOCOL_ID));
    if (loaded) return null;
    const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is deliberately slow

    // The spec's example client, with one USD contract funded by a single deposit.
    const [client] = await tx
      .insert(clients)
      .values({
        name: "Walton, Inc.",
        salesContact: "Marsha Dalton",
        taxId: "660057137",
        contactName: "Nora Manning",
        contactPhone: "(254) 612-2177",
        contactEmail: "nora.manning@example.com",
        addressId: await insertAddress(tx, address("1010 West Street Terr", "Orlando", "FL", "32802")),
      })
      .returning({ id: clients.id });
    const clientId = client!.id;
    // The running total must equal the ledger, exactly as if the deposit had been made through the API.
    const [contract] = await tx
      .insert(contracts)
      .values({
        clientId,
        name: "Walton Master Services Agreement 2025",
        clientSignatureDate: "2024-12-16",
        startDate: "2025-01-01",
        endDate: "2026-12-31",
        totalValueMinor: 50_000_000n,
        currency: "USD",
        depositedMinor: FUNDING_MINOR,
      })
      .returning({ id: contracts.id });
    const contractId = contract!.id;
    await tx
      .insert(fundingDeposits)
      .values({ contractId, amountMinor: FUNDING_MINOR, currency: "USD", note: "Initial funding" });

    const [trial] = await tx
      .insert(trials)
      .values({
        contractId,
        name: "Trial Benjamin-97",
        protocolId: DEMO_PROTOCOL_ID,
        status: "live",
        phase: "phase_2",
        irbStatus: "approved",
        // Demo data: the trial sandbox API credentials (and integrators trying the API) reach.
        sandbox: true,
      })
      .returning({ id: trials.id });
    const trialId = trial!.id;

    // Two of the client's sites join the trial, each with its own copy of the payment schedule.
    const siteIds: string[] = [];
    const trialSiteIds: string[] = [];
    /** Per trial site, its milestones' ids and their versions' ids, Week 1 first. */
    const schedules: { id: string; versionId: string; dollars: number }[][] = [];
    for (const { name, phone, timeZone, address: siteAddress } of SITES) {
      const addressId = await insertAddress(tx, siteAddress);
      const [row] = await tx
        .insert(sites)
        .values({ clientId, name, phone, timeZone, addressId })
        .returning({ id: sites.id });
      const [trialSite] = await tx
        .insert(trialSites)
        .values({ trialId, siteId: row!.id })
        .returning({ id: trialSites.id });
      siteIds.push(row!.id);
      trialSiteIds.push(trialSite!.id);
      // Ids chosen here so each version can name its milestone without relying on RETURNING order.
      const schedule = SCHEDULE_DOLLARS.map((dollars, i) => ({
        id: newId(),
        versionId: newId(),
        sortOrder: i,
        dollars,
      }));
      schedules.push(schedule);
      await tx.insert(milestones).values(
        schedule.map(({ id, sortOrder }) => ({
          id,
          trialSiteId: trialSite!.id,
          name: `Week ${sortOrder + 1}`,
          sortOrder,
        })),
      );
      await tx.insert(milestoneVersions).values(
        schedule.map(({ id, versionId, dollars }) => ({
          id: versionId,
          milestoneId: id,
          amountMinor: BigInt(dollars) * 100n,
          currency: "USD",
          effectiveAt: SCHEDULE_EFFECTIVE_AT,
        })),
      );
    }

    // Staff, one account per role the demo shows, each scoped to the resource that role works on.
    const resources: Record<(typeof STAFF)[number][3], ResourceRef> = {
      trialSite0: { trialSiteId: trialSiteIds[0]! },
      trialSite1: { trialSiteId: trialSiteIds[1]! },
      site0: { siteId: siteIds[0]! },
      trial: { trialId },
      client: { clientId },
      system: {},
    };
    const coordinators: string[] = [];
    for (const [name, phone, roleName, on] of STAFF) {
      const userId = await addUser(tx, name, phone, "staff", passwordHash);
      await assignRole(tx, { userId, roleName, resource: resources[on], assignedBy: null });
      if (roleName === "Site Coordinator") coordinators.push(userId);
    }

    await loadDemoPrescreening(tx, clientId, trialId, trialSiteIds);

    // Participants live near their home site and are enrolled in the trial there, subject ids 1001 on; each has
    // visits, payments and messages (addVisits). Funding committed to payments is kept with the contract.
    let committed = 0n;
    for (const [i, participantRow] of PARTICIPANTS.entries()) {
      const [site, name, phone, dateOfBirth, emergencyContact, emergencyPhone] = participantRow;
      const userId = await addUser(tx, name, phone, "participant", passwordHash);
      const [participant] = await tx
        .insert(participants)
        .values({
          userId,
          homeSiteId: siteIds[site]!,
          dateOfBirth,
          emergencyContact,
          emergencyPhone,
          timeZone: SITES[site]!.timeZone,
        })
        .returning({ id: participants.id });
      const [enrollment] = await tx
        .insert(enrollments)
        .values({
          participantId: participant!.id,
          trialSiteId: trialSiteIds[site]!,
          trialId,
          subjectId: String(1001 + i),
          status: "enrolled",
          createdAt: new Date(Date.now() - 30 * DAY),
        })
        .returning({ id: enrollments.id });
      committed += await addVisits(tx, {
        enrollmentId: enrollment!.id,
        contractId,
        schedule: schedules[site]!,
        history: HISTORY[i]!,
        coordinator: coordinators[site]!,
        participant: userId,
        timeZone: SITES[site]!.timeZone,
      });
      if (name === CAREGIVER.caresFor) {
        const caregiverId = await addUser(tx, CAREGIVER.name, CAREGIVER.phone, "caregiver", passwordHash);
        await tx
          .insert(caregivers)
          .values({ userId: caregiverId, participantId: participant!.id, relationship: "parent" });
      }
    }
    await tx.update(contracts).set({ committedMinor: committed }).where(eq(contracts.id, contractId));

    // A sandbox API credential of the client with every read scope, for the README's curl examples (demo only).
    await createApiClient(
      tx,
      { realUserId: null, userId: null },
      {
        clientId: client!.id,
        name: "Demo sponsor integration",
        scopes: READ_SCOPES,
        environment: "sandbox",
        expiresAt: new Date(Date.now() + MAX_API_CLIENT_LIFETIME_MS),
        fixed: DEMO_API_CLIENT,
      },
    );
    return { password: DEMO_PASSWORD };
  });
}

/**
 * One participant's visits so far (attended milestone weeks, the next one scheduled), their payments through the
 * statuses of HISTORY with each change in the payment's history, and a few messages with their coordinator.
 * Returns the money committed to the contract (every status but pending and rejected).
 */
async function addVisits(
  tx: Executor,
  enrollment: {
    enrollmentId: string;
    contractId: string;
    schedule: { id: string; versionId: string; dollars: number }[];
    history: DemoPayment[];
    coordinator: string;
    participant: string;
    timeZone: string;
  },
): Promise<bigint> {
  const { enrollmentId, schedule, coordinator, participant, timeZone } = enrollment;
  const weeks = Math.max(...enrollment.history.map((p) => p.week ?? 1));
  const visits = new Map<number, string>();
  for (let week = 1; week <= weeks + 1; week++) {
    const attended = week <= weeks;
    const [visit] = await tx
      .insert(appointments)
      .values({
        enrollmentId,
        milestoneId: schedule[week - 1]!.id,
        scheduledAt: new Date(Date.now() + (attended ? -(weeks - week + 1) * 7 : 7) * DAY),
        timeZone,
        description: `Week ${week} visit`,
        status: attended ? "attended" : "scheduled",
        createdBy: coordinator,
      })
      .returning({ id: appointments.id });
    visits.set(week, visit!.id);
  }
  let committed = 0n;
  for (const [n, payment] of enrollment.history.entries()) {
    const line = payment.week ? schedule[payment.week - 1]! : null;
    const amountMinor = BigInt(Math.round((payment.dollars ?? line!.dollars) * 100));
    const status = payment.path.at(-1)!;
    const createdAt = new Date(Date.now() - (20 - n * 3) * DAY);
    const [row] = await tx
      .insert(payments)
      .values({
        enrollmentId,
        contractId: enrollment.contractId,
        kind: payment.kind,
        ...(payment.kind === "milestone"
          ? { milestoneId: line!.id, milestoneVersionId: line!.versionId, milestoneOccurrence: 1 }
          : {}),
        ...(payment.kind === "mileage" ? { visitMilestoneId: line!.id } : {}),
        appointmentId: payment.week ? visits.get(payment.week)! : null,
        amountMinor,
        currency: "USD",
        category: payment.category ?? null,
        status,
        rejectionReason: status === "rejected" ? payment.reason! : null,
        failureReason: status === "failed" ? payment.reason! : null,
        payoutType: payment.path.includes("claimed") ? "paypal" : null,
        createdBy: payment.kind === "reimbursement" ? participant : coordinator,
        createdAt,
      })
      .returning({ id: payments.id });
    await tx.insert(paymentEvents).values(
      payment.path.map((toStatus, step) => ({
        paymentId: row!.id,
        fromStatus: step === 0 ? null : payment.path[step - 1]!,
        toStatus,
        actorUserId:
          toStatus === "claimed" || (step === 0 && payment.kind === "reimbursement")
            ? participant
            : coordinator,
        reason: toStatus === "rejected" || toStatus === "failed" ? payment.reason! : null,
        createdAt: new Date(createdAt.getTime() + step * DAY),
      })),
    );
    if (status !== "pending" && status !== "rejected") committed += amountMinor;
  }
  await tx.insert(messages).values([
    {
      enrollmentId,
      senderUserId: coordinator,
      body: "Thanks for coming in this week. Your visit payment is on its way.",
      createdAt: new Date(Date.now() - 6 * DAY),
    },
    {
      enrollmentId,
      senderUserId: participant,
      body: "Thank you! Can I move next week's visit to the afternoon?",
      createdAt: new Date(Date.now() - 5 * DAY),
    },
    {
      enrollmentId,
      senderUserId: coordinator,
      body: "Of course, 2 pm works. See you then.",
      createdAt: new Date(Date.now() - 4 * DAY),
    },
  ]);
  return committed;
}

/** The demo's sandbox API credential (README "For integrators"). Never in production data. */
export const DEMO_API_CLIENT = { clientIdentifier: "demo-sponsor", secret: "demo-sponsor-secret" };
