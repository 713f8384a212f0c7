import { fail, redirect } from '@sveltejs/kit';
import { actionExamples, blankDefinition } from '$lib/actions/examples';
import { isValidSlug, slugify } from '$lib/actions/slug';
import { findAction, saveAction } from '$lib/server/actions/store';
import { runtime } from '$lib/server/runtime';

export const load = async () => ({
	examples: actionExamples.map(({ key, title, summary }) => ({ key, title, summary }))
});

export const actions = {
	/** Creates the action as a draft (blank or from an example) and opens it in the editor. */
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const label = String(form.get('label') ?? '').trim();
		const start = String(form.get('start') ?? 'blank');
		const slug = String(form.get('slug') ?? '').trim() || slugify(label);
		const values = { label, slug, start };

		if (label === '') return fail(400, { ...values, problem: 'Give the action a label.' });
		if (!isValidSlug(slug)) {
			return fail(400, {
				...values,
				problem:
					'The slug takes lowercase letters, digits and hyphens, and starts with a letter or digit.'
			});
		}
		const { db } = runtime();
		if (await findAction(db, slug)) {
			return fail(409, {
				...values,
				problem: `An action already answers at /a/${slug}: choose another slug.`
			});
		}

		const example = actionExamples.find((candidate) => candidate.key === start);
		const definition = example
			? { ...example.create(), slug, label }
			: blankDefinition(slug, label);
		const saved = await saveAction(db, definition, { publish: false, userId: locals.user!.id });
		if (!saved.ok) return fail(400, { ...values, problem: saved.message });
		redirect(303, `/actions/${slug}`);
	}
};
