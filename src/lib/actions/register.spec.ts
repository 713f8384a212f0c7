import { describe, expect, it } from 'vitest';
import type { ActionDefinition, EndpointAuth } from './definition';
import { blankDefinition, renewalInvoicesExample } from './examples';
import { thoughtSpotRegistration } from './register';

const actionUrl = 'https://pushmap.example.com/a/renewal-invoices';

function withAuth(auth: EndpointAuth): ActionDefinition {
	return { ...renewalInvoicesExample(), auth };
}

describe('thoughtSpotRegistration', () => {
	it('builds the create-custom-action request for a global URL action', () => {
		const registration = thoughtSpotRegistration(renewalInvoicesExample(), actionUrl);
		expect(registration).toEqual({
			url: '/api/rest/2.0/customization/custom-actions',
			method: 'POST',
			body: {
				name: 'Send renewal invoices',
				action_details: {
					URL: {
						url: actionUrl,
						authentication: { Bearer_Token: '<value of credential "thoughtspot-token">' }
					}
				},
				default_action_config: { visibility: true }
			},
			notes: [
				'Replace each <value of credential "…"> with that credential\'s secret before sending.'
			]
		});
	});

	it('maps Basic auth to Basic_Auth with the password left as a placeholder', () => {
		const auth: EndpointAuth = { type: 'basic', username: 'thoughtspot', secret: 'ts-basic' };
		const { body } = thoughtSpotRegistration(withAuth(auth), actionUrl);
		expect(body.action_details.URL.authentication).toEqual({
			Basic_Auth: { username: 'thoughtspot', password: '<value of credential "ts-basic">' }
		});
	});

	it('maps an API key header to API_Key with the header name as its key', () => {
		const custom = thoughtSpotRegistration(
			withAuth({ type: 'api-key-header', secret: 'ts-key', header: 'X-Pushmap-Key' }),
			actionUrl
		);
		const standard = thoughtSpotRegistration(
			withAuth({ type: 'api-key-header', secret: 'ts-key' }),
			actionUrl
		);
		expect(custom.body.action_details.URL.authentication).toEqual({
			API_Key: { key: 'X-Pushmap-Key', value: '<value of credential "ts-key">' }
		});
		expect(standard.body.action_details.URL.authentication).toEqual({
			API_Key: { key: 'X-API-Key', value: '<value of credential "ts-key">' }
		});
	});

	it('sends an API key query parameter as a URL parameter, without authentication', () => {
		const auth: EndpointAuth = { type: 'api-key-query', secret: 'ts-key', param: 'key' };
		const { body } = thoughtSpotRegistration(withAuth(auth), actionUrl);
		expect(body.action_details.URL).toEqual({
			url: actionUrl,
			parameters: [{ key: 'key', value: '<value of credential "ts-key">' }]
		});
	});

	it('sends no authentication, and no placeholder note, for an open action', () => {
		const registration = thoughtSpotRegistration(blankDefinition('open', 'Open'), actionUrl);
		expect(registration.body.action_details.URL).toEqual({ url: actionUrl });
		expect(registration.notes).toEqual([]);
	});

	it('warns that ThoughtSpot cannot sign requests for an HMAC action', () => {
		const registration = thoughtSpotRegistration(
			withAuth({ type: 'hmac', secret: 'signing-key' }),
			actionUrl
		);
		expect(registration.body.action_details.URL).toEqual({ url: actionUrl });
		expect(registration.notes).toEqual([
			expect.stringContaining('ThoughtSpot cannot sign requests')
		]);
	});

	it('never puts anything but placeholders where secrets go', () => {
		const auths: Exclude<EndpointAuth, { type: 'none' }>[] = [
			{ type: 'basic', username: 'u', secret: 'one' },
			{ type: 'bearer', secret: 'two' },
			{ type: 'api-key-header', secret: 'three' },
			{ type: 'api-key-query', secret: 'four', param: 'k' }
		];
		for (const auth of auths) {
			const text = JSON.stringify(thoughtSpotRegistration(withAuth(auth), actionUrl).body);
			expect(text).toContain(`<value of credential \\"${auth.secret}\\">`);
		}
	});

	it('attaches the action to named answers at the placement position', () => {
		const definition: ActionDefinition = { ...renewalInvoicesExample(), placement: 'context-menu' };
		const { body } = thoughtSpotRegistration(definition, actionUrl, {
			associate: [{ identifier: 'Renewals due', type: 'ANSWER' }, { identifier: 'a1b2' }],
			groups: ['Finance']
		});
		expect(body.default_action_config).toEqual({ visibility: false });
		expect(body.associate_metadata).toEqual([
			{
				identifier: 'Renewals due',
				type: 'ANSWER',
				action_config: { position: 'CONTEXT_MENU', visibility: true }
			},
			{ identifier: 'a1b2', action_config: { position: 'CONTEXT_MENU', visibility: true } }
		]);
		expect(body.group_identifiers).toEqual(['Finance']);
	});

	it('explains that a primary placement needs associated answers', () => {
		const definition: ActionDefinition = { ...blankDefinition('p', 'P'), placement: 'primary' };
		const { notes } = thoughtSpotRegistration(definition, actionUrl);
		expect(notes).toEqual([expect.stringContaining('as PRIMARY only on the answers')]);
	});

	it('points out action URLs that ThoughtSpot will not accept', () => {
		const blank = blankDefinition('b', 'B');
		expect(thoughtSpotRegistration(blank, '/a/b').notes).toEqual([
			"The action URL '/a/b' is not an absolute URL; ThoughtSpot needs one."
		]);
		expect(thoughtSpotRegistration(blank, 'http://localhost:5173/a/b').notes).toEqual([
			'ThoughtSpot does not accept localhost in an action URL: use 127.0.0.1 instead.'
		]);
	});
});
