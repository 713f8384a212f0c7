import type { Problem } from '../payload/types';

/**
 * An expected problem found while compiling or rendering an action's mapping. Besides the
 * code and message every problem has, it says where it lives so the designer can point at it.
 */
export interface MappingProblem extends Problem {
	/** The output the problem belongs to; absent for bindings, the row filter and the page. */
	outputId?: string;
	/** Where the template sits, e.g. `request.body`, `email.to`, `form.fields.amount`, `page`. */
	field?: string;
	/** The binding a JSONPath problem belongs to. */
	binding?: string;
	/** The pushed row (index into the table's rows) a render problem belongs to. */
	rowIndex?: number;
	/** Handlebars' position of a template problem: line counted from 1, column from 0. */
	line?: number;
	column?: number;
}
