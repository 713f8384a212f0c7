/**
 * Sets a fresh Pushmap up over HTTP the way a person does: the one-time setup form, then
 * an action created through the admin API with the session that setup signed in.
 */

/** The action every push goes to: three expected columns, no outputs, a one-line page. */
export const BENCH_ACTION = {
	slug: 'bench',
	label: 'Bench',
	expectedColumns: [
		{ name: 'Customer Name', required: true },
		{ name: 'Email', required: true },
		{ name: 'Contract Value', type: 'number' }
	],
	outputs: [],
	page: { template: '<p>{{rowCount}}</p>' },
	// The schema's highest allowance; far above what two cores can push, so no 429s.
	limits: { pushesPerMinute: 1_000_000 }
};

/** Creates the first admin and the bench action; returns the action's push URL. */
export async function setUpPushmap(url) {
	const cookie = await createAdmin(url);
	await createAction(url, cookie, BENCH_ACTION);
	return `${url}/a/${BENCH_ACTION.slug}`;
}

/**
 * Sends one push and throws unless it was accepted with every row: a bench that measured
 * rejected pushes (a 422, or rows dropped by a wrong shape) would measure nothing useful.
 */
export async function confirmPushAccepted(pushUrl, body, rows) {
	const response = await fetch(pushUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	const reply = await response.json();
	if (response.status !== 200 || reply.rowCount !== rows) {
		throw new Error(
			`A ${rows}-row test push answered ${response.status}: ${JSON.stringify(reply).slice(0, 500)}`
		);
	}
}

async function createAdmin(url) {
	const form = new URLSearchParams({
		email: 'bench@example.com',
		password: 'bench-password-1234',
		name: 'Bench'
	});
	const response = await fetch(`${url}/setup`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url
		},
		body: form
	});
	await response.body?.cancel();

	const session = response.headers
		.getSetCookie()
		.find((cookie) => cookie.startsWith('pushmap_session='));
	if (response.status !== 303 || !session) {
		throw new Error(`Setup answered ${response.status} without a session cookie.`);
	}
	return session.split(';')[0];
}

async function createAction(url, cookie, definition) {
	const response = await fetch(`${url}/api/actions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, origin: url },
		body: JSON.stringify(definition)
	});
	if (response.status !== 201) {
		throw new Error(
			`Creating the bench action answered ${response.status}: ${await response.text()}`
		);
	}
	await response.body?.cancel();
}
