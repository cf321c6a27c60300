"""Train, evaluate and export the built-in English sentiment model (see training/README.md).

Run from the repo root:
  /usr/bin/python3 training/train.py --seed 13 --out models/sentiment-en-sst2
"""
import argparse
import copy
import json
import os
import random
import sys
import time

# OpenBLAS's own thread pool fights torch's threads: 30x slower small matmuls. Before torch loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import distill  # noqa: E402
import export  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402
from detok import detokenize  # noqa: E402
from model import Ensemble, build  # noqa: E402

# Members of the shipped ensemble: (architecture, epochs, peak learning rate, kwargs).
# Epochs were chosen on the --holdout split: both peak within 1-3 epochs, then overfit.
MEMBERS = {
    "cnn": ("cnn", 2, 1e-3, {"word_dropout": 0.0}),
    "gru": ("gru", 3, 2e-3, {"word_dropout": 0.05}),
    "gru2": ("gru", 2, 2e-3, {"word_dropout": 0.05}),
}


def set_determinism(seed, threads):
    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def build_remap(encoded, vocab_size):
    """BERT id -> embedding row; rows only for ids seen in training (others -> [UNK] row 1)."""
    seen = sorted({i for ids, _ in encoded for i in ids} - {0, 100})
    remap = torch.ones(vocab_size, dtype=torch.long)
    remap[0] = 0
    for row, i in enumerate(seen, start=2):
        remap[i] = row
    return remap


def predict(model, encoded, batch_size=256):
    model.eval()
    probs = []
    with torch.no_grad():
        for ids, mask, _ in data.batches(encoded, batch_size, shuffle=False):
            probs.append(torch.softmax(model(ids, mask), 1)[:, 1])
    return torch.cat(probs)


def accuracy(model, encoded):
    p = predict(model, encoded)
    y = torch.tensor([l for _, l in encoded])
    return ((p > 0.5).long() == y).float().mean().item()


def soft_ce(logits, target):
    """Cross-entropy against P(positive) targets (hard 0/1 or soft teacher probabilities)."""
    logp = torch.log_softmax(logits, 1)
    return -(target * logp[:, 1] + (1 - target) * logp[:, 0]).mean()


def train_member(name, remap, train_enc, held_enc, seed, batch_size=64, watch=None):
    arch, epochs, lr, kw = MEMBERS[name]
    kw = dict(kw)
    word_dropout = kw.pop("word_dropout", 0.0)
    set_determinism(seed, torch.get_num_threads())
    rng = random.Random(seed)
    model = build(arch, remap, **kw)
    ema = copy.deepcopy(model)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * ((len(train_enc) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)
    step, t0 = 0, time.time()
    for epoch in range(epochs):
        model.train()
        for ids, mask, y in data.batches(train_enc, batch_size, shuffle=True, rng=rng):
            # word dropout: teaches the [UNK] row, used for ids never seen in training
            drop = (torch.rand(ids.shape) < word_dropout) & (ids > 103)
            ids = ids.masked_fill(drop, 100)
            loss = soft_ce(model(ids, mask), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            decay = min(0.999, (1 + step) / (10 + step))
            with torch.no_grad():
                for pe, pm in zip(ema.parameters(), model.parameters()):
                    pe.mul_(decay).add_(pm, alpha=1 - decay)
        msg = f"[{name}] epoch {epoch + 1}/{epochs} loss {loss.item():.3f} {time.time() - t0:.0f}s"
        if held_enc:
            msg += f" held-out {accuracy(model, held_enc):.4f} (EMA {accuracy(ema, held_enc):.4f})"
        if watch:  # development only: dev is watched, never used to choose anything automatically
            msg += f" | dev {accuracy(model, watch):.4f} (EMA {accuracy(ema, watch):.4f})"
        print(msg, flush=True)
    ema.eval()
    return ema


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="models/sentiment-en-sst2")
    ap.add_argument("--members", default="cnn,gru,gru2", help="comma-separated keys of MEMBERS")
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--holdout", type=int, default=0,
                    help="development mode: hold out N train sentences and report on them")
    ap.add_argument("--student", default="",
                    help="MEMBERS key: distil the members (teacher ensemble) into this model")
    ap.add_argument("--synthetic", type=int, default=200000,
                    help="unlabeled synthetic texts added to the distillation transfer set")
    ap.add_argument("--member-json", default="",
                    help='experiments: extra/overridden MEMBERS, e.g. {"c2": ["cnn", 3, 2e-3, {}]}')
    args = ap.parse_args()
    MEMBERS.update(json.loads(args.member_json or "{}"))
    set_determinism(args.seed, args.threads)
    t_start = time.time()
    tok = BertTokenizer(data.VOCAB)
    rows = data.read_tsv(data.TRAIN)
    held = []
    if args.holdout:
        rows, held = data.holdout_split(rows, args.holdout, args.seed)
    train_enc = data.encode_rows(tok, data.augment(rows), args.max_length)
    held_enc = data.encode_rows(tok, held, args.max_length)
    dev = data.read_tsv(data.DEV)
    dev_raw = data.encode_rows(tok, dev, args.max_length)
    dev_detok = data.encode_rows(tok, [(detokenize(t), y) for t, y in dev], args.max_length)
    natural = data.read_tsv(data.NATURAL)
    nat_enc = data.encode_rows(tok, natural, args.max_length)
    remap = build_remap(train_enc, len(tok.vocab))
    print(f"train examples {len(train_enc)} (from {len(rows)} rows), held-out {len(held)}, "
          f"embedding rows {int(remap.max()) + 1}", flush=True)

    members = []
    for k, name in enumerate(args.members.split(",")):
        m = train_member(name, remap, train_enc, held_enc, args.seed + k,
                         watch=dev_raw if args.holdout else None)
        print(f"[{name}] dev raw {accuracy(m, dev_raw):.4f} detok {accuracy(m, dev_detok):.4f}")
        members.append(m)
    model = members[0] if len(members) == 1 else Ensemble(members)
    model.eval()
    if args.student:
        print(f"== teacher {args.members}: dev raw {accuracy(model, dev_raw):.4f}  "
              f"dev detok {accuracy(model, dev_detok):.4f}  natural {accuracy(model, nat_enc):.4f}"
              + (f"  held-out {accuracy(model, held_enc):.4f}" if held else ""), flush=True)
        synth = distill.synthetic_texts(rows, args.synthetic, args.seed)
        transfer = train_enc + data.encode_rows(tok, [(t, 0) for t in synth], args.max_length)
        soft = predict(model, transfer).tolist()
        transfer = [(ids, p) for (ids, _), p in zip(transfer, soft)]
        print(f"transfer set {len(transfer)} texts", flush=True)
        model = train_member(args.student, remap, transfer, held_enc, args.seed + 100,
                             watch=dev_raw if args.holdout else None)

    print(f"== {args.members} seed {args.seed}: dev raw {accuracy(model, dev_raw):.4f}  "
          f"dev detok {accuracy(model, dev_detok):.4f}  natural {accuracy(model, nat_enc):.4f}"
          + (f"  held-out {accuracy(model, held_enc):.4f}" if held else ""))
    p = predict(model, nat_enc)
    for (text, y), pi in zip(natural, p.tolist()):
        if (pi > 0.5) != (y == 1):
            print(f"   natural miss: label {y} p(pos)={pi:.3f}  {text}")
    if args.out:
        config = {"name": "sentiment-en-sst2", "version": "1.0.0", "members": args.members,
                  "seed": args.seed}
        export.export(model, tok, args.out, args.max_length, config, dev_raw)
    print(f"total time {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
