import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token with 256 bits of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * SHA-256 of a high-entropy token, hex. Tokens we issue (refresh, reset, invitation, API keys) are
 * random 256-bit values, so a fast hash is enough to keep stolen rows useless; passwords use argon2id.
 */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
