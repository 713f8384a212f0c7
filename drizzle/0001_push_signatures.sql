CREATE TABLE "push_signatures" (
	"signature_hash" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "push_signatures_seen_idx" ON "push_signatures" USING btree ("seen_at");