#!/usr/bin/env python3
"""Times rebuilds under `inzage serve` after an edit to one bijsluiter.

Starts `inzage serve`, waits for its first build, then edits one bijsluiter N times (each edit,
then the file restored) and reads each "Bijgewerkt in N ms" line: the rebuild as serve times it
(load, check, render, write). It also records the wall time from the edit to that line, which
adds the file watcher's reaction time. Writes a JSON summary; the edited file is restored.

The kind of edit (--edit):
  body   a sentence added to the body (only the product's own page shows it);
  field  a sentence added to the front matter's `bewaartermijn` (the product's own page shows it,
         the rules across documents and the pages that list products read the front matter);
  name   the product renamed (every list of products shows it).

    python3 Benchmarks/serve_rebuild.py INZAGE CONTENT OUTPUT RESULT.json [--edits 10] [--edit body] [--port 8799]
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, threading, time, queue

parser = argparse.ArgumentParser()
parser.add_argument("inzage"); parser.add_argument("content"); parser.add_argument("output"); parser.add_argument("result")
parser.add_argument("--edits", type=int, default=10); parser.add_argument("--port", type=int, default=8799)
parser.add_argument("--edit", choices=["body", "field", "name"], default="body")
args = parser.parse_args()

folder = os.path.join(args.content, "bijsluiters")
target = os.path.join(folder, sorted(f for f in os.listdir(folder) if f.endswith(".md"))[0])
original = open(target, "rb").read()
shutil.rmtree(args.output, ignore_errors=True)

process = subprocess.Popen([args.inzage, "serve", "--content", args.content, "--output", args.output, "--port", str(args.port)],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
lines = queue.Queue()
threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

def wait_for(pattern, timeout=600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.time()))
        except queue.Empty:
            break
        match = re.search(pattern, line)
        if match:
            return match, time.time()
    sys.exit(f"serve_rebuild.py: no line matching {pattern!r} within {timeout} s")

rebuilds, walls = [], []
try:
    wait_for(r"De website staat op")
    # Files the first build read are trusted by their times only once they are older than 2 s.
    time.sleep(2.5)
    for index in range(args.edits):
        if args.edit == "body":
            text = original + ("\nDeze zin is toegevoegd om een wijziging in één bestand te meten (%d).\n" % index).encode()
        elif args.edit == "field":
            text = re.sub(rb"(?m)^bewaartermijn: ", ("bewaartermijn: Gewijzigd (%d). " % index).encode(), original, count=1)
        else:
            text = re.sub(rb"(?m)^(product: .*)$", (r"\1 %d" % index).encode(), original, count=1)
        if text == original:
            sys.exit(f"serve_rebuild.py: cannot make a '{args.edit}' edit in {target}")
        for content in (text, original):
            start = time.time()
            with open(target, "wb") as handle:
                handle.write(content)
            match, seen = wait_for(r"Bijgewerkt in (\d+) ms: (\d+) bestand(?:en)? geschreven")
            rebuilds.append(int(match.group(1)) / 1000)
            walls.append(seen - start)
            time.sleep(0.3)
finally:
    with open(target, "wb") as handle:
        handle.write(original)
    process.terminate()
    process.wait(timeout=30)

summary = {"file": os.path.relpath(target, args.content), "edit": args.edit, "rebuilds": len(rebuilds),
           "median_rebuild_seconds": statistics.median(rebuilds), "min_rebuild_seconds": min(rebuilds),
           "max_rebuild_seconds": max(rebuilds), "median_wall_seconds": statistics.median(walls)}
json.dump(summary, open(args.result, "w"), indent=2)
print(json.dumps(summary))
