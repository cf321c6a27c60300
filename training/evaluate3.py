"""Dev numbers of an exported model directory, in the terms of the 3.x targets.

  /usr/bin/python3 training/evaluate3.py models/sentiment-en [models/sentiment-en-sst2 ...]

Three-class sets: macro-averaged recall (mR) and accuracy; binary sets: accuracy of
P(POSITIVE) > P(NEGATIVE). tweets = TweetEval dev with its escapes decoded (data3), tweets_raw
as in the file, tweets_bin its non-neutral rows; sst3 = sst3 dev (PTB form) and detokenised;
sst2 = SST-2 dev; natural = training/natural.tsv. For a three-label model also the expected
calibration error (15 bins) of the probabilities as exported.
"""
import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import data3  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402


def main():
    torch.set_num_threads(2)
    tok = BertTokenizer(data.VOCAB)
    sets = data3.eval_sets(tok)
    for path in sys.argv[1:]:
        model = torch.jit.load(os.path.join(path, "model.pt")).eval()
        with open(os.path.join(path, "config.json")) as f:
            n = len(json.load(f)["id2label"])
        for name, (enc, kind) in sets.items():
            if kind == "three" and n != 3:
                continue
            lg = data3.logits_of(model, enc)
            ys = [y for _, y in enc]
            m = data3.metrics(lg, ys, kind)
            line = (f"{m[0]:.4f}" if kind == "binary" else f"mR {m[0]:.4f} acc {m[1]:.4f}")
            if kind == "three":
                pred = lg.argmax(1)
                y = torch.tensor(ys)
                rec = [(pred[y == c] == c).float().mean().item() for c in range(3)]
                line += " recall N/U/P " + "/".join(f"{r:.3f}" for r in rec)
                line += f" ECE {data3.ece(torch.softmax(lg, 1), ys):.4f}"
            print(f"{path} {name} ({len(enc)}): {line}", flush=True)


if __name__ == "__main__":
    main()
