CREATE TYPE "public"."distance_unit" AS ENUM('mile', 'km');--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "mileage_distance" numeric(9, 2);--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "mileage_rate_minor" bigint;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "mileage_rate_unit" "distance_unit";--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "mileage_rate_minor" bigint;--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "mileage_rate_unit" "distance_unit";--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_mileage_distance" CHECK ("payments"."mileage_distance" IS NULL OR ("payments"."kind" = 'mileage' AND "payments"."mileage_distance" > 0 AND "payments"."mileage_distance" <= 10000));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_mileage_rate" CHECK (("payments"."mileage_rate_minor" IS NULL) = ("payments"."mileage_rate_unit" IS NULL) AND ("payments"."mileage_rate_minor" IS NULL OR ("payments"."mileage_distance" IS NOT NULL AND "payments"."mileage_rate_minor" > 0)));--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_mileage_rate" CHECK (("trials"."mileage_rate_minor" IS NULL) = ("trials"."mileage_rate_unit" IS NULL) AND ("trials"."mileage_rate_minor" IS NULL OR "trials"."mileage_rate_minor" > 0));--> statement-breakpoint
-- hand-written below
-- Tax classification, written once (replacing 0011's): the reportable part of a payment. Reportable income:
-- milestone and manual payments, reimbursements without a receipt, and mileage beyond its reimbursement. A mileage
-- payment's reimbursement is its distance × the trial's mileage rate kept on the payment when it was made (so a
-- later rate change reclassifies nothing), rounded down to a minor unit and at most the amount; without a distance
-- or a rate nothing shows it is a reimbursement, so all of it is reportable. A reimbursement with a receipt is not.
CREATE OR REPLACE FUNCTION payment_reportable_minor(payment_id text, kind payment_kind, amount_minor bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN kind = 'reimbursement'
      AND EXISTS (SELECT 1 FROM payment_attachments a WHERE a.payment_id = payment_reportable_minor.payment_id)
      THEN 0::bigint
    WHEN kind = 'mileage' THEN amount_minor - coalesce((
      SELECT least(amount_minor, floor(p.mileage_distance * p.mileage_rate_minor)::bigint)
      FROM payments p
      WHERE p.id = payment_reportable_minor.payment_id AND p.mileage_rate_minor IS NOT NULL
    ), 0::bigint)
    ELSE amount_minor END
$$;
