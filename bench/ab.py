#!/usr/bin/env python3
"""Interleaved load runs against running services, for comparisons the noise here allows.

The same endpoint drifts up to 3x within a day on these machines, so alternatives are measured in
turn, round after round, and compared by medians and ratios, never against a figure from another
run. Standard library only; needs wrk. 127.0.0.1 only; every run is bounded by --seconds.

  ab.py single --port A=18081 --port B=18082 [--rounds 4] [--seconds 10] [--clients 1,64]
      POST /analyze with one SST-2 dev sentence per request, each service in turn.
  ab.py texts --port A=18081 [--port B=18082] --raw-best TEXTS_PER_S [--rounds 3] [--seconds 10]
      8 clients each posting 32 sentences per call (texts/s against the raw model's best), and a
      ~300-word review against a one-sentence text at one client (p50 ratio), each service in turn.

Prints one JSON line per run and a Markdown summary at the end.
"""
import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import load  # noqa: E402  (bench/load.py: the wrk script writer and output parser)

DEV = os.path.join(HERE, "..", "..", "shared", "data", "sst2", "dev.tsv")


def sentences():
    with open(DEV, encoding="utf-8") as f:
        next(f)
        return [line.rsplit("\t", 1)[0].strip() for line in f]


def list_bodies():
    """The lists case's request bodies: the first 384 dev sentences as 12 lists of 32."""
    all_sentences = sentences()
    return [json.dumps({"texts": all_sentences[i:i + 32]}) for i in range(0, 32 * 12, 32)]


def lua_script(bodies, out):
    """A wrk script posting the given JSON bodies in turn and counting statuses (as load.py's)."""
    listed = ",\n".join("  [[" + b + "]]" for b in bodies if "]]" not in b)
    template = open_template()
    with open(out, "w", encoding="utf-8") as f:
        f.write(template.replace("__BODIES__", listed))


def open_template():
    # load.py writes the same script for single sentences; reuse it with our bodies swapped in.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.lua")
        load.lua(DEV, "/analyze", path)
        text = open(path, encoding="utf-8").read()
    start = text.index("local bodies = {") + len("local bodies = {\n")
    end = text.index("\n}\nlocal i = 0")
    return text[:start] + "__BODIES__" + text[end:]


def wrk(port, clients, seconds, script, path="/analyze"):
    threads = 1 if clients < 2 else 2
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        subprocess.run(
            ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s",
             "--latency", "-s", script, f"http://127.0.0.1:{port}{path}"],
            stdout=open(out.name, "w"), check=True)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            load.wrk(out.name)
        return json.loads(printed.getvalue())


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def single(args):
    ports = dict(p.split("=") for p in args.port)
    script = os.path.join(tempfile.mkdtemp(), "single.lua")
    lua_script([json.dumps({"text": s}) for s in sentences()[:400]], script)
    runs = []
    for name, port in ports.items():  # warm-up, not recorded
        wrk(port, 64, 20, script)
    for rnd in range(args.rounds):
        for clients in [int(c) for c in args.clients.split(",")]:
            for name, port in ports.items():
                r = wrk(port, clients, args.seconds, script)
                r.update(service=name, clients=clients, round=rnd)
                print(json.dumps(r), flush=True)
                runs.append(r)
    names = list(ports)
    print("\n| clients | " + " | ".join(f"{n} req/s, p50, p99 (ms)" for n in names)
          + f" | {names[-1]}/{names[0]} req/s |")
    print("|---|" + "---|" * (len(names) + 1))
    for clients in [int(c) for c in args.clients.split(",")]:
        cells, rps = [], []
        for n in names:
            mine = [r for r in runs if r["service"] == n and r["clients"] == clients]
            rps.append(median(mine, "rps"))
            cells.append(f"{rps[-1]:.0f}, {median(mine, 'p50_ms'):.2f}, {median(mine, 'p99_ms'):.1f}")
        print(f"| {clients} | " + " | ".join(cells) + f" | {rps[-1] / rps[0]:.3f} |")


def texts(args):
    ports = dict(p.split("=") for p in args.port)
    all_sentences = sentences()
    tmp = tempfile.mkdtemp()
    lists = os.path.join(tmp, "lists.lua")
    lua_script(list_bodies(), lists)
    review, words = [], 0
    for s in all_sentences[400:]:
        review.append(s)
        words += len(s.split())
        if words >= 300:
            break
    long_text = " ".join(review)
    long_script = os.path.join(tmp, "long.lua")
    lua_script([json.dumps({"text": long_text})], long_script)
    short_script = os.path.join(tmp, "short.lua")
    lua_script([json.dumps({"text": all_sentences[0]})], short_script)
    print(json.dumps({"review_words": words, "review_chars": len(long_text)}))
    for port in ports.values():  # warm-up, not recorded
        wrk(port, 8, 20, lists)
        wrk(port, 1, 5, long_script)
    runs = []
    for rnd in range(args.rounds):
        for case, script, clients in [("lists", lists, 8), ("review", long_script, 1),
                                      ("sentence", short_script, 1)]:
            for name, port in ports.items():
                r = wrk(port, clients, args.seconds, script)
                r.update(service=name, case=case, clients=clients, round=rnd)
                if case == "lists":
                    r["texts_per_s"] = r["rps"] * 32
                print(json.dumps(r), flush=True)
                runs.append(r)
    print(f"\nraw model best: {args.raw_best:.0f} texts/s; review: {words} words")
    print("\n| service | 8 clients x 32 texts: texts/s (x raw best) | review p50 | sentence p50 |"
          " review / sentence |")
    print("|---|---|---|---|---|")
    for name in ports:
        mine = [r for r in runs if r["service"] == name]
        tps = median([r for r in mine if r["case"] == "lists"], "texts_per_s")
        review_p50 = median([r for r in mine if r["case"] == "review"], "p50_ms")
        sentence_p50 = median([r for r in mine if r["case"] == "sentence"], "p50_ms")
        print(f"| {name} | {tps:.0f} ({tps / args.raw_best:.2f} x) | {review_p50:.2f} ms |"
              f" {sentence_p50:.2f} ms | {review_p50 / sentence_p50:.2f} x |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("single")
    a.add_argument("--port", action="append", required=True, help="NAME=PORT, in order")
    a.add_argument("--rounds", type=int, default=4)
    a.add_argument("--seconds", type=int, default=10)
    a.add_argument("--clients", default="1,64")
    t = sub.add_parser("texts")
    t.add_argument("--port", action="append", required=True, help="NAME=PORT, in order")
    t.add_argument("--raw-best", type=float, required=True)
    t.add_argument("--rounds", type=int, default=3)
    t.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    {"single": single, "texts": texts}[args.command](args)


if __name__ == "__main__":
    main()
