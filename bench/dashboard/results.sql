-- Metric results for bench_dashboard, on a database bench/list/generate.sql filled: every
-- built-in metric's current result for every call, as an evaluation stores them. Scores
-- are spread by a hash: binary metrics pass 85 % of the time, millisecond metrics lie in
-- 200–3200 ms, counts in 0–3, the rest in 0–300.
BEGIN;
INSERT INTO metric_results (call, metric_id, metric_version, score, passed, result, evaluated_at)
  SELECT c.id, m.id, m.version,
         CASE WHEN m.type = 'binary' THEN ((c.id * 2654435761 + m.id * 40503) % 100 < 85)
              WHEN m.unit = 'ms' THEN 200 + (c.id * 2654435761 + m.id * 40503) % 3000
              WHEN m.unit = 'count' THEN (c.id * 2654435761 + m.id * 40503) % 4
              ELSE (c.id * 2654435761 + m.id * 40503) % 300 END,
         CASE WHEN m.type = 'binary' THEN ((c.id * 2654435761 + m.id * 40503) % 100 < 85) END,
         '{}', 1735689600000
  FROM calls c, metrics m WHERE m.evaluator = 'builtin' AND m.type IN ('binary', 'numeric')
  ORDER BY c.id, m.id;
UPDATE calls SET failed_metric_count =
  (SELECT count(*) FROM metric_results r WHERE r.call = calls.id AND r.passed = 0);
COMMIT;
ANALYZE;
