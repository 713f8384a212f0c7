export const load = ({ locals }) => {
	const user = locals.user!;
	return { user: { email: user.email, name: user.name, role: user.role } };
};
