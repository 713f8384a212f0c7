import { jsonError } from '$lib/server/http';
import { runtime } from '$lib/server/runtime';
import { deleteCredential } from '$lib/server/secrets/credentials';

export const DELETE = async ({ params }) => {
	if (!(await deleteCredential(runtime().db, params.name))) {
		return jsonError(404, 'not-found', `There is no credential "${params.name}".`);
	}
	return new Response(null, { status: 204 });
};
