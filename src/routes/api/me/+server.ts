import { json } from '@sveltejs/kit';

export const GET = ({ locals }) => {
	const { id, email, name, role, via } = locals.user!;
	return json({ id, email, name, role, authenticatedWith: via });
};
