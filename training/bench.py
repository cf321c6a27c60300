"""Python-side latency/throughput of the exported TorchScript model (tokenization excluded).

  /usr/bin/python3 training/bench.py --model models/sentiment-en-sst2

Single text: one dev sentence of ~20 tokens, p50/p90 of N forward calls.
Throughput: dev sentences sorted by length (as a length-grouping server batches them), padded
per batch to the batch's longest, texts/s at each batch size, per torch thread count.
"""
import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before torch loads; see train.py
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402


def pad(seqs):
    T = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), T, dtype=torch.long)
    for r, s in enumerate(seqs):
        ids[r, :len(s)] = torch.tensor(s)
    return ids, (ids != 0).long()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="models/sentiment-en-sst2")
    ap.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = ap.parse_args()
    torch.set_grad_enabled(False)
    model = torch.jit.load(os.path.join(args.model, "model.pt"))
    model.eval()
    tok = BertTokenizer(data.VOCAB)
    dev = [tok.encode(t, max_length=128) for t, _ in data.read_tsv(data.DEV)]
    one = next(s for s in dev if len(s) == 22)  # ~20 word pieces + [CLS] [SEP]
    dev.sort(key=len)
    mean = sum(map(len, dev)) / len(dev)
    print(f"dev mean length {mean:.1f} tokens; single text {len(one)} tokens")
    for threads in (1, 2):
        torch.set_num_threads(threads)
        ids, mask = pad([one])
        for _ in range(50):
            model(ids, mask)
        times = []
        t_end = time.time() + args.seconds
        while time.time() < t_end:
            t = time.perf_counter()
            model(ids, mask)
            times.append(time.perf_counter() - t)
        times.sort()
        print(f"threads={threads} single text: p50 {1e3 * statistics.median(times):.3f} ms, "
              f"p90 {1e3 * times[int(0.9 * len(times))]:.3f} ms ({len(times)} calls)")
        for bs in (1, 8, 32, 64, 128):
            batches = [pad(dev[i:i + bs]) for i in range(0, len(dev) - bs + 1, bs)]
            model(*batches[0])
            n, t0 = 0, time.time()
            while time.time() - t0 < args.seconds:
                for ids, mask in batches:
                    model(ids, mask)
                    n += ids.size(0)
            print(f"threads={threads} batch {bs:3d}: {n / (time.time() - t0):8.0f} texts/s")


if __name__ == "__main__":
    main()
