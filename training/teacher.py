"""Fine-tunes the MiniLM teacher on SST-2 train (see training/README.md).

  /usr/bin/python3 training/teacher.py --seed 13 --out training/cache/transfer-13-300000.pt

train.py runs it in its own process (OpenBLAS needs two threads here, one in the student).
The fine-tuned teacher is cached as training/cache/teacher-SEED.pt. Prints dev accuracy (raw
and detokenised) and natural.tsv accuracy after each epoch (printed only: nothing is chosen
by it).
"""
import argparse
import os
import random
import sys
import time

# Big matmuls here: let OpenBLAS use both cores and keep torch's own pool at one thread.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import augment  # noqa: E402
import data  # noqa: E402
import minilm  # noqa: E402
import pretrained  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402


def fine_tune(onnx_path, out, seed=13, epochs=2, lr=5e-5, batch=32):
    """Fine-tunes the encoder and a new head on SST-2 train; saves the state dict to `out`."""
    random.seed(seed)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    tok = BertTokenizer(data.VOCAB)
    train = data.encode_rows(tok, data.augment(data.read_tsv(data.TRAIN)), 128)
    eval_sets = data.eval_sets(tok)

    model = minilm.from_onnx(onnx_path)
    # The word-piece table stays as pretrained: it is what covers words SST-2 never shows
    # (the student starts from it too), and updating its 11.7 M entries densely every step
    # would cost more than the encoder.
    model.word.weight.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(train) + batch - 1) // batch)
    warm = steps // 16
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    loss_fn = torch.nn.CrossEntropyLoss()
    t0, step = time.time(), 0
    for epoch in range(epochs):
        model.train()
        for ids, mask, y in data.batches(train, batch, shuffle=True, rng=rng):
            loss = loss_fn(model(ids, mask), y.long())
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 500 == 0:
                print(f"teacher step {step}/{steps} loss {loss.item():.3f} "
                      f"{time.time() - t0:.0f}s", flush=True)
        print(f"teacher epoch {epoch + 1}: {data.scores(model, eval_sets)} "
              f"{time.time() - t0:.0f}s", flush=True)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    torch.save(model.state_dict(), out)
    print(f"teacher saved to {out}")


def fine_tuned(onnx_path, seed=13, epochs=2):
    """The fine-tuned teacher in eval mode; fine-tunes it first unless
    training/cache/teacher-SEED.pt exists."""
    path = os.path.join(pretrained.CACHE, f"teacher-{seed}.pt")
    if not os.path.exists(path):
        fine_tune(onnx_path, path, seed, epochs)
    model = minilm.from_onnx(onnx_path)
    model.load_state_dict(torch.load(path))
    return model.eval()


def label(model, encoded):
    """Teacher P(positive) for each encoded text (~6,000 tokens/s on two cores)."""
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))  # little padding
    t0, out = time.time(), []
    with torch.no_grad():
        batches = data.batches([encoded[i] for i in order], 256, shuffle=False)
        for k, (ids, mask, _) in enumerate(batches):
            out.append(torch.softmax(model(ids, mask), 1)[:, 1])
            if k % 200 == 0:
                print(f"teacher labels {k * 256}/{len(encoded)} {time.time() - t0:.0f}s",
                      flush=True)
    probs = torch.empty(len(encoded))
    probs[torch.tensor(order)] = torch.cat(out)
    return probs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=300000)
    ap.add_argument("--out", required=True,
                    help="where to save the transfer set: (word-piece ids, teacher P(positive))")
    args = ap.parse_args()
    torch.set_num_threads(1)  # OpenBLAS runs the big matmuls on both cores
    model = fine_tuned(pretrained.minilm_onnx(), args.seed, args.epochs)
    tok = BertTokenizer(data.VOCAB)
    transfer = augment.transfer_set(tok, data.read_tsv(data.TRAIN), args.synthetic, args.seed)
    probs = label(model, transfer).tolist()
    torch.save([(ids, p) for (ids, _), p in zip(transfer, probs)], args.out)


if __name__ == "__main__":
    main()
