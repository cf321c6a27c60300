"""Train, evaluate and export the built-in English sentiment model (see training/README.md).

Run from the repo root:
  /usr/bin/python3 training/train.py --seed 13 --out models/sentiment-en-sst2

Pipeline: the pretrained MiniLM (pretrained.py) is fine-tuned on SST-2 as a teacher and labels
the train rows plus synthetic text made from them (teacher.py, augment.py, in a subprocess
that saves that transfer set);
the students learn those soft labels over MiniLM's own word-piece table, projected to 128
dimensions and folded into one shared table; the ensemble of students is exported.
"""
import argparse
import copy
import json
import os
import random
import subprocess
import sys
import time

# Small matmuls here: OpenBLAS's own thread pool makes them ~30x slower. Before torch loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import export  # noqa: E402
import minilm  # noqa: E402
import pretrained  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402
from model import Ensemble, ProjectedEmbedding, build  # noqa: E402
from packed import VERSION, PackedEnsemble  # noqa: E402

# Students: (architecture, epochs, peak learning rate, kwargs). The first one learns the
# projection of the pretrained table; the others share the folded table, frozen.
STUDENTS = [
    ("gru", 3, 2e-3, {}),
    ("cnn", 2, 1e-3, {}),
]
DIM = 128


def set_determinism(seed, threads):
    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def soft_ce(logits, target):
    """Cross-entropy against P(positive) targets (hard 0/1 or the teacher's probabilities)."""
    logp = torch.log_softmax(logits, 1)
    return -(target * logp[:, 1] + (1 - target) * logp[:, 0]).mean()


def train_student(arch, epochs, lr, kw, embed, transfer, seed, watch, batch_size=64):
    """Adam with a one-cycle learning rate; returns the EMA of the weights (decay 0.999)."""
    set_determinism(seed, torch.get_num_threads())
    rng = random.Random(seed)
    model = build(arch, embed, dim=DIM, **kw)
    ema = copy.deepcopy(model)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    steps = epochs * ((len(transfer) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)
    t0, step = time.time(), 0
    for epoch in range(epochs):
        model.train()
        for ids, mask, y in data.batches(transfer, batch_size, shuffle=True, rng=rng):
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
        print(f"[{arch}] epoch {epoch + 1}/{epochs} loss {loss.item():.3f} "
              f"{time.time() - t0:.0f}s | {watch(ema)}", flush=True)
    ema.eval()
    return ema


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="models/sentiment-en-sst2")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=300000,
                    help="synthetic texts the teacher labels on top of the train rows")
    ap.add_argument("--no-teacher", action="store_true",
                    help="ablation: students learn the gold labels of the train rows only")
    ap.add_argument("--students", default="",
                    help='experiments: replaces STUDENTS, e.g. [["gru", 3, 2e-3, {}]]')
    args = ap.parse_args()
    students = json.loads(args.students) if args.students else STUDENTS
    t_start = time.time()
    # Building MiniLM draws its random initial weights: before seeding, so the students'
    # initialisation does not depend on it.
    table = minilm.from_onnx(pretrained.minilm_onnx()).word.weight.detach()
    set_determinism(args.seed, args.threads)
    tok = BertTokenizer(data.VOCAB)
    eval_sets = data.eval_sets(tok)

    if args.no_teacher:
        rows = data.augment(data.read_tsv(data.TRAIN))
        transfer = [(ids, float(y)) for ids, y in data.encode_rows(tok, rows, 128)]
    else:
        cached = os.path.join(pretrained.CACHE, f"transfer-{args.seed}-{args.synthetic}.pt")
        if not os.path.exists(cached):
            env = dict(os.environ, OPENBLAS_NUM_THREADS="2")
            subprocess.run([sys.executable, "training/teacher.py", "--seed", str(args.seed),
                            "--synthetic", str(args.synthetic), "--out", cached],
                           env=env, check=True)
        transfer = torch.load(cached)
    print(f"transfer set {len(transfer)} texts", flush=True)

    def watch(m):
        return data.scores(m, eval_sets)

    embed = ProjectedEmbedding(table, DIM)
    members = []
    for k, (arch, epochs, lr, kw) in enumerate(students):
        m = train_student(arch, epochs, lr, kw, embed, transfer, args.seed + k, watch)
        if k == 0:
            embed = m.embed.fold()  # later members share it, frozen
        m.embed = embed
        members.append(m)
    model = members[0] if len(members) == 1 else Ensemble(members)
    model.eval()
    print(f"== seed {args.seed}: {watch(model)}")
    natural = data.read_tsv(data.NATURAL)
    for (text, y), p in zip(natural, data.predict(model, eval_sets["natural"]).tolist()):
        if (p > 0.5) != (y == 1):
            print(f"   natural miss: label {y} p(pos)={p:.3f}  {text}")
    if args.out:
        config = {"members": ",".join(s[0] for s in students), "seed": args.seed,
                  "version": VERSION}
        if [s[0] for s in students] == ["gru", "cnn"]:
            model = PackedEnsemble(model.state_dict())  # same results, no work on padding
        export.export(model, tok, args.out, 128, config, eval_sets["dev"])
    print(f"total time {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
