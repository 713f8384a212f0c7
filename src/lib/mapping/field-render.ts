/**
 * Rendering the fields of one output for one row (or one push): each field's problems are
 * collected with where they happened, so one bad field does not hide the others.
 */

import type { CompiledOutput } from './compile-output';
import type { TemplateContext } from './context';
import type { MappingProblem } from './problems';
import { renderTemplate, type RenderLimits } from './templates';

export class OutputRender {
	readonly problems: MappingProblem[] = [];
	/** True once a template failed to render; the output then has no rendered result. */
	failed = false;

	constructor(
		readonly compiled: CompiledOutput,
		readonly limits: RenderLimits,
		readonly rowIndex: number | null
	) {}

	/** Renders the template at `field`; null when the output has none there or it failed. */
	field(field: string, context: TemplateContext): string | null {
		const template = this.compiled.templates.get(field);
		if (!template) {
			return null;
		}
		const result = renderTemplate(template, context, this.limits);
		if (typeof result === 'string') {
			return result;
		}
		this.failed = true;
		this.report(result.code, result.message, field);
		return null;
	}

	/** Records a problem with the rendered result, at this output and row. */
	report(code: string, message: string, field: string, details?: unknown): void {
		const problem: MappingProblem = { code, message, outputId: this.compiled.output.id, field };
		if (this.rowIndex !== null) {
			problem.rowIndex = this.rowIndex;
		}
		if (details !== undefined) {
			problem.details = details;
		}
		this.problems.push(problem);
	}

	/** Says which row a problem is about, for messages a person reads. */
	where(): string {
		return this.rowIndex === null ? '' : `Row ${this.rowIndex + 1}: `;
	}
}
