/**
 * The one Handlebars environment templates compile in: isolated from the global Handlebars,
 * with our helpers, a budgeted `each`, no `log`, and no partials or decorators registered.
 */

import Handlebars from 'handlebars';
import { checkDeadline, checkOutputSize } from './budget';
import { HELPERS } from './helpers';

/** Handlebars' own helpers that templates may use, and whether each needs a block. */
export const BUILT_IN_HELPERS: Readonly<Record<string, { block: boolean; args: number }>> = {
	if: { block: true, args: 1 },
	unless: { block: true, args: 1 },
	each: { block: true, args: 1 },
	with: { block: true, args: 1 },
	lookup: { block: false, args: 2 }
};

/**
 * Every helper a template may call, as Handlebars' `knownHelpers` compile option. It has no
 * prototype, so a name such as `constructor` is never taken for a helper.
 */
export const KNOWN_HELPERS: Readonly<Record<string, boolean>> = Object.assign(Object.create(null), {
	...Object.fromEntries(Object.keys(BUILT_IN_HELPERS).map((name) => [name, true])),
	...Object.fromEntries(Object.keys(HELPERS).map((name) => [name, true])),
	log: false
});

/** The internal helper that makes a shown value text; see handlebars-build.ts. */
export const TEXT_HELPER = '__text';

/** The environment templates are parsed and compiled in; it holds every helper. */
export const environment = createEnvironment(Object.keys(HELPERS));

/** Helpers every render needs: sections go through blockHelperMissing, which calls each. */
const ALWAYS = ['helperMissing', 'blockHelperMissing', 'each'];
/** Handlebars' `unless` runs its `if`. */
const NEEDS: Record<string, string[]> = { unless: ['if'] };
const MAX_RUNTIMES = 64;
const runtimes = new Map<string, typeof Handlebars>();

/**
 * An environment to run a compiled template in, holding only the helpers it calls.
 * Handlebars wraps every helper of its environment in new closures on each render; with our
 * two dozen helpers, that setup would cost more per row than the render itself.
 */
export function runtimeFor(called: string[]): typeof Handlebars {
	const helpers = [
		...new Set(called.flatMap((name) => [name, ...(Object.hasOwn(NEEDS, name) ? NEEDS[name] : [])]))
	].sort();
	const key = helpers.join(',');
	let runtime = runtimes.get(key);
	if (!runtime) {
		if (runtimes.size >= MAX_RUNTIMES) {
			return environment;
		}
		runtime = createEnvironment(helpers.filter((name) => Object.hasOwn(HELPERS, name)));
		for (const name of Object.keys(runtime.helpers)) {
			if (!ALWAYS.includes(name) && !helpers.includes(name)) {
				runtime.unregisterHelper(name);
			}
		}
		runtimes.set(key, runtime);
	}
	return runtime;
}

function createEnvironment(helperNames: string[]): typeof Handlebars {
	const env = Handlebars.create();
	env.unregisterHelper('log');
	env.registerHelper('each', budgetedEach(env));
	env.registerHelper(TEXT_HELPER, (value: unknown) => (value == null ? '' : '' + value));
	for (const name of helperNames) {
		const spec = HELPERS[name];
		env.registerHelper(name, function (...args: unknown[]) {
			checkDeadline();
			args.length -= 1; // the last argument is Handlebars' options object
			return spec.run(args);
		});
	}
	return env;
}

/**
 * Handlebars' `each` for mapping data (arrays and plain objects), checking the render's
 * budget on every iteration. It keeps `@index`, `@key`, `@first`, `@last`, block params and
 * `{{else}}`; it drops iterables and function contexts, which JSON data never holds.
 */
function budgetedEach(env: typeof Handlebars): Handlebars.HelperDelegate {
	return function (this: unknown, context: unknown, options?: Handlebars.HelperOptions) {
		if (!options) {
			throw new Handlebars.Exception('Must pass iterator to #each');
		}
		const data = options.data ? env.createFrame(options.data) : undefined;
		let out = '';
		let count = 0;

		const iterate = (key: string | number, index: number, last: boolean, value: unknown) => {
			checkDeadline();
			if (data) {
				data.key = key;
				data.index = index;
				data.first = index === 0;
				data.last = last;
			}
			out += options.fn(value, { data, blockParams: [value, key] });
			checkOutputSize(out.length);
			count++;
		};

		if (Array.isArray(context)) {
			for (let i = 0; i < context.length; i++) {
				iterate(i, i, i === context.length - 1, context[i]);
			}
		} else if (context !== null && typeof context === 'object') {
			const keys = Object.keys(context);
			for (let i = 0; i < keys.length; i++) {
				iterate(keys[i], i, i === keys.length - 1, (context as Record<string, unknown>)[keys[i]]);
			}
		}
		return count === 0 ? options.inverse(this) : out;
	};
}
