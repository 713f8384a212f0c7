/**
 * The one database schema, for embedded PGlite and PostgreSQL alike. Migrations in
 * drizzle/ are generated from this file with `npm run db:generate`; never edit them by hand.
 */

import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const roles = ['admin', 'reviewer'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable('users', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** Stored lowercased; the unique index keeps one account per address. */
	email: text('email').notNull().unique(),
	name: text('name'),
	role: text('role', { enum: roles }).notNull(),
	/** Null until an invited user chooses a password. */
	passwordHash: text('password_hash'),
	inviteTokenHash: text('invite_token_hash').unique(),
	inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the cookie's token: a stolen database cannot be replayed as cookies. */
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		clientAddress: text('client_address'),
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** A token acts with this role, never more than its user's. */
		role: text('role', { enum: roles }).notNull(),
		/** The first characters, shown in lists so a person can tell tokens apart. */
		prefix: text('prefix').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		expiresAt: timestamp('expires_at', { withTimezone: true })
	},
	(t) => [index('api_tokens_user_idx').on(t.userId)]
);

/** Failed sign-ins, counted per account and per address to throttle guessing. */
export const loginFailures = pgTable(
	'login_failures',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		/** `email:<address>` or `ip:<address>`. */
		key: text('key').notNull(),
		failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('login_failures_key_idx').on(t.key, t.failedAt)]
);

export const actions = pgTable('actions', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	label: text('label').notNull(),
	/** The working copy the designer edits; runs use the published version. */
	draft: jsonb('draft').notNull(),
	publishedVersion: integer('published_version'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const actionVersions = pgTable(
	'action_versions',
	{
		actionId: uuid('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		/** Immutable once written. */
		definition: jsonb('definition').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [primaryKey({ columns: [t.actionId, t.version] })]
);

export const credentialTypes = [
	'secret',
	'basic',
	'bearer',
	'api-key',
	'oauth2-client-credentials',
	'smtp'
] as const;
export type CredentialType = (typeof credentialTypes)[number];

export const credentials = pgTable('credentials', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** What definitions refer to; secrets are never inlined in a definition. */
	name: text('name').notNull().unique(),
	type: text('type', { enum: credentialTypes }).notNull(),
	/** Fields safe to show (a username, an SMTP host). */
	publicFields: jsonb('public_fields').notNull().default({}),
	/** AES-256-GCM with PUSHMAP_SECRET_KEY: iv, tag and ciphertext, base64. */
	encryptedSecret: text('encrypted_secret').notNull(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const runStatuses = [
	'received',
	'running',
	'succeeded',
	'partly-failed',
	'failed',
	'rejected'
] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Full-text search, which PostgreSQL and PGlite both have built in (pg_trgm PGlite lacks). */
const tsvector = customType<{ data: string }>({
	dataType: () => 'tsvector'
});

export const runs = pgTable(
	'runs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actionId: uuid('action_id').references(() => actions.id, { onDelete: 'cascade' }),
		actionVersion: integer('action_version'),
		status: text('status', { enum: runStatuses }).notNull(),
		/** A designer's "Send test": shown apart in the run log. */
		test: boolean('test').notNull().default(false),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		clientAddress: text('client_address'),
		userAgent: text('user_agent'),
		authMethod: text('auth_method'),
		idempotencyKey: text('idempotency_key'),
		format: text('format'),
		rowCount: integer('row_count'),
		/**
		 * Null when the action keeps no payloads; cut to the configured size otherwise. The
		 * canonical table is not stored beside it: the run log derives it from the payload
		 * and the run's action version, so each push is written once.
		 */
		payload: text('payload'),
		payloadBytes: integer('payload_bytes').notNull().default(0),
		payloadTruncated: boolean('payload_truncated').notNull().default(false),
		warnings: jsonb('warnings').notNull().default([]),
		error: jsonb('error'),
		/** The response given, so a repeated idempotency key gets the same one. */
		response: jsonb('response'),
		responseStatus: integer('response_status'),
		/** Which run this one replays, if any. */
		replayOf: uuid('replay_of'),
		/**
		 * The run log's free-text search: the words of the payload and of the rejection. Only
		 * the payload's first 20,000 characters are indexed (about the first hundred rows of
		 * a five-column answer): it is computed on every push, and 200,000 characters cost a
		 * 1,000-row push 15 ms of database time where 20,000 cost under 2.
		 */
		search: tsvector('search').generatedAlwaysAs(
			sql`to_tsvector('simple', left(coalesce(payload, ''), 20000) || ' ' || coalesce(error::text, ''))`
		)
	},
	(t) => [
		index('runs_received_idx').on(t.receivedAt.desc(), t.id.desc()),
		index('runs_action_received_idx').on(t.actionId, t.receivedAt.desc(), t.id.desc()),
		index('runs_status_received_idx').on(t.status, t.receivedAt.desc(), t.id.desc()),
		index('runs_action_status_received_idx').on(
			t.actionId,
			t.status,
			t.receivedAt.desc(),
			t.id.desc()
		),
		index('runs_test_received_idx')
			.on(t.receivedAt.desc(), t.id.desc())
			.where(sql`${t.test}`),
		index('runs_replay_of_idx')
			.on(t.replayOf)
			.where(sql`${t.replayOf} is not null`),
		index('runs_search_idx').using('gin', t.search),
		uniqueIndex('runs_idempotency_idx')
			.on(t.actionId, t.idempotencyKey)
			.where(sql`${t.idempotencyKey} is not null`)
	]
);

export const deliveryStatuses = [
	'pending',
	'sending',
	'succeeded',
	'retrying',
	'dead',
	'cancelled'
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveries = pgTable(
	'deliveries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		runId: uuid('run_id')
			.notNull()
			.references(() => runs.id, { onDelete: 'cascade' }),
		outputId: text('output_id').notNull(),
		outputType: text('output_type').notNull(),
		/** The row this delivery carries; null for once-per-push outputs. */
		rowIndex: integer('row_index'),
		status: text('status', { enum: deliveryStatuses }).notNull().default('pending'),
		/** What is sent, secrets referenced by credential name only. */
		rendered: jsonb('rendered').notNull(),
		attemptCount: integer('attempt_count').notNull().default(0),
		maxAttempts: integer('max_attempts').notNull(),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		/** While a worker sends, its lease; a worker that died lets it lapse and another resumes. */
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastError: text('last_error'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('deliveries_run_idx').on(t.runId),
		// Whether a run still has open deliveries is asked each time one closes: a probe here.
		index('deliveries_open_run_idx')
			.on(t.runId)
			.where(sql`${t.status} in ('pending', 'sending', 'retrying')`),
		index('deliveries_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.status} in ('pending', 'retrying')`),
		index('deliveries_leased_idx')
			.on(t.lockedUntil)
			.where(sql`${t.status} = 'sending'`),
		// The run log's free-text search finds runs by their deliveries' errors too.
		index('deliveries_error_search_idx')
			.using('gin', sql`to_tsvector('simple', coalesce(${t.lastError}, ''))`)
			.where(sql`${t.lastError} is not null`)
	]
);

export const deliveryAttempts = pgTable(
	'delivery_attempts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		deliveryId: uuid('delivery_id')
			.notNull()
			.references(() => deliveries.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		durationMs: integer('duration_ms').notNull(),
		/** The request as sent, with secrets redacted. */
		request: jsonb('request').notNull(),
		responseStatus: integer('response_status'),
		responseHeaders: jsonb('response_headers'),
		/** The start of the response body. */
		responseBody: text('response_body'),
		error: text('error')
	},
	(t) => [uniqueIndex('delivery_attempts_number_idx').on(t.deliveryId, t.number)]
);

/**
 * Signatures of HMAC-signed pushes seen within the tolerance window: the same signature
 * twice is a replay. A sender's honest retry signs anew, so it is not caught here (the
 * idempotency key answers it with the first response instead).
 */
export const pushSignatures = pgTable(
	'push_signatures',
	{
		signatureHash: text('signature_hash').primaryKey(),
		seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('push_signatures_seen_idx').on(t.seenAt)]
);
