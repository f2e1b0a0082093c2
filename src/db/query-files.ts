// Every queries/app/**/*.sql file as text, bundled at build time (a few KB): views refer to them by name.
const files = import.meta.glob('../../queries/app/**/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const byName = new Map(Object.entries(files).map(([path, text]) => [path.replace(/^.*queries\/app\//, '').replace(/\.sql$/, ''), text]));

/** The SQL of queries/app/<name>.sql ("violence/by_type", "indicators/rate" — a family template, see indicator-source.ts). */
export function sqlFile(name: string): string {
  const text = byName.get(name);
  if (text === undefined) throw new Error(`no SQL file queries/app/${name}.sql`);
  return text;
}
