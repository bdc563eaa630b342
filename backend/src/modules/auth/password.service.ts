import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { authError } from './auth.errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Password hashing (argon2id, OWASP parameters) and the password policy. */
@Injectable()
export class PasswordService {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** ASVS 2.1: at least 12 characters, at most 128, not the email address. */
  assertAcceptable(password: string, field: string, email?: string): void {
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw authError.weakPassword(field, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`);
    }
    if (password.length > PASSWORD_MAX_LENGTH) {
      throw authError.weakPassword(field, `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`);
    }
    if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
      throw authError.weakPassword(field, `${field} must not be the email address`);
    }
  }
}
