/**
 * Who may request what, decided in one place for every route. Anything not listed as public
 * or reviewer-readable needs an admin, so a new route is closed until someone opens it.
 */

import type { Role } from '../db/schema';

export type Access = 'public' | Role;

const PUBLIC: RegExp[] = [
	/^\/login\/?$/,
	/^\/logout\/?$/,
	/^\/setup\/?$/,
	/^\/invite\/[^/]+\/?$/,
	/^\/(healthz|readyz|metrics)$/,
	/^\/a\/.+/,
	// The demo billing sink takes the demo action's deliveries, which carry no session.
	/^\/demo\/sink\/[^/]+$/,
	/^\/_app\//,
	/^\/favicon\.svg$/,
	/^\/robots\.txt$/
];

const REVIEWER: RegExp[] = [
	/^\/$/,
	/^\/runs(\/.*)?$/,
	/^\/account\/?$/,
	/^\/api\/runs(\/.*)?$/,
	/^\/api\/me$/,
	/^\/api\/tokens(\/[^/]+)?$/
];

export function requiredAccess(pathname: string): Access {
	if (PUBLIC.some((pattern) => pattern.test(pathname))) return 'public';
	if (REVIEWER.some((pattern) => pattern.test(pathname))) return 'reviewer';
	return 'admin';
}

export function allows(role: Role, access: Access): boolean {
	if (access === 'public') return true;
	return access === 'reviewer' || role === 'admin';
}
