/**
 * The mapping: bindings, the row filter, templates and dry-run rendering. Pure logic with no
 * network, database or framework, shared by the runtime, the CLI and the designer's preview.
 */

export {
	compileBindings,
	type BindingValues,
	type CompiledBindings,
	type PushView
} from './bindings';
export { compileJsonPath, type CompiledJsonPath } from './json-path';
export { compileRowFilter, type CompiledRowFilter } from './row-filter';
export {
	compileTemplate,
	renderTemplate,
	TEMPLATE_LIMITS,
	type CompiledTemplate,
	type RenderLimits,
	type RenderMode
} from './templates';
export { HELPERS } from './helpers';
export { CONTEXT_NAMES, pushContext, rowContext, type TemplateContext } from './context';
export { checkDefinitionNames, templateNames, type NameWarning, type TemplateName } from './names';
export { compileAction, type CompiledAction } from './compile-action';
export {
	renderAction,
	renderRow,
	type RenderOptions,
	type RenderResult,
	type RowRenderResult
} from './render';
export type {
	RenderedEmail,
	RenderedForm,
	RenderedHttp,
	RenderedOutput,
	RenderedPage
} from './rendered';
export type { MappingProblem } from './problems';
