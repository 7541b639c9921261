/** The storage FerretDB uses for the local database (setting LOCAL_DATABASE). */
export const localBackends = ['postgresql', 'sqlite'] as const;
export type LocalBackend = (typeof localBackends)[number];

/** Chosen by measurement of the product's own operations: see bench/backends.ts and the README's "The local database". */
export const defaultLocalBackend: LocalBackend = 'postgresql';
