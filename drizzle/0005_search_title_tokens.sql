-- Search (issue #8): the title's tokens in a column of their own, so title
-- matches can be found and ranked first without reading the large, out-of-line
-- `tokens` value; and an index to walk matches newest first.
-- Existing rows get the title part of `tokens` — its weight-A lexemes, with
-- the same positions (the title comes first) — which is exactly what
-- indexing writes; setweight 'D' drops the weight label as to_tsvector has none.
ALTER TABLE "search_documents" ADD COLUMN "title_tokens" "tsvector";--> statement-breakpoint
UPDATE "search_documents" SET "title_tokens" = setweight(ts_filter("tokens", '{a}'), 'D');--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "title_tokens" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_title_tokens_idx" ON "search_documents" USING gin ("title_tokens");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("published_at" DESC NULLS FIRST,"article_id");
