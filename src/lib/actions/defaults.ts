/**
 * The defaults of an action definition, applied after validation so the definition that
 * the rest of Pushmap receives is complete. The same values are documented in the schema.
 */

import type { ActionDefinition, WindowSize } from './definition';

/** A definition as it may be written: the fields that have defaults may be left out. */
export type DefinitionInput = Omit<
	ActionDefinition,
	'window' | 'auth' | 'expectedColumns' | 'onMissingColumns' | 'bindings'
> &
	Partial<Pick<ActionDefinition, 'auth' | 'expectedColumns' | 'onMissingColumns' | 'bindings'>> & {
		window?: { size?: WindowSize };
	};

/** The value each defaulted field takes when a definition leaves it out. */
export const DEFINITION_DEFAULTS = {
	windowSize: 'medium',
	placement: 'menu',
	auth: { type: 'none' },
	expectedColumns: [],
	onMissingColumns: 'warn',
	bindings: []
} as const satisfies {
	windowSize: WindowSize;
	placement: ActionDefinition['placement'];
	auth: ActionDefinition['auth'];
	expectedColumns: readonly never[];
	onMissingColumns: ActionDefinition['onMissingColumns'];
	bindings: readonly never[];
};

/**
 * Returns a complete definition, fields in the order `export` writes them. Expects input
 * that has passed validation; it fills gaps and does not check anything.
 */
export function withDefaults(input: DefinitionInput): ActionDefinition {
	const definition: ActionDefinition = {
		slug: input.slug,
		label: input.label,
		...(input.description !== undefined && { description: input.description }),
		window: { size: input.window?.size ?? DEFINITION_DEFAULTS.windowSize },
		placement: input.placement ?? DEFINITION_DEFAULTS.placement,
		auth: input.auth ?? { ...DEFINITION_DEFAULTS.auth },
		expectedColumns: input.expectedColumns ?? [],
		onMissingColumns: input.onMissingColumns ?? DEFINITION_DEFAULTS.onMissingColumns,
		bindings: input.bindings ?? [],
		...(input.rowFilter !== undefined && { rowFilter: input.rowFilter }),
		outputs: input.outputs,
		...(input.page !== undefined && { page: input.page }),
		...(input.retention !== undefined && { retention: input.retention }),
		...(input.limits !== undefined && { limits: input.limits })
	};
	return definition;
}
