#!/usr/bin/env python3
# Memory under made-up keys (docs/reliability.md): GETs of made-up place codes, indicator codes, board, panel and
# committee ids and query strings against a running node, from 8 threads; prints the node's resident memory (MB)
# before, at its peak, after, and 20 s later. Usage: made-up-keys.py <node pid> <base address> <requests>  (SEED=n)
import os, random, sys, threading, time, urllib.request, urllib.error
pid, base, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"): return int(line.split()[1]) // 1024
rnd = random.Random(int(os.environ.get("SEED", "13")))
def word(): return "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz-") for _ in range(rnd.randint(3, 40)))
def code(): return "E%08d" % rnd.randint(0, 99999999)
routes = [
    lambda: f"/places/{code()}", lambda: f"/places/E08000003/indicators/{word()}", lambda: f"/places/{code()}/indicators/delayed-discharge-days",
    lambda: f"/api/v1/boards/{word()}", lambda: f"/boards/{word()}", lambda: f"/compare?indicator={word()}&places={code()}",
    lambda: f"/live/places/{code()}", lambda: f"/places/{code()}/scorecard.csv", lambda: f"/panels/{word()}",
    lambda: f"/committees/{word()}", lambda: f"/places/E08000003/indicators/{word()}/series.csv", lambda: f"/?q={word()*20}",
]
urls = [base + rnd.choice(routes)() for _ in range(n)]
statuses = {}
lock = threading.Lock()
def worker(chunk):
    for u in chunk:
        try:
            with urllib.request.urlopen(u, timeout=30) as r: s = r.status; r.read()
        except urllib.error.HTTPError as e: s = e.code
        except Exception as e: s = type(e).__name__
        with lock: statuses[s] = statuses.get(s, 0) + 1
print("rss before", rss())
t0 = time.time()
threads = [threading.Thread(target=worker, args=(urls[i::8],)) for i in range(8)]
[t.start() for t in threads]
peak = 0
while any(t.is_alive() for t in threads):
    peak = max(peak, rss()); time.sleep(0.5)
print("requests", n, "in", round(time.time() - t0), "s; statuses", statuses)
print("rss peak", peak, "after", rss())
time.sleep(20); print("rss 20 s later", rss())
