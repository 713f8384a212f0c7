import { fail } from '@sveltejs/kit';
import { credentialTypes, type CredentialType } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';
import { CREDENTIAL_FIELDS, CREDENTIAL_TYPE_LABELS } from '$lib/server/secrets/credential-types';
import {
	deleteCredential,
	listCredentials,
	saveCredential,
	type CredentialProblem
} from '$lib/server/secrets/credentials';

/** What each form action answers; one shape, so the page reads it without narrowing. */
interface Outcome {
	name?: string;
	problems?: CredentialProblem[];
	saved?: string;
	deleted?: string;
}

export const load = async ({ url }) => {
	const chosen = credentialTypes.find((t) => t === url.searchParams.get('type')) ?? 'secret';
	return {
		// Only names, types and public fields: secrets never leave the server.
		credentials: await listCredentials(runtime().db),
		types: credentialTypes.map((type) => ({ type, label: CREDENTIAL_TYPE_LABELS[type] })),
		chosen,
		fields: CREDENTIAL_FIELDS[chosen as CredentialType].map(
			({ name, label, secret, required, kind }) => ({
				name,
				label,
				secret,
				required,
				kind: kind ?? 'text'
			})
		)
	};
};

export const actions = {
	save: async ({ request }) => {
		const form = await request.formData();
		const name = String(form.get('name') ?? '').trim();
		const type = String(form.get('type') ?? '');
		const fields = Object.fromEntries(
			[...form.entries()]
				.filter(([key]) => key.startsWith('field.'))
				.map(([key, value]) => [key.slice(6), String(value)])
		);
		const { db, secretKey } = runtime();
		const problems = await saveCredential(db, secretKey, { name, type, fields });
		if (problems.length > 0) {
			// Secret fields are not echoed back into the form.
			return fail(400, { name, problems } satisfies Outcome);
		}
		const saved: Outcome = { saved: name };
		return saved;
	},

	delete: async ({ request }) => {
		const name = String((await request.formData()).get('name') ?? '');
		await deleteCredential(runtime().db, name);
		const deleted: Outcome = { deleted: name };
		return deleted;
	}
};
