export type BuildPart = 'client' | 'server';
export const root: string;
export const buildParts: Record<BuildPart, { output: string; sources: string[] }>;
export function missingParts(): BuildPart[];
export function staleParts(): BuildPart[];
export function buildToolsInstalled(): boolean;
