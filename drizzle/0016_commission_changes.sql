ALTER TABLE "commissions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "cancelled_by_id" integer;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_version_check" CHECK ("commissions"."version" >= 1);--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_cancel_check" CHECK (("commissions"."cancelled_at" is null) = ("commissions"."cancel_reason" is null));