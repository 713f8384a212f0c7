import { json } from '@sveltejs/kit';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { runtime } from '$lib/server/runtime';
import { listCredentials, saveCredential } from '$lib/server/secrets/credentials';

/** Names, types and public fields only: secrets never leave the server. */
export const GET = async () => json({ credentials: await listCredentials(runtime().db) });

/** Creates or replaces a credential: `{ name, type, fields: { … } }`. */
export const POST = async ({ request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { name, type, fields } = body.value;
	const { db, secretKey } = runtime();
	const problems = await saveCredential(db, secretKey, {
		name: typeof name === 'string' ? name : '',
		type: typeof type === 'string' ? type : '',
		fields: fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {}
	});
	if (problems.length > 0) {
		const message = problems.map((p) => `${p.field}: ${p.message}`).join(' ');
		return jsonError(400, 'invalid-credential', message, { problems });
	}
	return json({ name }, { status: 201 });
};
