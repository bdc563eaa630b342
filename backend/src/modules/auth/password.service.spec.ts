import { DomainError } from '../../platform/errors/domain-error';
import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const service = new PasswordService();

  it('hashes with argon2id and verifies', async () => {
    const hash = await service.hash('a-long-enough-password');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await service.verify(hash, 'a-long-enough-password')).toBe(true);
    expect(await service.verify(hash, 'another-password!')).toBe(false);
    expect(await service.verify('not-a-hash', 'x')).toBe(false);
  });

  it.each([
    ['short', 'at least 12'],
    ['x'.repeat(129), 'at most 128'],
    ['Me@Example.test', 'must not be the email'],
  ])('refuses %s', (password, message) => {
    try {
      service.assertAcceptable(password, 'password', 'me@example.test');
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(422);
      expect((error as DomainError).errors[0]).toEqual({ field: 'password', message: expect.stringContaining(message) });
    }
  });

  it('accepts a 12-character password', () => {
    expect(() => service.assertAcceptable('twelve-chars', 'password')).not.toThrow();
  });
});
