import { z } from "zod";

/** Input rules shared by every area that takes people's contact details. */
export const email = z
  .string()
  .trim()
  .max(254)
  .email("must be a valid e-mail address")
  .transform((s) => s.toLowerCase());

// North American style numbers as the spec shows them, or international +digits.
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{7,20}$/, "must be a phone number such as (212) 555-1212")
  .refine((p) => p.replace(/\D/g, "").length >= 7, "must have at least 7 digits");

const line = (max: number) => z.string().trim().min(1, "is required").max(max);

export const name = line(100);

export const address = z.object({
  street1: line(200),
  street2: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((s) => s || null),
  city: line(100),
  state: line(100),
  postCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,10}$/, "must be a postal code"),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166 two-letter country code")
    .default("US"),
});
export type AddressInput = z.output<typeof address>;

/** A new account's details (register). */
export const registration = z.object({
  email,
  password: z.string(),
  firstName: name,
  lastName: name,
  phone: phone.nullish(),
  address: address.nullish(),
});

/** A profile change: omitted (or null) names and e-mail stay; a null phone or address is removed. */
export const profileChange = z.object({
  email: email.nullish().transform((v) => v ?? undefined),
  firstName: name.nullish().transform((v) => v ?? undefined),
  lastName: name.nullish().transform((v) => v ?? undefined),
  phone: phone.nullish(),
  address: address.nullish(),
});
