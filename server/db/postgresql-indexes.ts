import pg from 'pg';

/**
 * Makes FerretDB's filters use indexes on PostgreSQL.
 *
 * FerretDB 1.24 turns `{ field: value }` (also `_id`) into `_jsonb->'field' @> value` and creates
 * each MongoDB index as a btree on `(_jsonb->'field')`. A btree cannot answer `@>`, so every
 * lookup scanned the whole table. A GIN index (jsonb_path_ops) on the same expression can, once
 * the planner sees the field name as a constant (`plan_cache_mode = force_custom_plan`; FerretDB
 * passes it as a parameter). So an event trigger gives every btree index FerretDB creates a GIN
 * twin per field, and existing tables get theirs when the server starts. Results do not change,
 * only the plan; a failure here is logged by PostgreSQL as a warning and FerretDB's own index
 * stays as it was.
 */
const installSql = `
CREATE OR REPLACE FUNCTION dialoogtafel_gin_twins(index_oid oid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  table_oid regclass;
  table_name text;
  field text;
BEGIN
  SELECT i.indrelid::regclass, t.relname INTO table_oid, table_name
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE i.indexrelid = index_oid AND a.amname = 'btree'
     AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
     AND t.relname NOT LIKE '\\_ferretdb\\_%';
  IF table_oid IS NULL THEN RETURN; END IF;
  FOR field IN SELECT DISTINCT (regexp_matches(pg_get_indexdef(index_oid), '_jsonb -> ''((?:[^'']|'''')+)''::text', 'g'))[1] LOOP
    field := replace(field, '''''', '''');
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin ((_jsonb -> %L) jsonb_path_ops)',
                   left(table_name, 40) || '_' || left(md5(field), 10) || '_gin', table_oid, field);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION dialoogtafel_gin_on_create_index() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE
  command record;
BEGIN
  FOR command IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE INDEX' LOOP
    BEGIN
      PERFORM dialoogtafel_gin_twins(command.objid);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'dialoogtafel: no GIN twin for index %: %', command.objid, SQLERRM;
    END;
  END LOOP;
END
$fn$;

DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'dialoogtafel_gin') THEN
    CREATE EVENT TRIGGER dialoogtafel_gin ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
      EXECUTE FUNCTION dialoogtafel_gin_on_create_index();
  END IF;
END
$do$;
`;

/** Existing btree indexes of FerretDB tables that have no GIN twin yet. */
const backfillSql = `
SELECT dialoogtafel_gin_twins(i.indexrelid)
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_am a ON a.oid = c.relam
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE a.amname = 'btree' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
   AND t.relname NOT LIKE '\\_ferretdb\\_%'
   AND pg_get_indexdef(i.indexrelid) LIKE '%_jsonb -> %'
   AND NOT EXISTS (
     SELECT 1 FROM pg_index g JOIN pg_class gc ON gc.oid = g.indexrelid JOIN pg_am ga ON ga.oid = gc.relam
      WHERE g.indrelid = i.indrelid AND ga.amname = 'gin')`;

export async function installIndexTwins(socketDir: string): Promise<void> {
  const client = new pg.Client({ host: socketDir, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    await client.query(installSql);
    await client.query(backfillSql);
  } finally {
    await client.end();
  }
}

/**
 * Server settings that go with the twins (see above). `random_page_cost=1.1` (the usual value for
 * SSDs): with the default 4 the planner took a sequential scan of a table whose rows are large and
 * stored out of line (attachment chunks of 255 KB), since it prices neither the reading of each
 * row's out-of-line value nor an index read as cheap; a lookup by `_id` read every chunk
 * (170–450 ms at 1,000 chunks instead of 0.4 ms; bench/attachment-storage.ts).
 */
export const indexTwinSettings = ['plan_cache_mode=force_custom_plan', 'random_page_cost=1.1'];
