"""Where the service's time goes around one search, at the demo size (docs/benchmarks.md, "At the demo
size"): the same search through the service signed in and anonymous, with one hit, a refused parameter
(the HTTP path and parameter parsing only) and a small read, beside its own body sent straight to
Elasticsearch, taking turns request by request on keep-alive connections; medians and p90 in ms.

Usage, against `bin/joinedup up` (demo accounts, local password): python3 bench/search-overhead/parts.py [rounds]"""
import http.client, json, statistics, sys, time

APP, ES = ("127.0.0.1", 8080), ("127.0.0.1", 9200)
SEARCH = "/api/search/leaders?q=discharge"
app, es = http.client.HTTPConnection(*APP), http.client.HTTPConnection(*ES)


def call(conn, method, path, body=None, headers=None):
    started = time.perf_counter()
    conn.request(method, path, body, headers or {})
    answer = conn.getresponse()
    data = answer.read()
    return (time.perf_counter() - started) * 1000, answer.status, data


_, _, data = call(app, "POST", "/api/auth/token", json.dumps({"username": "demo-admin", "password": "joinedup-local-demo"}),
                  {"Content-Type": "application/json"})
signed = {"Authorization": "Bearer " + json.loads(data)["accessToken"]}
json_body = {"Content-Type": "application/json"}
body = call(app, "GET", "/api/admin/search/query?q=discharge", headers=signed)[2]
body_one = call(app, "GET", "/api/admin/search/query?q=discharge&size=1", headers=signed)[2]

parts = {
    "direct, its body": lambda: call(es, "POST", "/leaders/_search", body, json_body),
    "direct, its body, size=1": lambda: call(es, "POST", "/leaders/_search", body_one, json_body),
    "service, signed in": lambda: call(app, "GET", SEARCH, headers=signed),
    "service, anonymous": lambda: call(app, "GET", SEARCH),
    "service, anonymous, size=1": lambda: call(app, "GET", SEARCH + "&size=1"),
    "service, a refused parameter": lambda: call(app, "GET", "/api/search/leaders?page=-1"),
    "service, a vocabulary (5 kB)": lambda: call(app, "GET", "/api/vocabularies/services"),
}
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
times = {name: [] for name in parts}
for i in range(30 + rounds):
    for name, send in parts.items():
        ms, status, data = send()
        if status not in (200, 400):
            sys.exit(f"{name}: HTTP {status}")
        if i >= 30:
            times[name].append(ms)
for name, ms in times.items():
    ms.sort()
    print(f"{name:32s} p50 {statistics.median(ms):6.2f}  p90 {ms[int(len(ms) * 0.9)]:6.2f}")
