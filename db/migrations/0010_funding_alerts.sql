CREATE TABLE "contract_funding_watchers" (
	"contract_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_funding_watchers_contract_id_user_id_pk" PRIMARY KEY("contract_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "funding_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"remaining_minor" bigint NOT NULL,
	"threshold_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "low_balance_minor" bigint;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "low_balance_percent" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "low_balance_since" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "contract_funding_watchers" ADD CONSTRAINT "contract_funding_watchers_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_funding_watchers" ADD CONSTRAINT "contract_funding_watchers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_alerts" ADD CONSTRAINT "funding_alerts_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_funding_watchers_user_idx" ON "contract_funding_watchers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "funding_alerts_contract_idx" ON "funding_alerts" USING btree ("contract_id","created_at");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_low_balance_threshold" CHECK (num_nonnulls("contracts"."low_balance_minor", "contracts"."low_balance_percent") <= 1 AND "contracts"."low_balance_minor" > 0 IS NOT FALSE
        AND "contracts"."low_balance_percent" > 0 IS NOT FALSE AND "contracts"."low_balance_percent" < 100 IS NOT FALSE);