import { z } from "zod";
import { builder } from "./builder.js";

/**
 * What a currency's formatting needs, computed once per currency per process: building an Intl.NumberFormat costs
 * far more than formatting, and a dashboard prints thousands of amounts.
 */
interface CurrencyFacts {
  /** Digits after the decimal point in the minor unit (2 for USD, 0 for JPY, 3 for BHD). */
  digits: number;
  /** The symbol shown before an amount ("$", "SEK"). */
  symbol: string;
}
const currencyFacts = new Map<string, CurrencyFacts>();

function factsOf(currency: string): CurrencyFacts {
  let facts = currencyFacts.get(currency);
  if (!facts) {
    const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    facts = {
      digits: format.resolvedOptions().maximumFractionDigits ?? 2,
      symbol: format
        .formatToParts(0)
        .filter((p) => p.type === "currency")
        .map((p) => p.value)
        .join(""),
    };
    currencyFacts.set(currency, facts);
  }
  return facts;
}

/** Digits after the decimal point in a currency's minor unit (2 for USD, 0 for JPY, 3 for BHD). */
export const minorDigits = (currency: string): number => factsOf(currency).digits;

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => {
    if (!/^[A-Z]{3}$/.test(code)) return false;
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: code });
      return Intl.supportedValuesOf("currency").includes(code);
    } catch {
      return false;
    }
  }, "must be an ISO 4217 currency code such as USD");

/**
 * An amount as a decimal string ("1250.5") in the currency's minor units as a bigint (125050n for USD). Floats
 * never appear: amounts travel as strings and are stored as integers.
 */
export function toMinorUnits(amount: string, currency: string): bigint | null {
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return null;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
}

export function toDecimal(minor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, "0");
  const whole = digits ? abs.slice(0, -digits) : abs;
  const fraction = digits ? `.${abs.slice(-digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Input rule: a positive amount with at most the currency's minor digits, together with its currency. */
export const positiveAmount = z
  .object({ amount: z.string(), currency: currencyCode })
  .transform((value, ctx) => {
    const minor = toMinorUnits(value.amount, value.currency);
    if (minor === null || minor <= 0n) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: `must be a positive decimal amount with at most ${minorDigits(value.currency)} decimals, such as "100.00"`,
      });
      return z.NEVER;
    }
    return { amountMinor: minor, currency: value.currency };
  });

export interface MoneyValue {
  amountMinor: bigint;
  currency: string;
}

export const MoneyRef = builder.objectRef<MoneyValue>("Money").implement({
  description: "An exact amount of money in a currency.",
  fields: (t) => ({
    amount: t.string({
      description: 'Decimal string in major units, e.g. "301000.00".',
      resolve: (m) => toDecimal(m.amountMinor, m.currency),
    }),
    currency: t.exposeString("currency", { description: "ISO 4217 code." }),
    formatted: t.string({
      description: 'For display, e.g. "$301,000.00".',
      resolve: formatExact,
    }),
  }),
});

/** "$301,000.00": grouped and with the currency's symbol, built from the exact decimal (never a float). */
function formatExact(m: MoneyValue): string {
  const [whole, fraction] = toDecimal(m.amountMinor, m.currency).split(".");
  const { symbol } = factsOf(m.currency);
  const grouped = BigInt(whole!).toLocaleString("en-US");
  return `${symbol}${grouped}${fraction ? `.${fraction}` : ""}`;
}

export const MoneyInput = builder.inputType("MoneyInput", {
  description: "An amount of money: a decimal string in major units and its currency.",
  fields: (t) => ({
    amount: t.string({
      description: 'Decimal string, e.g. "250000.00"; at most the currency\'s minor digits.',
    }),
    currency: t.string({ description: "ISO 4217 code, e.g. USD." }),
  }),
});
