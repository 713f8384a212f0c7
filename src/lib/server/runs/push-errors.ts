/** The error body every push answer uses: `{ error: { code, message, details } }`. */
export function errorBody(code: string, message: string, details?: unknown) {
	return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
