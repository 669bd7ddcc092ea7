import { z } from "zod";
import * as contact from "../accounts/inputs.js";
import { badInput } from "../core/errors.js";
import { positiveAmount } from "../core/money.js";

/** Input rules of the organisations area; the resolvers parse with them (parseInput) before any rule runs. */

/** "" (or only spaces) in an optional field means "none", as the spec sends an empty street2. */
const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** An optional text: undefined leaves it as it is (edits), null or "" clears it. */
const optional = <S extends z.ZodType>(rule: S) => z.preprocess(blankAsNull, rule.nullish());

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const name = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

export const clientFields = {
  salesContact: optional(text(200)),
  taxId: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9 ./-]{2,30}$/, "must be a tax id such as 66-0057137"),
  ),
  contactName: optional(text(200)),
  contactPhone: optional(contact.phone),
  contactEmail: optional(contact.email),
  address: contact.address.nullish(),
};

export const createClient = z.object({ name, ...clientFields });
export const editClient = z.object({ name: name.optional(), ...clientFields });
export type ClientInput = z.output<typeof createClient>;
export type ClientPatch = z.output<typeof editClient>;

const date = z.string().nullish();

/** Contract dates must be in order: the end on or after the start. */
export function assertDatesOrdered(dates: { startDate?: string | null; endDate?: string | null }) {
  if (dates.startDate && dates.endDate && dates.endDate < dates.startDate)
    throw badInput([{ field: "endDate", message: "must be on or after the start date" }]);
}

export const createContract = z.object({
  name,
  clientSignatureDate: date,
  startDate: date,
  endDate: date,
  totalValue: positiveAmount,
});
export const editContract = z.object({
  name: name.optional(),
  clientSignatureDate: date,
  startDate: date,
  endDate: date,
  totalValue: positiveAmount.optional(),
});
export type ContractInput = z.output<typeof createContract>;
export type ContractPatch = z.output<typeof editContract>;

/** The largest contract document accepted, decoded. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const MAX_BASE64_LENGTH = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
const PDF_MAGIC = Buffer.from("%PDF-");

export const contractDocument = z.object({
  filename: z
    .string()
    .trim()
    .min(1, "is required")
    .max(255, "must be at most 255 characters")
    .refine((f) => !/[/\\\p{Cc}]/u.test(f), "must be a file name without slashes or control characters"),
  data: z
    .string()
    .transform((s) => s.replace(/\s+/g, ""))
    .refine((s) => s.length > 0, "is required")
    .refine((s) => s.length <= MAX_BASE64_LENGTH + 4, `must be at most ${MAX_DOCUMENT_BYTES} bytes`)
    .refine(
      (s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0,
      "must be the file's bytes in base64",
    )
    .transform((s) => Buffer.from(s, "base64"))
    .refine((bytes) => bytes.length <= MAX_DOCUMENT_BYTES, `must be at most ${MAX_DOCUMENT_BYTES} bytes`)
    .refine(
      (bytes) => bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC),
      "must be a PDF file (it does not start with %PDF-)",
    ),
});

export const deposit = z.object({
  amount: positiveAmount,
  note: optional(text(500)),
});

/** IANA time zones as this runtime knows them ("America/Chicago"), plus UTC. */
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
export const timeZone = z
  .string()
  .trim()
  .refine((tz) => TIME_ZONES.has(tz), "must be an IANA time zone such as America/Chicago");

export const createSite = z.object({
  name,
  address: contact.address.nullish(),
  phone: contact.phone.nullish(),
  timeZone: timeZone.optional(),
});
export const editSite = z.object({
  name: name.optional(),
  address: contact.address.nullish(),
  phone: contact.phone.nullable().optional(),
  timeZone: timeZone.optional(),
});
export type SiteInput = z.output<typeof createSite>;
export type SitePatch = z.output<typeof editSite>;

/**
 * A low-balance threshold: an amount (checked against the contract's currency by the rule) or a percentage of the
 * deposits above 0 and below 100 with at most two decimals; neither clears it.
 */
export const lowBalanceThreshold = z
  .object({
    amount: positiveAmount.nullish(),
    percentOfDeposits: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage such as "12.5", with at most two decimals')
      .refine((p) => Number(p) > 0 && Number(p) < 100, "must be above 0 and below 100")
      .nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.amount && value.percentOfDeposits)
      ctx.addIssue({
        code: "custom",
        path: ["percentOfDeposits"],
        message: "give an amount or a percentage, not both",
      });
  })
  .transform((value) => ({ amount: value.amount ?? null, percent: value.percentOfDeposits ?? null }));
