import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The permissions and events app.yml asks for: the emulator grants the App exactly these. */
export function appManifest(path: string): {
  permissions: Record<string, 'read' | 'write'>;
  events: string[];
} {
  const manifest = parse(readFileSync(path, 'utf8')) as {
    default_permissions: Record<string, 'read' | 'write'>;
    default_events: string[];
  };
  return { permissions: manifest.default_permissions, events: manifest.default_events };
}
