"""Direct-to-Elasticsearch latency of the service's search bodies, in variants, interleaved.
A: as the service sends it (stemmed titles+summaries, synonyms on both)
T: synonyms on the record's stemmed fields but the summary (summaries stemmed without synonyms; before
   2026-12-05 this variant also left out outcome descriptions, area names and partners)
B: the same, stemmed clauses read with text_en_stemmed (no synonyms anywhere)
C: the stemmed clauses removed (words as written only)"""
import copy, http.client, json, statistics, sys, time
ES_HOST, ES_PORT, INDEX = '127.0.0.1', int(sys.argv[1]), sys.argv[2]
bodies = json.load(open(sys.argv[3]))
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 100

def walk(node, fn):
    if isinstance(node, dict):
        fn(node)
        for v in list(node.values()): walk(v, fn)
    elif isinstance(node, list):
        for v in node: walk(v, fn)

def no_synonyms(body):
    b = copy.deepcopy(body)
    def fn(n):
        mm = n.get('multi_match')
        if mm and any('.stemmed' in f for f in mm['fields']): mm['analyzer'] = 'text_en_stemmed'
    walk(b, fn); return b

def no_stemmed(body):
    b = copy.deepcopy(body)
    def drop(n):
        for key in ('should',):
            if key in n and isinstance(n[key], list):
                n[key] = [c for c in n[key] if not is_stemmed(c)]
    def is_stemmed(c):
        s = json.dumps(c)
        return ('"text:stemmed"' in s or '"record:stemmed"' in s) and s.count('multi_match') == 1
    walk(b, drop); return b

conn = http.client.HTTPConnection(ES_HOST, ES_PORT)
def run(body):
    data = json.dumps(body)
    t = time.perf_counter()
    conn.request('POST', f'/{INDEX}/_search?request_cache=false', data, {'Content-Type': 'application/json'})
    r = json.loads(conn.getresponse().read())
    return (time.perf_counter() - t) * 1000, r['took'], r['hits']['total']['value']

def titles_only(body):
    b = copy.deepcopy(body)
    def fn(n):
        for key in ('query',):
            c = n.get(key)
            if isinstance(c, dict) and 'multi_match' in c and any('.stemmed' in f for f in c['multi_match']['fields']) \
                    and 'records.summary.stemmed' in c['multi_match']['fields']:
                mm = c['multi_match']
                title = dict(mm, fields=[f for f in mm['fields'] if 'summary' not in f]); title.pop('_name', None); title.pop('boost', None)
                summary = dict(mm, fields=['records.summary.stemmed'], analyzer='text_en_stemmed'); summary.pop('_name', None); summary.pop('boost', None)
                dm = {'queries': [{'multi_match': title}, {'multi_match': summary}], 'boost': mm.get('boost', 1)}
                if '_name' in mm: dm['_name'] = mm['_name']
                n[key] = {'dis_max': dm}
        for key in ('should',):
            if isinstance(n.get(key), list):
                for i, c in enumerate(n[key]):
                    if isinstance(c, dict) and 'multi_match' in c and 'records.summary.stemmed' in c['multi_match']['fields']:
                        holder = {'query': c}; fn(holder); n[key][i] = holder['query']
    walk(b, fn); return b

variants = {'A': lambda b: b, 'T': titles_only, 'B': no_synonyms, 'C': no_stemmed}
for q, body in bodies.items():
    vs = {k: f(body) for k, f in variants.items()}
    for k in vs: run(vs[k])  # warm
    times = {k: [] for k in vs}; totals = {}
    for i in range(rounds):
        for k in (list(vs) if i % 2 == 0 else list(vs)[::-1]):
            ms, took, total = run(vs[k]); times[k].append(ms); totals[k] = total
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{q:32s} " + "  ".join(f"{k}: {med[k]:6.1f} ms ({totals[k]:4d} hits)" for k in vs)
          + f"   A/T {med['A']/med['T']:.3f}  A/B {med['A']/med['B']:.3f}  A/C {med['A']/med['C']:.3f}", flush=True)
