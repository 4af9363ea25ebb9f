"""The search mix of bench/search-scale (SearchScaleBenchmark.MIX), bodies from GET /api/admin/search/query,
sent directly to Elasticsearch, variants interleaved: A as sent (synonyms on titles and summaries),
T summaries read without synonyms, B no synonyms. p50 over all requests of each variant."""
import json, statistics, sys
import os
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'variants.py')).read()
src = src[:src.index('for q, body in bodies.items():')]
sys.argv = ['x', sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]]
exec(src)
vs = {q: {k: variants[k](b) for k in ('A', 'T', 'B')} for q, b in bodies.items()}
for q in vs:
    for k in vs[q]: run(vs[q][k])
times = {k: [] for k in ('A', 'T', 'B')}
per = {q: {k: [] for k in ('A', 'T', 'B')} for q in vs}
for i in range(rounds):
    for q in vs:
        order = ['A', 'T', 'B'] if i % 2 == 0 else ['B', 'T', 'A']
        for k in order:
            ms, took, total = run(vs[q][k]); times[k].append(ms); per[q][k].append(ms)
for q in vs:
    m = {k: statistics.median(per[q][k]) for k in per[q]}
    print(f"{q:62s} A {m['A']:6.1f}  T {m['T']:6.1f}  B {m['B']:6.1f}")
m = {k: statistics.median(v) for k, v in times.items()}
print(f"{'mix p50 (all requests)':62s} A {m['A']:6.1f}  T {m['T']:6.1f}  B {m['B']:6.1f}   (A-T)/A {100*(m['A']-m['T'])/m['A']:.1f}%  (A-B)/A {100*(m['A']-m['B'])/m['A']:.1f}%")
