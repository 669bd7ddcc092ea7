import { inArray } from "drizzle-orm";
import { addresses, users } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { User } from "./users.js";

type Address = typeof addresses.$inferSelect;

export const UserTypeEnum = builder.enumType("UserType", {
  description: "What kind of person an account belongs to; it decides what the account can ever see.",
  values: {
    STAFF: {
      value: "staff",
      description: "Mural, sponsor, CRO or site staff: sees what their grants allow.",
    },
    PARTICIPANT: {
      value: "participant",
      description: "A participant in a trial: sees only their own records, trials and sites.",
    },
    CAREGIVER: {
      value: "caregiver",
      description:
        "A parent, guardian or nurse acting for a participant: sees only that participant's records.",
    },
  } as const,
});

export const AddressRef = builder.loadableObject("Address", {
  description: "A postal address.",
  load: (ids: string[], ctx): Promise<Address[]> =>
    ctx.db.select().from(addresses).where(inArray(addresses.id, ids)),
  sort: (address) => address.id,
  fields: (t) => ({
    street1: t.exposeString("street1", { description: "The first line: number and street." }),
    street2: t.exposeString("street2", {
      nullable: true,
      description: "A second line (suite, apartment), if any.",
    }),
    city: t.exposeString("city", { description: "City or town." }),
    state: t.exposeString("state", { description: "State, province or region." }),
    postCode: t.exposeString("postCode", { description: "ZIP or postal code." }),
    country: t.exposeString("country", { description: "ISO 3166 two-letter country code, e.g. US." }),
  }),
});

export const ContactPreferences = builder.objectRef<User>("ContactPreferences").implement({
  description: "Which channels the user agreed to be notified on.",
  fields: (t) => ({
    email: t.exposeBoolean("emailEnabled", {
      description:
        "Notifications by e-mail (account-security e-mails: verification, password reset, lockout, are always sent).",
    }),
    sms: t.exposeBoolean("smsEnabled", { description: "Notifications by SMS to the account's phone." }),
    push: t.exposeBoolean("pushEnabled", { description: "Push notifications to the user's mobile app." }),
  }),
});

export const UserRef = builder.loadableNodeRef<User>("User", {
  id: { resolve: (user) => user.id },
  load: (ids: string[], ctx) => ctx.db.select().from(users).where(inArray(users.id, ids)),
  sort: (user) => user.id,
});

UserRef.implement({
  description:
    "Someone who logs in: staff, a participant or a caregiver. You may read your own account; admins read any (see `users`).",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description:
        "The account's raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    email: t.exposeString("email", {
      description: "The e-mail address the account logs in with (lower case).",
    }),
    emailVerified: t.exposeBoolean("emailVerified", {
      description: "Whether the address was confirmed with the token e-mailed to it (verifyEmail).",
    }),
    smsVerified: t.exposeBoolean("smsVerified", {
      description: "Whether the phone number was confirmed by SMS.",
    }),
    firstName: t.exposeString("firstName", { description: "Given name." }),
    lastName: t.exposeString("lastName", { description: "Family name." }),
    phone: t.exposeString("phone", {
      nullable: true,
      description: "Phone number as entered, e.g. (212) 555-1212.",
    }),
    userType: t.expose("userType", { type: UserTypeEnum, description: "Staff, participant or caregiver." }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "Postal address, if given.",
      resolve: (user) => user.addressId,
    }),
    contactPreferences: t.field({
      type: ContactPreferences,
      description: "The channels the user agreed to be notified on.",
      resolve: (user) => user,
    }),
    locked: t.boolean({
      description: "Locked for a while after too many failed log-ins.",
      resolve: (user) => user.lockedUntil !== null && user.lockedUntil > new Date(),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was created." }),
  }),
});
