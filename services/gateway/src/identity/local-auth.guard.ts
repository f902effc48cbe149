import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode, invalidFields } from '@ogp/contracts';
import { domainErrorFromDatabase } from '@ogp/persistence';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(err: unknown, user: T, info: unknown, _context: ExecutionContext): T {
    if (err instanceof DomainError) throw err;
    if (!user && (info as Error)?.message === 'Missing credentials')
      throw invalidFields(
        'email and password are required',
        { field: 'email', rule: 'required' },
        { field: 'password', rule: 'required' },
      );
    // The account store failing says nothing about the password: 503 (or 500), never 401.
    if (err) throw domainErrorFromDatabase(err) ?? err;
    if (!user) throw new DomainError(ErrorCode.INVALID_CREDENTIALS);
    return user;
  }
}
