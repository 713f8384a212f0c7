/**
 * The body of ThoughtSpot's REST API v2 request that creates a URL custom action for an
 * action (`POST /api/rest/2.0/customization/custom-actions`), for `pushmap register`.
 *
 * Field names follow ThoughtSpot's published OpenAPI description of the request
 * (CreateCustomActionRequest): `name`, `action_details.URL.{url, authentication,
 * parameters}`, `default_action_config.visibility`, `associate_metadata[]` and
 * `group_identifiers`. Where the docs leave a gap, the comment at that spot says so.
 *
 * Secrets never leave the server here: where ThoughtSpot needs a secret value, the body
 * holds a placeholder naming the credential, and the person pasting it fills it in.
 */

import type { ActionDefinition, EndpointAuth, Placement } from './definition';

export const CUSTOM_ACTIONS_PATH = '/api/rest/2.0/customization/custom-actions';

export type ThoughtSpotPosition = 'MENU' | 'PRIMARY' | 'CONTEXT_MENU';
export type ThoughtSpotMetadataType = 'VISUALIZATION' | 'ANSWER' | 'WORKSHEET';

export type ThoughtSpotAuthentication =
	| { Basic_Auth: { username: string; password: string } }
	| { Bearer_Token: string }
	| { API_Key: { key: string; value: string } };

export interface ThoughtSpotCustomActionBody {
	name: string;
	action_details: {
		URL: {
			url: string;
			authentication?: ThoughtSpotAuthentication;
			parameters?: { key: string; value: string }[];
		};
	};
	default_action_config: { visibility: boolean };
	associate_metadata?: {
		identifier: string;
		type?: ThoughtSpotMetadataType;
		action_config: { position: ThoughtSpotPosition; visibility: boolean };
	}[];
	group_identifiers?: string[];
}

export interface RegistrationOptions {
	/**
	 * Answers, visualizations or worksheets (GUID or name) to attach the action to. With
	 * none, the action is global: ThoughtSpot shows it in the menu of every answer.
	 */
	associate?: { identifier: string; type?: ThoughtSpotMetadataType }[];
	/** Groups (GUID or name) allowed to see the action; ThoughtSpot's default is admins only. */
	groups?: string[];
}

export interface ThoughtSpotRegistration {
	/** Relative to the ThoughtSpot host. */
	url: string;
	method: 'POST';
	body: ThoughtSpotCustomActionBody;
	/** What the person must do or know before sending the request. */
	notes: string[];
}

/** Marks where a secret's value goes; the credential's name says which one. */
export function secretPlaceholder(credentialName: string): string {
	return `<value of credential "${credentialName}">`;
}

/** ThoughtSpot's name for where an action appears. */
export function thoughtSpotPosition(placement: Placement): ThoughtSpotPosition {
	if (placement === 'primary') return 'PRIMARY';
	if (placement === 'context-menu') return 'CONTEXT_MENU';
	return 'MENU';
}

/**
 * The create-custom-action request for `definition`, whose pushes ThoughtSpot will send
 * to `actionUrl` (the public address of /a/<slug>).
 *
 * The window size is not part of it: ThoughtSpot's REST API has no window size for URL
 * actions (only the legacy Data Push actions had one), so the designer states it in text.
 */
export function thoughtSpotRegistration(
	definition: ActionDefinition,
	actionUrl: string,
	options: RegistrationOptions = {}
): ThoughtSpotRegistration {
	const notes: string[] = [];
	const url: ThoughtSpotCustomActionBody['action_details']['URL'] = {
		url: actionUrl,
		...thoughtSpotAuth(definition.auth ?? { type: 'none' }, notes)
	};
	const body: ThoughtSpotCustomActionBody = {
		name: definition.label,
		action_details: { URL: url },
		...placementFields(definition.placement ?? 'menu', options.associate ?? [], notes)
	};
	if (options.groups && options.groups.length > 0) body.group_identifiers = [...options.groups];

	notes.push(...actionUrlNotes(actionUrl));
	if (url.authentication !== undefined || url.parameters !== undefined) {
		notes.push(
			'Replace each <value of credential "…"> with that credential\'s secret before sending.'
		);
	}
	return { url: CUSTOM_ACTIONS_PATH, method: 'POST', body, notes };
}

/**
 * Maps the endpoint's auth onto ThoughtSpot's `authentication` (or, for a key in the
 * query, onto `parameters`). Returns the fields to merge into `action_details.URL`.
 */
function thoughtSpotAuth(
	auth: EndpointAuth,
	notes: string[]
): Pick<ThoughtSpotCustomActionBody['action_details']['URL'], 'authentication' | 'parameters'> {
	switch (auth.type) {
		case 'basic':
			return {
				authentication: {
					Basic_Auth: { username: auth.username, password: secretPlaceholder(auth.secret) }
				}
			};
		case 'bearer':
			return { authentication: { Bearer_Token: secretPlaceholder(auth.secret) } };
		case 'api-key-header':
			// The docs say an API_Key "is sent in the request headers or query parameters" but
			// name no field to choose between them; ThoughtSpot's UI sends it as a header.
			return {
				authentication: {
					API_Key: { key: auth.header ?? 'X-API-Key', value: secretPlaceholder(auth.secret) }
				}
			};
		case 'api-key-query':
			// Since API_Key cannot be told to use the query, the key goes in the URL's query
			// `parameters`, which ThoughtSpot documents as query parameters for the URL.
			return { parameters: [{ key: auth.param, value: secretPlaceholder(auth.secret) }] };
		case 'hmac':
			notes.push(
				'ThoughtSpot cannot sign requests, so this action (HMAC) will refuse its pushes: ' +
					'switch its auth to bearer, basic or an API key before registering it.'
			);
			return {};
		case 'none':
			// `authentication` is optional, and the docs do not say what string No_Auth takes,
			// so leaving it out is the safe way to ask for none.
			return {};
	}
}

function placementFields(
	placement: Placement,
	associate: NonNullable<RegistrationOptions['associate']>,
	notes: string[]
): Pick<ThoughtSpotCustomActionBody, 'default_action_config' | 'associate_metadata'> {
	if (associate.length === 0) {
		// ThoughtSpot sets a position only per associated object; a global action is a menu item.
		if (placement !== 'menu') {
			notes.push(
				`ThoughtSpot places an action as ${thoughtSpotPosition(placement)} only on the ` +
					'answers or visualizations it is associated with; name them to place it there, ' +
					'otherwise it appears in the menu of every answer.'
			);
		}
		return { default_action_config: { visibility: true } };
	}
	const position = thoughtSpotPosition(placement);
	return {
		default_action_config: { visibility: false },
		associate_metadata: associate.map(({ identifier, type }) => ({
			identifier,
			...(type !== undefined && { type }),
			action_config: { position, visibility: true }
		}))
	};
}

function actionUrlNotes(actionUrl: string): string[] {
	if (!URL.canParse(actionUrl)) {
		return [`The action URL '${actionUrl}' is not an absolute URL; ThoughtSpot needs one.`];
	}
	if (new URL(actionUrl).hostname === 'localhost') {
		// ThoughtSpot's URL action docs: the localhost hostname is not supported.
		return ['ThoughtSpot does not accept localhost in an action URL: use 127.0.0.1 instead.'];
	}
	return [];
}
