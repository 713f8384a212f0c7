import { fail } from '@sveltejs/kit';
import { roles, type Role } from '$lib/server/db/schema';
import { changeRole, inviteUser, listUsers, removeUser } from '$lib/server/auth/users';
import { runtime } from '$lib/server/runtime';

export const load = async ({ locals }) => {
	return { users: await listUsers(runtime().db), me: locals.user!.id };
};

export const actions = {
	invite: async ({ request, url }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const name = String(form.get('name') ?? '');
		const role = parseRole(form.get('role'));
		if (!role) return fail(400, { email, name, message: 'Choose a role: admin or reviewer.' });

		const invited = await inviteUser(runtime().db, { email, name, role });
		if (!invited.ok) return fail(400, { email, name, message: invited.problem.message });
		return { inviteLink: `${url.origin}/invite/${invited.value.inviteToken}`, invited: email };
	},

	role: async ({ request }) => {
		const form = await request.formData();
		const role = parseRole(form.get('role'));
		if (!role) return fail(400, { message: 'Choose a role: admin or reviewer.' });
		const changed = await changeRole(runtime().db, String(form.get('id')), role);
		if (!changed.ok) return fail(400, { message: changed.problem.message });
		return { updated: true };
	},

	remove: async ({ request }) => {
		const removed = await removeUser(runtime().db, String((await request.formData()).get('id')));
		if (!removed.ok) return fail(400, { message: removed.problem.message });
		return { removed: true };
	}
};

function parseRole(value: FormDataEntryValue | null): Role | null {
	return roles.find((role) => role === value) ?? null;
}
