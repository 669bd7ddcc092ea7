CREATE TYPE "public"."tax_policy" AS ENUM('warn', 'hold_claims');--> statement-breakpoint
CREATE TYPE "public"."tin_kind" AS ENUM('ssn', 'itin', 'ein');--> statement-breakpoint
CREATE TABLE "claim_holds" (
	"payment_id" text PRIMARY KEY NOT NULL,
	"held_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"held_by" text,
	"released_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "client_tax_policies" (
	"client_id" text PRIMARY KEY NOT NULL,
	"policy" "tax_policy" NOT NULL,
	"updated_by" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_thresholds" (
	"tax_year" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"approaching_percent" smallint DEFAULT 80 NOT NULL,
	"source" text NOT NULL,
	"updated_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_thresholds_tax_year_currency_pk" PRIMARY KEY("tax_year","currency"),
	CONSTRAINT "tax_thresholds_currency" CHECK ("tax_thresholds"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "tax_thresholds_amount_positive" CHECK ("tax_thresholds"."amount_minor" > 0),
	CONSTRAINT "tax_thresholds_year" CHECK ("tax_thresholds"."tax_year" BETWEEN 2000 AND 2200),
	CONSTRAINT "tax_thresholds_approaching" CHECK ("tax_thresholds"."approaching_percent" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "taxpayer_details" (
	"participant_id" text PRIMARY KEY NOT NULL,
	"tin_kind" "tin_kind" NOT NULL,
	"tin_sealed" "bytea" NOT NULL,
	"tin_last4" text NOT NULL,
	"legal_name" text NOT NULL,
	"address_id" text,
	"certified_at" timestamp (3) with time zone NOT NULL,
	"certified_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_holds" ADD CONSTRAINT "claim_holds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_holds" ADD CONSTRAINT "claim_holds_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_tax_policies" ADD CONSTRAINT "client_tax_policies_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_tax_policies" ADD CONSTRAINT "client_tax_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_thresholds" ADD CONSTRAINT "tax_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxpayer_details" ADD CONSTRAINT "taxpayer_details_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxpayer_details" ADD CONSTRAINT "taxpayer_details_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxpayer_details" ADD CONSTRAINT "taxpayer_details_certified_by_users_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
-- hand-written below
-- Tax classification, written once: the reportable part of a payment. Reportable income: milestone and manual
-- payments, mileage (trials configure no mileage rate and mileage payments carry no distance, so none of it can be
-- shown to be within a rate), and reimbursements without a receipt; a reimbursement with a receipt is not.
CREATE FUNCTION payment_reportable_minor(payment_id text, kind payment_kind, amount_minor bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN kind = 'reimbursement'
    AND EXISTS (SELECT 1 FROM payment_attachments a WHERE a.payment_id = payment_reportable_minor.payment_id)
    THEN 0::bigint ELSE amount_minor END
$$;
--> statement-breakpoint
-- Every payment that reached its participant (claimed or paid), classified; a view, never a stored flag that could
-- drift. Its tax year is the UTC calendar year of its latest claim, the moment the money was released to them.
CREATE VIEW "payment_tax_lines" AS
SELECT p.id AS payment_id, e.participant_id, c.client_id, p.contract_id, p.currency, p.kind::text AS kind,
  p.status::text AS status, claimed.at AS claimed_at,
  extract(year FROM claimed.at AT TIME ZONE 'UTC')::integer AS tax_year,
  p.amount_minor, r.minor AS reportable_minor, p.amount_minor - r.minor AS non_reportable_minor
FROM payments p
JOIN enrollments e ON e.id = p.enrollment_id
JOIN contracts c ON c.id = p.contract_id
CROSS JOIN LATERAL (
  SELECT max(ev.created_at) AS at FROM payment_events ev WHERE ev.payment_id = p.id AND ev.to_status = 'claimed'
) claimed
CROSS JOIN LATERAL (SELECT payment_reportable_minor(p.id, p.kind, p.amount_minor) AS minor) r
WHERE p.status IN ('claimed', 'paid') AND claimed.at IS NOT NULL;
--> statement-breakpoint
-- The US reporting threshold for miscellaneous income: configuration, kept by Mural admins (setTaxThreshold);
-- the code holds no figure. $600 through payments made in 2025; $2,000 for payments made after 2025 (the 2025 US
-- law, One Big Beautiful Bill Act, § 70433), indexed for inflation from 2027 — add those rows as they are published.
INSERT INTO "tax_thresholds" ("tax_year", "currency", "amount_minor", "approaching_percent", "source") VALUES
  (2025, 'USD', 60000, 80, 'IRS Form 1099-MISC/NEC threshold for payments made in 2025: $600.'),
  (2026, 'USD', 200000, 80, 'IRS Form 1099-MISC/NEC threshold for payments made after 2025: $2,000 (2025 US law).');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "payment_events_claimed_idx" ON "payment_events" ("payment_id", "created_at") WHERE "to_status" = 'claimed';
