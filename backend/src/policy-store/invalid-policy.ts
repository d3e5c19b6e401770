import { ApiError } from '../http/errors.ts';

/** Throws 400 invalid_policy with every problem located by document, path, line and column. */
export function invalidPolicy(errors: unknown[], warnings: unknown[]): never {
  throw new ApiError(400, 'invalid_policy', 'The policy documents do not validate; see details for each problem.', {
    details: { errors, warnings },
  });
}
