/**
 * A small HTTP client for suites: it keeps a session cookie like a browser, sends the
 * Origin header a browser would, and never follows redirects, so tests see each answer.
 */

export class Client {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookie) headers.set('cookie', this.cookie);
		if (init.method && init.method !== 'GET' && !headers.has('origin')) {
			headers.set('origin', this.baseUrl);
		}
		const response = await fetch(this.baseUrl + path, { ...init, headers, redirect: 'manual' });
		this.keepCookie(response);
		return response;
	}

	get(path: string, headers: Record<string, string> = {}) {
		return this.request(path, { headers });
	}

	/** Posts a form, as a browser without JavaScript would. */
	postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
		return this.request(path, {
			method: 'POST',
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				...headers
			},
			body: new URLSearchParams(fields).toString()
		});
	}

	sendJson(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
		return this.request(path, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});
	}

	get signedIn(): boolean {
		return this.cookie.includes('pushmap_session=');
	}

	private keepCookie(response: Response) {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const [name, value] = pair.split('=');
			if (name !== 'pushmap_session') continue;
			this.cookie = value ? `${name}=${value}` : '';
		}
	}
}

export const ADMIN = { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' };
export const REVIEWER = { email: 'rex@example.com', password: 'reviewer pass phrase' };

/** Completes the one-time setup and returns a client signed in as that admin. */
export async function setUpAdmin(baseUrl: string): Promise<Client> {
	const admin = new Client(baseUrl);
	const response = await admin.postForm('/setup', ADMIN);
	if (response.status !== 303 || !admin.signedIn) {
		throw new Error(`Setup failed with ${response.status}: ${await response.text()}`);
	}
	return admin;
}

/** Invites a reviewer as the admin, accepts the invitation, and returns their client. */
export async function addReviewer(admin: Client): Promise<Client> {
	const invited = await admin.sendJson('POST', '/api/users', {
		email: REVIEWER.email,
		role: 'reviewer'
	});
	const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
	const reviewer = new Client(admin.baseUrl);
	const accepted = await reviewer.postForm(new URL(inviteUrl).pathname, {
		password: REVIEWER.password
	});
	if (accepted.status !== 303 || !reviewer.signedIn) {
		throw new Error(`Accepting the invitation failed with ${accepted.status}`);
	}
	return reviewer;
}
