import { inArray } from "drizzle-orm";
import { addresses, users } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { User } from "./users.js";

type Address = typeof addresses.$inferSelect;

export const UserTypeEnum = builder.enumType("UserType", {
  values: {
    STAFF: { value: "staff", description: "Mural, sponsor, CRO or site staff" },
    PARTICIPANT: { value: "participant" },
    CAREGIVER: { value: "caregiver" },
  } as const,
});

export const AddressRef = builder.loadableObject("Address", {
  description: "A postal address.",
  load: (ids: string[], ctx): Promise<Address[]> =>
    ctx.db.select().from(addresses).where(inArray(addresses.id, ids)),
  sort: (address) => address.id,
  fields: (t) => ({
    street1: t.exposeString("street1"),
    street2: t.exposeString("street2", { nullable: true }),
    city: t.exposeString("city"),
    state: t.exposeString("state"),
    postCode: t.exposeString("postCode"),
    country: t.exposeString("country"),
  }),
});

export const ContactPreferences = builder.objectRef<User>("ContactPreferences").implement({
  description: "Which channels the user agreed to be notified on.",
  fields: (t) => ({
    email: t.exposeBoolean("emailEnabled"),
    sms: t.exposeBoolean("smsEnabled"),
    push: t.exposeBoolean("pushEnabled"),
  }),
});

export const UserRef = builder.loadableNodeRef<User>("User", {
  id: { resolve: (user) => user.id },
  load: (ids: string[], ctx) => ctx.db.select().from(users).where(inArray(users.id, ids)),
  sort: (user) => user.id,
});

UserRef.implement({
  description: "Someone who logs in: staff, a participant or a caregiver.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    email: t.exposeString("email"),
    emailVerified: t.exposeBoolean("emailVerified"),
    smsVerified: t.exposeBoolean("smsVerified"),
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    phone: t.exposeString("phone", { nullable: true }),
    userType: t.expose("userType", { type: UserTypeEnum }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      resolve: (user) => user.addressId,
    }),
    contactPreferences: t.field({ type: ContactPreferences, resolve: (user) => user }),
    locked: t.boolean({
      description: "Locked for a while after too many failed log-ins.",
      resolve: (user) => user.lockedUntil !== null && user.lockedUntil > new Date(),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
