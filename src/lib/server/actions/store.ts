/**
 * Actions in the database: a working draft that the designer and the API edit, and
 * immutable published versions that pushes run on. Publishing copies the draft into the
 * next version number; a run records the version it ran with.
 */

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ActionDefinition } from '../../actions/definition';
import { validateDefinition, type DefinitionProblem } from '../../actions/validate';
import type { Database } from '../db/client';
import { actions, actionVersions } from '../db/schema';
import { compileAction } from '../../mapping/compile-action';
import type { MappingProblem } from '../../mapping/problems';
import { forgetLiveAction } from './published-cache';

export type SaveResult =
	| { ok: true; slug: string; version: number | null; warnings: DefinitionProblem[] }
	| {
			ok: false;
			status: 400 | 404 | 409;
			code: string;
			message: string;
			problems?: DefinitionProblem[];
	  };

export interface PublishedAction {
	actionId: string;
	version: number;
	definition: ActionDefinition;
}

export async function listActions(db: Database) {
	return db
		.select({
			id: actions.id,
			slug: actions.slug,
			label: actions.label,
			publishedVersion: actions.publishedVersion,
			createdAt: actions.createdAt,
			updatedAt: actions.updatedAt
		})
		.from(actions)
		.orderBy(asc(actions.slug));
}

export async function findAction(db: Database, slug: string) {
	const [row] = await db.select().from(actions).where(eq(actions.slug, slug)).limit(1);
	return row ? { ...row, draft: row.draft as ActionDefinition } : null;
}

/** The version pushes run on: one query on the hot path, by the slug's unique index. */
export async function findPublished(db: Database, slug: string): Promise<PublishedAction | null> {
	const [row] = await db
		.select({
			actionId: actions.id,
			version: actionVersions.version,
			definition: actionVersions.definition
		})
		.from(actions)
		.innerJoin(
			actionVersions,
			and(
				eq(actionVersions.actionId, actions.id),
				eq(actionVersions.version, actions.publishedVersion)
			)
		)
		.where(eq(actions.slug, slug))
		.limit(1);
	return row ? { ...row, definition: row.definition as ActionDefinition } : null;
}

export async function findVersion(db: Database, actionId: string, version: number) {
	const [row] = await db
		.select()
		.from(actionVersions)
		.where(and(eq(actionVersions.actionId, actionId), eq(actionVersions.version, version)))
		.limit(1);
	return row ? { ...row, definition: row.definition as ActionDefinition } : null;
}

export async function listVersions(db: Database, actionId: string) {
	return db
		.select({
			version: actionVersions.version,
			publishedAt: actionVersions.publishedAt,
			publishedBy: actionVersions.publishedBy
		})
		.from(actionVersions)
		.where(eq(actionVersions.actionId, actionId))
		.orderBy(desc(actionVersions.version));
}

/**
 * Creates the action, or replaces the draft of the action with that slug, and publishes
 * it unless told to keep it a draft. This is what the API's PUT and `pushmap import` do.
 */
export async function saveAction(
	db: Database,
	input: unknown,
	options: { publish: boolean; userId?: string; expectSlug?: string }
): Promise<SaveResult> {
	const validation = validateDefinition(input);
	if (!validation.ok) {
		return {
			ok: false,
			status: 400,
			code: 'invalid-definition',
			message: describeProblems(validation.problems),
			problems: validation.problems
		};
	}
	const definition = validation.definition;
	if (options.expectSlug && options.expectSlug !== definition.slug) {
		return {
			ok: false,
			status: 400,
			code: 'slug-mismatch',
			message: `The definition's slug is "${definition.slug}" but it was sent to "${options.expectSlug}". Rename with the slug field of the action at its current URL.`
		};
	}

	const mapping = options.publish ? mappingProblems(definition) : [];
	if (mapping.length > 0) return unpublishable(mapping);

	const version = await db.transaction(async (tx) => {
		const [saved] = await tx
			.insert(actions)
			.values({ slug: definition.slug, label: definition.label, draft: definition })
			.onConflictDoUpdate({
				target: actions.slug,
				set: { label: definition.label, draft: definition, updatedAt: new Date() }
			})
			.returning({ id: actions.id });
		return options.publish
			? publishDraft(tx as unknown as Database, saved.id, definition, options.userId)
			: null;
	});
	return { ok: true, slug: definition.slug, version, warnings: validation.warnings };
}

/** Publishes the current draft as the next version. */
export async function publishAction(
	db: Database,
	slug: string,
	userId?: string
): Promise<SaveResult> {
	const action = await findAction(db, slug);
	if (!action) return notFound(slug);
	const validation = validateDefinition(action.draft);
	if (!validation.ok) {
		return {
			ok: false,
			status: 400,
			code: 'invalid-definition',
			message: describeProblems(validation.problems),
			problems: validation.problems
		};
	}
	const mapping = mappingProblems(validation.definition);
	if (mapping.length > 0) return unpublishable(mapping);
	const version = await db.transaction((tx) =>
		publishDraft(tx as unknown as Database, action.id, validation.definition, userId)
	);
	forgetLiveAction(slug);
	return { ok: true, slug, version, warnings: validation.warnings };
}

export async function deleteAction(db: Database, slug: string): Promise<boolean> {
	const removed = await db
		.delete(actions)
		.where(eq(actions.slug, slug))
		.returning({ id: actions.id });
	forgetLiveAction(slug);
	return removed.length > 0;
}

/** Templates, bindings and filters that would fail every push: a version must not have them. */
function mappingProblems(definition: ActionDefinition): DefinitionProblem[] {
	return compileAction(definition).problems.map((problem) => ({
		path: problemPath(definition, problem),
		message: problem.message
	}));
}

function problemPath(definition: ActionDefinition, problem: MappingProblem): string {
	if (problem.binding !== undefined) {
		const index = definition.bindings.findIndex((b) => b.name === problem.binding);
		return `bindings[${index}].path`;
	}
	if (problem.outputId !== undefined) {
		const index = definition.outputs.findIndex((o) => o.id === problem.outputId);
		return `outputs[${index}]${problem.field ? '.' + problem.field : ''}`;
	}
	return problem.field ?? 'rowFilter';
}

function unpublishable(problems: DefinitionProblem[]): SaveResult {
	return {
		ok: false,
		status: 400,
		code: 'invalid-mapping',
		message: describeProblems(problems),
		problems
	};
}

async function publishDraft(
	db: Database,
	actionId: string,
	definition: ActionDefinition,
	userId?: string
): Promise<number> {
	// Lock the action's row first, so two concurrent publishes cannot take the same number.
	await db.execute(sql`select 1 from ${actions} where ${actions.id} = ${actionId} for update`);
	const [latest] = await db
		.select({ current: sql<number>`coalesce(max(${actionVersions.version}), 0)` })
		.from(actionVersions)
		.where(eq(actionVersions.actionId, actionId));
	const version = Number(latest?.current ?? 0) + 1;
	await db
		.insert(actionVersions)
		.values({ actionId, version, definition, publishedBy: userId ?? null });
	await db
		.update(actions)
		.set({ publishedVersion: version, updatedAt: new Date() })
		.where(eq(actions.id, actionId));
	return version;
}

function notFound(slug: string): SaveResult {
	return { ok: false, status: 404, code: 'not-found', message: `There is no action "${slug}".` };
}

function describeProblems(problems: DefinitionProblem[]): string {
	const first = problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
	const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
	return `The definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${first.join('; ')}${more}.`;
}
