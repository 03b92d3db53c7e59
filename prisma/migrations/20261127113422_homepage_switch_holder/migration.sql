-- AlterTable
ALTER TABLE "HomepageSwitch" ADD COLUMN     "holder" INTEGER;


-- Whether the process with this liveness id is alive: it holds the session advisory lock
-- (1296321622, id) while it runs (app/jobs/liveness.server.ts, LIVENESS_LOCK_CLASS). PostgreSQL
-- drops the lock the moment the process's connection closes, SIGKILL included.
CREATE OR REPLACE FUNCTION merchdesk_process_alive(p_id INTEGER) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_locks l
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
      AND l.classid = 1296321622::oid AND l.objid = p_id::oid
  )
$$;

