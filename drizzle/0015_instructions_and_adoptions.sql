CREATE TABLE "adoptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"adopted_by" text NOT NULL,
	"level" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"recorded_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adoptions_level_check" CHECK ("adoptions"."level" in ('national', 'provincial', 'municipal', 'county')),
	CONSTRAINT "adoptions_by_check" CHECK (length(btrim("adoptions"."adopted_by")) > 0)
);
--> statement-breakpoint
CREATE TABLE "instruction_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"instruction_id" integer NOT NULL,
	"body" jsonb NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instruction_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_id" integer NOT NULL,
	"instruction_id" integer,
	"feedback_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instruction_files_mime_check" CHECK ("instruction_files"."mime" in ('image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf')),
	CONSTRAINT "instruction_files_one_owner_check" CHECK ("instruction_files"."instruction_id" is null or "instruction_files"."feedback_id" is null)
);
--> statement-breakpoint
CREATE TABLE "instructions" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"leader" text NOT NULL,
	"level" text NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"recorded_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructions_level_check" CHECK ("instructions"."level" in ('national', 'provincial', 'municipal', 'county')),
	CONSTRAINT "instructions_leader_check" CHECK (length(btrim("instructions"."leader")) > 0),
	CONSTRAINT "instructions_text_check" CHECK (length(btrim("instructions"."text")) > 0)
);
--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoptions" ADD CONSTRAINT "adoptions_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_feedback" ADD CONSTRAINT "instruction_feedback_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_feedback" ADD CONSTRAINT "instruction_feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_files" ADD CONSTRAINT "instruction_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_files" ADD CONSTRAINT "instruction_files_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_files" ADD CONSTRAINT "instruction_files_feedback_id_instruction_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."instruction_feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adoptions_article_idx" ON "adoptions" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "adoptions_date_idx" ON "adoptions" USING btree ("date","id");--> statement-breakpoint
CREATE INDEX "instruction_feedback_instruction_idx" ON "instruction_feedback" USING btree ("instruction_id","created_at");--> statement-breakpoint
CREATE INDEX "instruction_files_instruction_idx" ON "instruction_files" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "instruction_files_feedback_idx" ON "instruction_files" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "instructions_article_idx" ON "instructions" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "instructions_date_idx" ON "instructions" USING btree ("date","id");