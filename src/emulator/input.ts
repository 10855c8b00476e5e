import { unprocessable } from './http.js';

/** GitHub's schema-validation message: `Invalid request.\n\n"x" wasn't supplied.` */
export function missing(...fields: string[]): Error {
  const list = fields.map((f) => `"${f}"`).join(', ');
  return unprocessable(`Invalid request.\n\n${list} ${fields.length > 1 ? "weren't" : "wasn't"} supplied.`);
}

function wrongType(field: string, value: unknown, type: string): Error {
  return unprocessable(
    `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not ${type}.`,
  );
}

/** A required string field of a JSON body. */
export function reqString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw missing(field);
  if (typeof value !== 'string') throw wrongType(field, value, 'a string');
  return value;
}

/** An optional string field (null and absent are undefined). */
export function optString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, value, 'a string');
  return value;
}

/** An optional boolean field. */
export function optBool(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(field, value, 'a boolean');
  return value;
}

/** An optional string field restricted to some values. */
export function optEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  values: readonly T[],
): T | undefined {
  const value = optString(body, field);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value))
    throw unprocessable(
      `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(value)} is not one of ${values.map((v) => `"${v}"`).join(', ')}.`,
    );
  return value as T;
}

/** An optional array field. */
export function optArray(body: Record<string, unknown>, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(field, value, 'an array');
  return value;
}

/** An optional object field. */
export function optObject(body: Record<string, unknown>, field: string): Record<string, unknown> | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(field, value, 'an object');
  return value as Record<string, unknown>;
}

/** A query parameter as a positive integer within bounds, or the default. */
export function queryInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = query.get(name);
  const value = raw === null ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 1) return fallback;
  return Math.min(value, max);
}
