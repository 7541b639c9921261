import { z } from 'zod';

/** Identifiers are strings in every payload (24 hex characters, as MongoDB makes them). */
export const idPattern = /^[a-f0-9]{24}$/;
export const id = z.string().regex(idPattern, 'is not a valid id');
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email({ error: 'is not a valid e-mail address' }));
export const password = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');
export const personName = z.string().trim().min(1, 'is required').max(120, 'is too long');
export const title = z.string().trim().min(1, 'is required').max(200, 'is too long');
export const longText = z.string().trim().max(5000, 'is too long');
/** A calendar date, YYYY-MM-DD; deadlines are shown in Europe/Amsterdam. */
export const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
export const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a valid link');
