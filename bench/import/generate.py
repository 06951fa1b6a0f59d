#!/usr/bin/env python3
"""Generates N observe bodies of T turns as JSON Lines, and the same rows as a SQL script
for the sqlite3 CLI baseline (calls + turns + an FTS5 index kept by a per-row trigger).
A SQL path of "-" writes no SQL script. With WORDS=1 in the environment every turn also
carries its words, timed evenly across the turn (the cekura `words` extension)."""
import os
import json
import random
import sys

WORDS = ("appointment cancel flight refund order pizza account balance card blocked outage "
         "power street friday monday thanks please number confirm address delivery").split()


def sentence(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + "."


def main():
    calls, turns, jsonl_path, sql_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rng = random.Random(7)
    with_words = os.environ.get("WORDS") == "1"
    with open(jsonl_path, "w") as jsonl, open(os.devnull if sql_path == "-" else sql_path, "w") as sql:
        sql.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
                  "CREATE TABLE calls(id INTEGER PRIMARY KEY, agent_key TEXT, call_id TEXT, timestamp TEXT, "
                  "duration REAL, body TEXT, UNIQUE(agent_key, call_id));\n"
                  "CREATE TABLE turns(id INTEGER PRIMARY KEY, call INTEGER, idx INTEGER, role TEXT, content TEXT, "
                  "start_s REAL, end_s REAL);\n"
                  "CREATE VIRTUAL TABLE turns_fts USING fts5(content, content='turns', content_rowid='id');\n"
                  "CREATE TRIGGER turns_ai AFTER INSERT ON turns BEGIN "
                  "INSERT INTO turns_fts(rowid, content) VALUES (new.id, new.content); END;\n"
                  "BEGIN;\n")
        for c in range(calls):
            t, transcript = 0.0, []
            for i in range(turns):
                start = round(t + rng.uniform(0.2, 0.8), 2)
                end = round(start + rng.uniform(1.0, 4.0), 2)
                t = end
                turn = {"role": "Main Agent" if i % 2 == 0 else "Testing Agent",
                        "content": sentence(rng), "start_time": start, "end_time": end}
                if with_words:
                    texts = turn["content"].split()
                    step = (end - start) / len(texts)
                    turn["words"] = [{"word": w, "start": round(start + k * step, 3), "end": round(start + (k + 1) * step, 3)}
                                     for k, w in enumerate(texts)]
                transcript.append(turn)
            body = {"call_id": f"bench-{c:06d}", "agent": 1 + c % 5, "timestamp": f"2026-11-{1 + c % 28:02d}T10:00:00Z",
                    "call_ended_reason": "customer-ended-call", "transcript_json": transcript}
            jsonl.write(json.dumps(body) + "\n")
            sql.write("INSERT INTO calls(id, agent_key, call_id, timestamp, duration, body) VALUES "
                      f"({c + 1}, 'agent:{1 + c % 5}', 'bench-{c:06d}', '{body['timestamp']}', {t}, '');\n")
            for i, turn in enumerate(transcript):
                sql.write("INSERT INTO turns(call, idx, role, content, start_s, end_s) VALUES "
                          f"({c + 1}, {i}, '{turn['role']}', '{turn['content']}', {turn['start_time']}, {turn['end_time']});\n")
        sql.write("COMMIT;\n")


if __name__ == "__main__":
    main()
