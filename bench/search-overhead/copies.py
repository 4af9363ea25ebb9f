"""Searches a second and the service's CPU a search of two or more running copies of the service, at a given
concurrency, the copies taking turns in blocks of a few seconds (the order swapped every block), each client
cycling through the 12-kind mix of "Search at scale" (docs/benchmarks.md). The CPU is the copy's process's,
read from /proc before and after each block (its idle work included: about 0.4 ms a search at 40 a second).
Prints, per copy, the median and every block's searches a second, and the median CPU a search in ms.

Usage, against copies started on the benchmark database (bench/lib.sh, bench_start), signed in as its admin:
  python3 bench/search-overhead/copies.py CLIENTS SECONDS BLOCKS PORT [PORT ...]
e.g. python3 bench/search-overhead/copies.py 4 20 8 8092 8094  (run it once first to warm the copies up)"""
import http.client, json, re, statistics, subprocess, sys, threading, time

MIX = ["q=discharge", "q=GP", "service=gp&service=social-care", "region=E40000011",
       "region=E40000003&service=mental-health&service=social-care", "nearArea=E10000024&within=50km",
       "nearArea=E08000025&sort=distance", "verification=verified", "mentoring=available",
       "programme=vanguard&outcome=non-elective-admissions", "q=reablement&region=E40000014&verification=endorsed",
       "service=social-care&page=10"]
ADMIN = {"username": "bench-admin", "password": "bench-admin-password"}


def token(port):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("POST", "/api/auth/token", json.dumps(ADMIN), {"Content-Type": "application/json"})
    return json.loads(conn.getresponse().read())["accessToken"]


def pid(port):
    """The process listening on the port (ss names it when it is ours)."""
    out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    return int(re.search(r"pid=(\d+)", out).group(1))


def cpu_ticks(process):
    fields = open(f"/proc/{process}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks of 10 ms


def block(port, bearer, process, clients, seconds):
    """One block: searches a second, and ms of the copy's CPU a search."""
    stop, counts = time.time() + seconds, [0] * clients

    def client(i):
        conn, k = http.client.HTTPConnection("127.0.0.1", port), i
        while time.time() < stop:
            conn.request("GET", "/api/search/leaders?" + MIX[k % len(MIX)], headers={"Authorization": "Bearer " + bearer})
            answer = conn.getresponse()
            answer.read()
            if answer.status != 200:
                raise SystemExit(f"port {port}: HTTP {answer.status} for {MIX[k % len(MIX)]}")
            counts[i] += 1
            k += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    ticks, started = cpu_ticks(process), time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    searches = sum(counts)
    return searches / (time.time() - started), (cpu_ticks(process) - ticks) * 10.0 / searches


def main():
    clients, seconds, blocks = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    ports = [int(p) for p in sys.argv[4:]]
    copies = {port: (token(port), pid(port)) for port in ports}
    results = {port: [] for port in ports}
    for b in range(blocks):
        for port in (ports if b % 2 == 0 else ports[::-1]):
            results[port].append(block(port, *copies[port], clients, seconds))
    for port in ports:
        rates = sorted(r for r, _ in results[port])
        print(f"{port}: searches/s median {statistics.median(rates):.1f} (blocks {' '.join(f'{r:.1f}' for r in rates)}),"
              f" CPU a search median {statistics.median(c for _, c in results[port]):.2f} ms")


if __name__ == "__main__":
    main()
