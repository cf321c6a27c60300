"""Train, calibrate, evaluate and export the three-class built-in model `models/sentiment-en`
(NEGATIVE / NEUTRAL / POSITIVE, 3.x; see training/README.md).

Run from the repo root (the one command; every stage is cached in training/cache/):
  /usr/bin/python3 training/train3.py --seed 13 --out models/sentiment-en

Stages:
  1. teacher3.py (own process, two OpenBLAS threads): e5-small-v2 fine-tuned on sst3 train,
     tweeteval train-from-test and SST-2 phrases (partial labels); labels its transfer set
     with three probabilities -> training/cache/transfer3-SEED.pt.
  2. Students as in 2.x (BiGRU and CNN over one frozen word-piece table) with three outputs,
     warm-started from the shipped binary 2.2.0 (models/sentiment-en-sst2) with a NEUTRAL row
     added; they learn the teacher's three probabilities (or, with --teacher none, the gold
     labels of sst3 / tweeteval train) plus SST-2 train rows as partial labels.
     (--cold: from scratch over e5's projected table instead.)
  3. Temperature fitted on dev (tweeteval dev + sst3 dev, NLL), applied inside the export.
Every training text equal (data3.normalise) to a sentence of the public evaluation fixtures
in npm sentiment@5.0.2 / wink-sentiment was dropped before any labelling (counts printed).
Dev sets are printed and used for the temperature only; nothing else is chosen by them.
"""
import argparse
import copy
import json
import os
import random
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import data3  # noqa: E402
import export  # noqa: E402
import minilm  # noqa: E402
import pretrained  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402
from model import Ensemble, ProjectedEmbedding, TableEmbedding, build  # noqa: E402
from packed import PackedEnsemble  # noqa: E402
from train import DIM, set_determinism  # noqa: E402

VERSION = "3.0.0"
# Warm-started from 2.2.0 (see from_binary), so fewer epochs and lower peaks than 2.x's 3 / 2e-3
# and 2 / 1e-3 from scratch. With --cold, pass 2.x's values through --students.
STUDENTS = [
    ("gru", 2, 1e-3, {}),
    ("cnn", 2, 5e-4, {}),
]
BINARY_MODEL = "models/sentiment-en-sst2"


def soft_ce3(logits, target):
    """target [B, 5]: three probabilities, a kind flag, a weight. Kind 0: cross-entropy against
    the three probabilities. Kind 1 (partial): only (P(neg), P(pos)) given; cross-entropy of the
    student's renormalised P(pos) / (P(pos) + P(neg)), so nothing is said about NEUTRAL."""
    logp3 = torch.log_softmax(logits, 1)
    logp2 = torch.log_softmax(logits[:, [0, 2]], 1)
    full = -(target[:, :3] * logp3).sum(1)
    partial = -(target[:, 0] * logp2[:, 0] + target[:, 2] * logp2[:, 1])
    kind = target[:, 3]
    return (target[:, 4] * ((1 - kind) * full + kind * partial)).mean()


def from_binary(path):
    """The shipped binary 2.2.0 PackedEnsemble (models/sentiment-en-sst2/model.pt) as the state
    dict of model.Ensemble([BiGRU, CNN]) with three outputs: NEGATIVE and POSITIVE rows are 2.2.0's,
    the NEUTRAL row starts at zero weight. The students start from it (warm start)."""
    sd = torch.jit.load(path).state_dict()
    state = {"members.0.embed.table": sd["table"], "members.1.embed.table": sd["table"]}
    for i, part in enumerate(("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")):
        state[f"members.0.fwd.{part}"] = sd[f"gru.{i}"]
        state[f"members.0.bwd.{part}"] = sd[f"gru.{4 + i}"]
    reach, filters = sd["conv.weight"].size(2) // 2, 100
    for i, w in enumerate((3, 4, 5)):  # packed.py fused them into one 5-tap kernel
        first = reach - w // 2
        state[f"members.1.convs.{i}.weight"] = sd["conv.weight"][i * filters:(i + 1) * filters,
                                                                 :, first:first + w].clone()
        state[f"members.1.convs.{i}.bias"] = sd["conv.bias"][i * filters:(i + 1) * filters].clone()
    binary = dict(state)
    for m, key in ((0, "gru_out"), (1, "cnn_out")):
        w, b = sd[key + ".weight"], sd[key + ".bias"]
        binary[f"members.{m}.out.weight"], binary[f"members.{m}.out.bias"] = w, b
        state[f"members.{m}.out.weight"] = torch.stack([w[0], torch.zeros_like(w[0]), w[1]])
        state[f"members.{m}.out.bias"] = torch.stack([b[0], (b[0] + b[1]) / 2, b[1]])
    return state, binary


def gold_rows(tok, fixtures, seed, n_partial, smoothing=0.1):
    """Gold targets [p0, p1, p2, kind, weight]: sst3 train (PTB and detokenised) and tweeteval
    train-from-test one-hot (smoothed), class-weighted per source for macro recall; SST-2 train
    rows (raw and detokenised, a seeded sample of `n_partial`) as partial labels."""
    rng = random.Random(seed)
    out = []
    for path, both in ((data3.SST3_TRAIN, True), (data3.TWEETS_TRAIN, False)):
        rows, _ = data3.drop_fixtures(data3.read_three(path), fixtures, path)
        if both:
            rows = data.augment(rows)
        counts = [sum(1 for _, y in rows if y == c) for c in range(3)]
        weights = [len(rows) / (3 * c) for c in counts]
        for t, y in rows:
            p = [smoothing / 3] * 3
            p[y] += 1 - smoothing
            out.append((tok.encode(t, max_length=128), p + [0.0, weights[y]]))
    sst2, _ = data3.drop_fixtures(data.read_tsv(data.TRAIN), fixtures, "sst2 train")
    sst2 = data.augment(sst2)
    for t, y in rng.sample(sst2, min(n_partial, len(sst2))):
        out.append((tok.encode(t, max_length=128), [1.0 - y, 0.0, float(y), 1.0, 1.0]))
    return out


def train_student(arch, epochs, lr, kw, embed, transfer, seed, watch, batch_size=64, init=None):
    """As train.train_student, three outputs and the mixed loss; `init`: starting weights."""
    set_determinism(seed, torch.get_num_threads())
    rng = random.Random(seed)
    model = build(arch, embed, dim=DIM, labels=3, **kw)
    if init is not None:
        model.load_state_dict(init)
    ema = copy.deepcopy(model)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    steps = epochs * ((len(transfer) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)
    t0, step = time.time(), 0
    for epoch in range(epochs):
        model.train()
        for ids, mask, y in data.batches(transfer, batch_size, shuffle=True, rng=rng):
            loss = soft_ce3(model(ids, mask), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            decay = min(0.999, (1 + step) / (10 + step))
            with torch.no_grad():
                for pe, pm in zip(ema.parameters(), model.parameters()):
                    pe.mul_(decay).add_(pm, alpha=1 - decay)
            if step % 1000 == 0:
                print(f"[{arch}] step {step}/{steps} loss {loss.item():.3f} "
                      f"{time.time() - t0:.0f}s", flush=True)
        print(f"[{arch}] epoch {epoch + 1}/{epochs} loss {loss.item():.3f} "
              f"{time.time() - t0:.0f}s | {watch(ema)}", flush=True)
    ema.eval()
    return ema


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="models/sentiment-en")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--teacher", choices=["e5", "none"], default="e5",
                    help="none: the students learn the gold labels only (no teacher stage)")
    ap.add_argument("--cold", action="store_true",
                    help="students from scratch over e5's projected table, not from 2.2.0")
    ap.add_argument("--partial", type=int, default=40000,
                    help="SST-2 train rows (raw/detokenised) as partial NEG-vs-POS labels")
    ap.add_argument("--repeat", type=int, default=2,
                    help="copies of each 3-class text per student epoch")
    ap.add_argument("--teacher-args", default="",
                    help="extra arguments for teacher3.py (changes its cached transfer set)")
    ap.add_argument("--transfer", default="", help="smoke tests: another teacher transfer file")
    ap.add_argument("--limit", type=int, default=0, help="smoke tests: texts per source")
    ap.add_argument("--students", default="",
                    help='experiments: replaces STUDENTS, e.g. [["gru", 3, 2e-3, {}]]')
    args = ap.parse_args()
    students = json.loads(args.students) if args.students else STUDENTS
    t_start = time.time()
    times = {}
    if args.cold:
        table = minilm.from_onnx(pretrained.onnx_file(pretrained.E5)).word.weight.detach()
    set_determinism(args.seed, args.threads)
    tok = BertTokenizer(data.VOCAB)
    fixtures = data3.fixture_sentences()
    eval_sets = data3.eval_sets(tok)

    gold = gold_rows(tok, fixtures, args.seed, args.partial)
    three = [r for r in gold if r[1][3] == 0.0]
    partial = [r for r in gold if r[1][3] == 1.0]
    if args.teacher == "e5":
        variant = "".join(f"-{a.lstrip('-')}" for a in args.teacher_args.split())
        cached = args.transfer or os.path.join(pretrained.CACHE,
                                               f"transfer3-{args.seed}{variant}.pt")
        if not os.path.exists(cached):
            env = dict(os.environ, OPENBLAS_NUM_THREADS="2")
            subprocess.run([sys.executable, "training/teacher3.py", "--seed", str(args.seed),
                            "--out", cached] + args.teacher_args.split(), env=env, check=True)
        gold3 = three
        three = [(ids, p + [0.0, 1.0]) for ids, p in torch.load(cached)]
    times["teacher (or its cache)"] = time.time() - t_start
    if args.limit:
        three, partial = three[:args.limit], partial[:args.limit]
        eval_sets = {k: (enc[:100], kind) for k, (enc, kind) in eval_sets.items()}
    transfer = three * args.repeat + partial
    if args.teacher == "e5":
        # The gold rows once as well (knowledge distillation with the hard labels beside the
        # soft ones, Hinton et al. 2015): the teacher is not right on every train row.
        transfer += gold3[:args.limit] if args.limit else gold3
    print(f"transfer set: {len(three)} 3-class texts x {args.repeat} "
          f"({'teacher' if args.teacher == 'e5' else 'gold'} labels), {len(partial)} partial"
          + (f", {len(gold3)} gold 3-class" if args.teacher == "e5" else ""), flush=True)

    def watch(m):
        return data3.scores(m, eval_sets, ["tweets", "sst3", "sst2", "tweets_bin"])

    if args.cold:
        embed, init = ProjectedEmbedding(table, DIM), None
    else:
        init, binary = from_binary(os.path.join(BINARY_MODEL, "model.pt"))
        # The unpacked weights must be 2.2.0's function before the NEUTRAL row is added.
        check = Ensemble([build("gru", TableEmbedding(binary["members.0.embed.table"]), dim=DIM),
                          build("cnn", TableEmbedding(binary["members.0.embed.table"]), dim=DIM)])
        check.load_state_dict(binary)
        ref = torch.jit.load(os.path.join(BINARY_MODEL, "model.pt"))
        enc = eval_sets["sst2"][0]
        diff = (data3.logits_of(check, enc) - data3.logits_of(ref, enc)).abs().max().item()
        print(f"warm start from {BINARY_MODEL}: unpacked vs shipped max |diff| {diff:.1e}")
        assert diff < 1e-4
        embed = TableEmbedding(init["members.0.embed.table"])
    members = []
    for k, (arch, epochs, lr, kw) in enumerate(students):
        member_init = None if init is None else {
            key[len(f"members.{k}."):]: v for key, v in init.items()
            if key.startswith(f"members.{k}.")}
        m = train_student(arch, epochs, lr, kw, embed, transfer, args.seed + k, watch,
                          init=member_init)
        if k == 0 and args.cold:
            embed = m.embed.fold()
        m.embed = embed
        members.append(m)
    model = members[0] if len(members) == 1 else Ensemble(members)
    model.eval()
    times["students"] = time.time() - t_start - sum(times.values())
    print(f"== seed {args.seed}: {data3.scores(model, eval_sets)}", flush=True)

    # Temperature on dev (the only use of dev beyond printing).
    cal = [eval_sets["tweets"][0], eval_sets["sst3"][0]]
    logits = torch.cat([data3.logits_of(model, enc) for enc in cal])
    labels = [y for enc in cal for _, y in enc]
    temperature = data3.fit_temperature(logits, labels)
    calibration = {"temperature": temperature}
    for name in ("tweets", "sst3"):
        enc = eval_sets[name][0]
        lg = data3.logits_of(model, enc)
        ys = [y for _, y in enc]
        before = data3.ece(torch.softmax(lg, 1), ys)
        after = data3.ece(torch.softmax(lg / temperature, 1), ys)
        calibration[name] = {"ece_before": round(before, 4), "ece_after": round(after, 4)}
    print(f"calibration: {calibration}", flush=True)

    if args.out:
        if [s[0] for s in students] == ["gru", "cnn"]:
            model = PackedEnsemble(model.state_dict(), temperature)
        config = {"members": ",".join(s[0] for s in students), "seed": args.seed,
                  "version": VERSION, "name": "sentiment-en", "labels": data3.LABELS,
                  "config": {"temperature": round(temperature, 4)}}
        export.export(model, tok, args.out, 128, config, eval_sets["sst3"][0])
        loaded = torch.jit.load(os.path.join(args.out, "model.pt"))
        print(f"== exported: {data3.scores(loaded, eval_sets)}", flush=True)
    times["calibration + export"] = time.time() - t_start - sum(times.values())
    print("stage times: " + ", ".join(f"{k} {v:.0f}s" for k, v in times.items()))
    print(f"total time {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
