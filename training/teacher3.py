"""The 3.x teacher: e5-small-v2 (12 layers) fine-tuned on three-class data; labels the transfer set.

  /usr/bin/python3 training/teacher3.py --seed 13 --out training/cache/transfer3-13-N.pt

train3.py runs it in its own process (two OpenBLAS threads for the big matmuls). Stages, each
cached in training/cache/ so a rerun (or a restart after a kill) continues where it stopped:

  1. teacher3-lower-SEED.pt: the output of the frozen embeddings and lower `FROZEN` layers for
     every fine-tuning text (computed once; the fine-tune reuses it every epoch);
  2. teacher3-SEED.pt: the fine-tuned upper layers and head; during the fine-tune a checkpoint
     (weights, optimiser, scheduler, step) is written every `--ckpt-every` steps to
     teacher3-SEED-ckpt.pt and resumed from; the data order and dropout are functions of
     (seed, epoch, step) so a resumed run takes the same steps as an uninterrupted one;
  3. the transfer set (student ids, teacher probabilities over the three labels) at --out.

Fine-tuning data (train files only, never dev): sst3/train (3-class, PTB or detokenised text at
random), tweeteval/train-from-test (3-class), a sample of sst2/train phrases as PARTIAL labels:
their loss is the cross-entropy of P(pos) / (P(pos) + P(neg)), so they say nothing about
NEUTRAL. The 3-class losses are class-weighted to balance each source (macro recall is the
target). Rows equal to a public evaluation fixture sentence (data3.fixture_sentences) are dropped.
"""
import argparse
import os
import random
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import augment3  # noqa: E402
import data  # noqa: E402
import data3  # noqa: E402
import minilm  # noqa: E402
import pretrained  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402
from detok import detokenize  # noqa: E402

FROZEN = 10  # embeddings and layers 0..9 frozen (their output cached); layers 10, 11 + head train
MAX_LENGTH = 64  # word pieces of the text incl. [CLS]/[SEP]; the "query: " prefix comes on top
PARTIAL = 3  # label value marking an SST-2 row whose label (0/1) is only NEGATIVE vs POSITIVE


def prefixed(tok, ids):
    """Teacher input: e5 wants "query: " before the text; the basic tokenizer splits on
    whitespace and punctuation first, so that is [CLS] query : <text pieces> [SEP]."""
    return [ids[0]] + tok.encode("query:", add_special_tokens=False) + ids[1:]


def fine_tune_rows(seed, fixtures, n_sst2):
    """(text, label, source) rows the teacher learns; source 0 sst3, 1 tweets, 2 sst2 partial."""
    rng = random.Random(seed)
    sst3, _ = data3.drop_fixtures(data3.read_three(data3.SST3_TRAIN), fixtures, "sst3 train")
    tweets, _ = data3.drop_fixtures(data3.read_three(data3.TWEETS_TRAIN), fixtures,
                                    "tweeteval train-from-test")
    sst2, _ = data3.drop_fixtures(data.read_tsv(data.TRAIN), fixtures, "sst2 train")
    rows = [(detokenize(t) if rng.random() < 0.5 else t, y, 0) for t, y in sst3]
    rows += [(t, y, 1) for t, y in tweets]
    # Phrases of 3+ words (single words and pairs are mostly neutral-looking fragments whose
    # binary label the 3-class rows contradict); the sample is seeded.
    phrases = [(t, y) for t, y in sst2 if len(t.split()) >= 3]
    for t, y in rng.sample(phrases, min(n_sst2, len(phrases))):
        rows.append((detokenize(t) if rng.random() < 0.5 else t, PARTIAL + y, 2))
    return rows


def class_weights(rows, source):
    counts = [sum(1 for _, y, s in rows if s == source and y == c) for c in range(3)]
    return [sum(counts) / (3 * c) for c in counts]


def lower_cache(model, tok, rows, path):
    """Output of layer FROZEN-1 for every row (eval mode: no dropout), cached on disk."""
    if os.path.exists(path):
        return torch.load(path)
    enc = [prefixed(tok, tok.encode(t, max_length=MAX_LENGTH)) for t, _, _ in rows]
    order = sorted(range(len(enc)), key=lambda i: len(enc[i]))
    hidden = [None] * len(enc)
    model.eval()
    t0 = time.time()
    with torch.no_grad():
        for k in range(0, len(order), 128):
            idx = order[k:k + 128]
            ids, mask = _pad([enc[i] for i in idx])
            h = model.encode(ids, mask, 0, FROZEN)
            for r, i in enumerate(idx):
                hidden[i] = h[r, :len(enc[i])].clone()
            if k % (128 * 40) == 0:
                print(f"teacher lower layers {k}/{len(enc)} {time.time() - t0:.0f}s", flush=True)
    cache = {"ids": enc, "hidden": hidden}
    torch.save(cache, path + ".tmp")
    os.replace(path + ".tmp", path)
    return cache


def _pad(seqs):
    T = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), T, dtype=torch.long)
    for r, s in enumerate(seqs):
        ids[r, :len(s)] = torch.tensor(s)
    return ids, (ids != 0).long()


def _upper_batch(cache, idx):
    T = max(len(cache["ids"][i]) for i in idx)
    x = torch.zeros(len(idx), T, minilm.WIDTH)
    ids = torch.zeros(len(idx), T, dtype=torch.long)
    for r, i in enumerate(idx):
        n = len(cache["ids"][i])
        x[r, :n] = cache["hidden"][i]
        ids[r, :n] = torch.tensor(cache["ids"][i])
    return x, (ids != 0).long()


def epoch_batches(n, lengths, batch, seed, epoch):
    """The batches of one epoch: a function of (seed, epoch) only (so a resume can skip)."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(n))
    rng.shuffle(order)
    chunk = batch * 50  # length-sorted within chunks, to limit padding
    order = [i for s in range(0, n, chunk) for i in sorted(order[s:s + chunk], key=lengths.__getitem__)]
    out = [order[s:s + batch] for s in range(0, n, batch)]
    rng.shuffle(out)
    return out


def loss_of(logits, labels, weights):
    """Class-weighted 3-class cross-entropy; PARTIAL rows: 2-way over NEGATIVE/POSITIVE."""
    logp3 = torch.log_softmax(logits, 1)
    logp2 = torch.log_softmax(logits[:, [0, 2]], 1)
    total = logits.new_zeros(())
    for r, y in enumerate(labels):
        total = total - (logp2[r, y - PARTIAL] if y >= PARTIAL else weights[r] * logp3[r, y])
    return total / len(labels)


def fine_tune(model, cache, rows, path, seed, epochs, lr, batch, ckpt_every):
    weights = {s: class_weights(rows, s) for s in (0, 1)}
    print(f"teacher class weights sst3 {weights[0]} tweets {weights[1]}", flush=True)
    params = [p for layer in model.layers[FROZEN:] for p in layer.parameters()]
    params += list(model.head.parameters())
    for p in model.parameters():
        p.requires_grad_(False)
    for p in params:
        p.requires_grad_(True)
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    lengths = [len(x) for x in cache["ids"]]
    per_epoch = (len(rows) + batch - 1) // batch
    steps = epochs * per_epoch
    warm = max(1, steps // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    ckpt, step = path.replace(".pt", "-ckpt.pt"), 0
    if os.path.exists(ckpt):
        state = torch.load(ckpt)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
        print(f"teacher: resumed at step {step}/{steps} from {ckpt}", flush=True)
    t0 = time.time()
    while step < steps:
        epoch, k = divmod(step, per_epoch)
        idx = epoch_batches(len(rows), lengths, batch, seed, epoch)[k]
        model.train()
        torch.manual_seed(seed * 100003 + step)  # dropout masks: a function of the step
        x, mask = _upper_batch(cache, idx)
        logits = model.pool(model.encode(None, mask, FROZEN, None, x), mask)
        ys = [rows[i][1] for i in idx]
        w = [weights[rows[i][2]][rows[i][1]] if rows[i][1] < PARTIAL else 1.0 for i in idx]
        loss = loss_of(logits, ys, w)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        step += 1
        if step % 50 == 0:
            print(f"teacher step {step}/{steps} loss {loss.item():.3f} "
                  f"{time.time() - t0:.0f}s", flush=True)
        if step % ckpt_every == 0 or step == steps:
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(),
                        "sched": sched.state_dict(), "step": step}, ckpt + ".tmp")
            os.replace(ckpt + ".tmp", ckpt)
        if step % per_epoch == 0:
            print(f"teacher epoch {step // per_epoch} done {time.time() - t0:.0f}s", flush=True)
    torch.save(model.state_dict(), path)
    print(f"teacher saved to {path}", flush=True)


class Prefixed(torch.nn.Module):
    """The teacher on student-form ids (adds the prefix), for the dev scores."""

    def __init__(self, model, tok):
        super().__init__()
        self.model, self.pre = model, tok.encode("query:", add_special_tokens=False)

    def forward(self, ids, mask):
        B = ids.size(0)
        pre = torch.tensor(self.pre).expand(B, -1)
        ids2 = torch.cat([ids[:, :1], pre, ids[:, 1:]], 1)
        mask2 = torch.cat([mask[:, :1], torch.ones_like(pre), mask[:, 1:]], 1)
        return self.model(ids2, mask2)


def label(model, tok, encoded, cache=None, batch=128):
    """Teacher probabilities [N, 3] for student-form ids; rows i < len(cache) reuse the cache."""
    n_cached = len(cache["ids"]) if cache else 0
    probs = torch.empty(len(encoded), 3)
    model.eval()
    t0 = time.time()
    with torch.no_grad():
        order = sorted(range(n_cached), key=lambda i: len(cache["ids"][i]))
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            x, mask = _upper_batch(cache, idx)
            probs[torch.tensor(idx)] = torch.softmax(
                model.pool(model.encode(None, mask, FROZEN, None, x), mask), 1)
        rest = sorted(range(n_cached, len(encoded)), key=lambda i: len(encoded[i]))
        for k in range(0, len(rest), batch):
            idx = rest[k:k + batch]
            ids, mask = _pad([prefixed(tok, encoded[i]) for i in idx])
            probs[torch.tensor(idx)] = torch.softmax(model(ids, mask), 1)
            if (k // batch) % 50 == 0:
                print(f"teacher labels {k}/{len(rest)} {time.time() - t0:.0f}s", flush=True)
    return probs


def main():
    global FROZEN
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--sst2", type=int, default=4000, help="SST-2 phrases in the fine-tune")
    ap.add_argument("--synthetic", type=int, default=12000)
    ap.add_argument("--phrases", type=int, default=0,
                    help="further SST-2 phrases in the transfer set (labelled, not fine-tuned on)")
    ap.add_argument("--other-forms", type=int, default=0,
                    help="1: also label each sst3 row in its other form (PTB / detokenised)")
    ap.add_argument("--ckpt-every", type=int, default=100)
    ap.add_argument("--frozen", type=int, default=10,
                    help="layers kept frozen (their output cached); the ones above are fine-tuned")
    ap.add_argument("--limit", type=int, default=0,
                    help="smoke test: only this many fine-tune rows (own cache file names)")
    ap.add_argument("--out", required=True, help="the transfer set: [(student ids, probs)]")
    args = ap.parse_args()
    torch.set_num_threads(1)  # OpenBLAS runs the big matmuls on both cores
    FROZEN = args.frozen
    t_start = time.time()
    tok = BertTokenizer(data.VOCAB)
    fixtures = data3.fixture_sentences()
    rows = fine_tune_rows(args.seed, fixtures, args.sst2)
    tag = str(args.seed) + ("" if args.frozen == 10 else f"-frozen{args.frozen}")
    if args.limit:
        rows = random.Random(args.seed).sample(rows, args.limit)
        tag += f"-limit{args.limit}"
    print(f"teacher fine-tune rows {len(rows)}", flush=True)
    onnx_path = pretrained.onnx_file(pretrained.E5)
    model = minilm.from_onnx(onnx_path, labels=3)
    cache = lower_cache(model, tok, rows,
                        os.path.join(pretrained.CACHE, f"teacher3-lower-{tag}-{len(rows)}.pt"))
    print(f"stage lower layers done {time.time() - t_start:.0f}s", flush=True)
    path = os.path.join(pretrained.CACHE, f"teacher3-{tag}.pt")
    if not os.path.exists(path):
        fine_tune(model, cache, rows, path, args.seed, args.epochs, args.lr, args.batch,
                  args.ckpt_every)
    model.load_state_dict(torch.load(path))
    model.eval()
    print(f"stage fine-tune done {time.time() - t_start:.0f}s", flush=True)
    sets = data3.eval_sets(tok, MAX_LENGTH)
    if args.limit:
        sets = {k: (enc[:50], kind) for k, (enc, kind) in sets.items()}
    # The main dev sets only (printed, chooses nothing): a 12-layer pass costs ~70 texts/s here.
    print(f"teacher dev: {data3.scores(Prefixed(model, tok), sets, ['tweets', 'sst3', 'sst2'])}",
          flush=True)

    transfer = augment3.transfer_texts(rows, args.synthetic, args.seed, fixtures,
                                       args.phrases if not args.limit else 100,
                                       args.other_forms and not args.limit)
    encoded = [tok.encode(t, max_length=MAX_LENGTH) for t in transfer]
    probs = label(model, tok, encoded, cache)
    out = [(ids, p) for ids, p in zip(encoded, probs.tolist())]
    torch.save(out, args.out + ".tmp")
    os.replace(args.out + ".tmp", args.out)
    print(f"stage labels done: {len(out)} texts {time.time() - t_start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
