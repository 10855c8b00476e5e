import { readFile } from 'node:fs/promises';
import { IoError } from './cliContext.js';

/** Largest JSON input read (a Terraform plan of a large estate is tens of MB). */
export const JSON_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Reads and parses a JSON file named by an option. A missing, huge or malformed file is an IoError
 * that names the option, the path and the cause, so the command exits 2 with one clear line.
 */
export async function readJsonFile(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > JSON_MAX_BYTES)
      throw new IoError(
        `${option} ${path} is ${bytes.byteLength} bytes, over the limit of ${JSON_MAX_BYTES}`,
      );
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof IoError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new IoError(`cannot read ${option} ${path}: ${code}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new IoError(`${option} ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}
