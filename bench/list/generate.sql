-- A million calls for bench_calllist, straight into the store's schema (a million
-- upserts would take long): 20 agents, statuses (a fifth not evaluated), ended reasons
-- and customers sometimes missing, durations, a recording URL on half of the calls, and
-- three turns each. "escalation" is in about a third of the turns, "zeppelin" in five.
-- One call in 50 has a reviewer's label on its second turn, one in 150 a second one.
-- :calls is replaced by the number of calls. Run on a database CallStore has created.
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO agents (key, agent_id, name, created_at)
  SELECT 'agent:' || value, value, 'Agent ' || char(64 + value) || ' desk', 0 FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :calls)
INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, call_ended_reason, customer_number,
                   voice_recording_url, timestamp, status, duration, created_at, updated_at)
SELECT i + 1, 'agent:' || (1 + i * 7 % 20), 'call-' || ((i * 7919) % :calls), 1 + i * 7 % 20, 'cekura',
       CASE (i / 7) % 4 WHEN 0 THEN 'customer-ended-call' WHEN 1 THEN 'assistant-ended-call'
                        WHEN 2 THEN 'silence-timed-out' END,
       CASE WHEN i % 9 = 0 THEN NULL ELSE '+1555' || substr('0000000' || ((i * 104729) % 9999991), -7) END,
       CASE WHEN i % 2 = 0 THEN 'https://recordings.example.com/' || i || '.wav' END,
       1735689600000 + i * 30000,
       CASE (i / 5) % 5 WHEN 1 THEN 'success' WHEN 2 THEN 'failure' WHEN 3 THEN 'reviewed_success'
                        WHEN 4 THEN 'reviewed_failure' END,
       (i * 37) % 900 + 0.25, 1735689600000, 1735689600000 FROM n;
WITH t(idx, role, words) AS (VALUES
    (0, 'Main Agent', 'Thank you for calling, how can I help you with your order today'),
    (1, 'Testing Agent', 'I would like to move my appointment to another day this week'),
    (2, 'Main Agent', 'Certainly, I have updated the booking and sent you a confirmation'))
INSERT INTO turns (call, idx, role, content, start_s, end_s)
  SELECT c.id, t.idx, t.role,
         t.words
           || CASE WHEN (c.id * 2654435761 + t.idx * 40503) % 1000 < 333 THEN ' and the escalation team' ELSE '' END
           || CASE WHEN t.idx = 1 AND c.id % 200000 = 7 THEN ' on the zeppelin' ELSE '' END,
         t.idx * 3.0, t.idx * 3.0 + 2.5
  FROM calls c, t ORDER BY c.id, t.idx;
INSERT INTO turn_labels (call, turn_idx, label, note, created_at)
  SELECT id, 1, 'slow response', NULL, 1735689600000 FROM calls WHERE id % 50 = 0
  UNION ALL
  SELECT id, 1, 'wrong answer', 'quoted the old price', 1735689600000 FROM calls WHERE id % 150 = 0;
UPDATE calls SET label_count = (SELECT count(*) FROM turn_labels l WHERE l.call = calls.id) WHERE id % 50 = 0;
INSERT INTO turns_fts (turns_fts) VALUES ('rebuild');
COMMIT;
ANALYZE;
