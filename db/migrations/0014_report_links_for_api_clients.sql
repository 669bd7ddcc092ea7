ALTER TABLE "download_links" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "download_links" ADD COLUMN "api_client_id" text;--> statement-breakpoint
ALTER TABLE "download_links" ADD CONSTRAINT "download_links_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "download_links_api_client_idx" ON "download_links" USING btree ("api_client_id");--> statement-breakpoint
ALTER TABLE "download_links" ADD CONSTRAINT "download_links_one_owner" CHECK (num_nonnulls("download_links"."user_id", "download_links"."api_client_id") = 1);