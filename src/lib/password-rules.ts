/** Shared by the server's check and the forms' hints. */
export const MIN_PASSWORD_LENGTH = 10;
