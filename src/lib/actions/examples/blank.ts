/**
 * The starting point of a new action in the designer: valid as it stands, so it can be
 * saved at once, and doing nothing yet but showing what arrived.
 */

import type { ActionDefinition } from '../definition';

/** A new, empty action with every default written out and a page that counts the rows. */
export function blankDefinition(slug: string, label: string): ActionDefinition {
	return {
		slug,
		label,
		window: { size: 'medium' },
		placement: 'menu',
		auth: { type: 'none' },
		expectedColumns: [],
		onMissingColumns: 'warn',
		bindings: [],
		outputs: [],
		page: { template: '<p>Received {{rowCount}} rows.</p>' }
	};
}
