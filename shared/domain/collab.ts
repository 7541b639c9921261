/**
 * Collaboration documents are addressed as `/collab/<document name>`. A name is one or more
 * segments of letters, digits, `.`, `_`, `:` and `-`, separated by `/`, for example
 * `trajectory/6b03fa00/clause/6b03fa01`. Anything else is refused before the upgrade.
 */
export const collabPathPrefix = '/collab/';
const maxDocumentNameLength = 200;
const documentNamePattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*(\/[A-Za-z0-9][A-Za-z0-9._:-]*)*$/;

export function isValidDocumentName(name: string): boolean {
  return name.length > 0 && name.length <= maxDocumentNameLength && documentNamePattern.test(name);
}

/** Documents in the playground namespace: a scratch area for the test suite only (NODE_ENV=test, signed in). */
export const playgroundPrefix = 'playground/';
