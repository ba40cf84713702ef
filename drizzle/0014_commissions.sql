CREATE TABLE "commission_units" (
	"commission_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "commission_units_commission_id_unit_id_pk" PRIMARY KEY("commission_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"brief" jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"publication_id" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "commission_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "commission_id" integer;--> statement-breakpoint
ALTER TABLE "commission_units" ADD CONSTRAINT "commission_units_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_units" ADD CONSTRAINT "commission_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_units_unit_idx" ON "commission_units" USING btree ("unit_id","commission_id");--> statement-breakpoint
CREATE INDEX "commissions_deadline_idx" ON "commissions" USING btree ("deadline","id");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_commission_idx" ON "articles" USING btree ("commission_id","unit_id") WHERE "articles"."commission_id" is not null;