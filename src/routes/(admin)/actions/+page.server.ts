import { fail, redirect } from '@sveltejs/kit';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { validateDefinition, type DefinitionProblem } from '$lib/actions/validate';
import { deleteAction, findAction, listActions, saveAction } from '$lib/server/actions/store';
import { runs } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

/** What each form action answers; one shape, so the page reads it without narrowing. */
interface Outcome {
	problem?: string;
	problems?: DefinitionProblem[];
	json?: string;
	deleted?: string;
}

/** How many of an action's latest runs its success rate is taken over. */
const RECENT_RUNS = 20;
const FINISHED = ['succeeded', 'partly-failed', 'failed', 'rejected'];

export const load = async ({ url }) => {
	const { db } = runtime();
	const [actions, recent] = await Promise.all([listActions(db), recentRuns()]);
	return {
		origin: url.origin,
		recentRuns: RECENT_RUNS,
		actions: actions.map((action) => {
			const own = recent.filter((run) => run.actionId === action.id);
			const finished = own.filter((run) => FINISHED.includes(run.status));
			return {
				slug: action.slug,
				label: action.label,
				publishedVersion: action.publishedVersion,
				updatedAt: action.updatedAt,
				lastRun: own[0] ? { status: own[0].status, receivedAt: own[0].receivedAt } : null,
				finishedRuns: finished.length,
				succeededRuns: finished.filter((run) => run.status === 'succeeded').length
			};
		})
	};
};

/** The latest runs of every action (tests aside), newest first, in one query. */
async function recentRuns() {
	const ranked = runtime()
		.db.select({
			actionId: runs.actionId,
			status: runs.status,
			receivedAt: runs.receivedAt,
			rank: sql<number>`row_number() over (partition by ${runs.actionId} order by ${runs.receivedAt} desc)`.as(
				'rank'
			)
		})
		.from(runs)
		.where(eq(runs.test, false))
		.as('ranked');
	return runtime()
		.db.select()
		.from(ranked)
		.where(and(lte(ranked.rank, RECENT_RUNS)))
		.orderBy(desc(ranked.receivedAt));
}

export const actions = {
	duplicate: async ({ request, locals }) => {
		const slug = String((await request.formData()).get('slug') ?? '');
		const { db } = runtime();
		const action = await findAction(db, slug);
		if (!action)
			return fail(404, { problem: `There is no action "${slug}".` } satisfies Outcome as Outcome);
		const copySlug = await freeSlug(`${slug}-copy`);
		const copy = { ...action.draft, slug: copySlug, label: `${action.draft.label} (copy)` };
		const saved = await saveAction(db, copy, { publish: false, userId: locals.user!.id });
		if (!saved.ok) return fail(400, { problem: saved.message } satisfies Outcome as Outcome);
		redirect(303, `/actions/${copySlug}`);
	},

	delete: async ({ request }) => {
		const slug = String((await request.formData()).get('slug') ?? '');
		if (!(await deleteAction(runtime().db, slug))) {
			return fail(404, { problem: `There is no action "${slug}".` } satisfies Outcome as Outcome);
		}
		return { deleted: slug } satisfies Outcome as Outcome;
	},

	/** Imports a definition file (or pasted JSON) as a new action's draft. */
	import: async ({ request, locals }) => {
		const form = await request.formData();
		const file = form.get('file');
		const pasted = String(form.get('json') ?? '');
		const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
		let input: unknown;
		try {
			input = JSON.parse(text);
		} catch {
			return fail(400, {
				problem: 'The file is not JSON: choose an exported action definition.',
				json: pasted
			} satisfies Outcome as Outcome);
		}
		const validation = validateDefinition(input);
		if (!validation.ok) {
			return fail(400, {
				problem: 'The definition has problems.',
				problems: validation.problems,
				json: pasted
			} satisfies Outcome as Outcome);
		}
		const { db } = runtime();
		if (await findAction(db, validation.definition.slug)) {
			return fail(409, {
				problem: `An action with the slug "${validation.definition.slug}" exists: change the slug in the file, or open that action.`,
				json: pasted
			} satisfies Outcome as Outcome);
		}
		const saved = await saveAction(db, validation.definition, {
			publish: false,
			userId: locals.user!.id
		});
		if (!saved.ok)
			return fail(400, { problem: saved.message, json: pasted } satisfies Outcome as Outcome);
		redirect(303, `/actions/${saved.slug}`);
	}
};

async function freeSlug(base: string): Promise<string> {
	const { db } = runtime();
	for (let n = 1; ; n++) {
		const slug = (n === 1 ? base : `${base}-${n}`).slice(0, 64);
		if (!(await findAction(db, slug))) return slug;
	}
}
