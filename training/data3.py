"""Three-class data (NEGATIVE / NEUTRAL / POSITIVE) for the 3.x model: reading, the public
evaluation fixtures that training must never see, evaluation sets and metrics.

Label indices: 0 NEGATIVE, 1 NEUTRAL, 2 POSITIVE (the model's `id2label`). The binary SST-2 rows
keep 0/1 and are marked PARTIAL: they say which of NEGATIVE/POSITIVE, nothing about NEUTRAL.
"""
import csv
import glob
import html
import json
import os
import re

import torch

import data
from detok import detokenize

LABELS = ["NEGATIVE", "NEUTRAL", "POSITIVE"]
SHARED = "../shared/data"
SST3_TRAIN = f"{SHARED}/sst3/train.tsv"
SST3_DEV = f"{SHARED}/sst3/dev.tsv"
TWEETS_TRAIN = f"{SHARED}/tweeteval/train-from-test.tsv"
TWEETS_DEV = f"{SHARED}/tweeteval/dev.tsv"
FIXTURES = "training/cache/fixtures"  # npm pack sentiment@5.0.2 / wink-sentiment, unpacked


def read_three(path):
    """(text, label index) rows of a 3-class TSV (tab-split, no quoting; sst3 has `fine`)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header[:2] == ["sentence", "label"], header
        for r in reader:
            assert len(r) == len(header), r
            rows.append((r[0], LABELS.index(r[1])))
    return rows


_U_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def decode_tweeteval_dev(text):
    """TweetEval dev (SemEval 2016) is ASCII with literal `\\u2019` escapes, HTML entities and
    CSV-style doubled quotes; the test-derived tweets (and real comments) are plain UTF-8.
    This gives dev the form of the others (used for the dev numbers; raw dev is printed too)."""
    t = _U_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    t = html.unescape(t).replace('\\""', '"').replace('""', '"')
    s = t.strip()
    if len(s) > 1 and s[0] == '"' and s[-1] == '"' and s.count('"') == 2:
        t = s[1:-1] + " "
    return t


# ---------------------------------------------------------------- evaluation fixtures

def normalise(text):
    """What "equal" means for the fixture filter: lowercase, PTB tokenisation undone, only
    letters and digits, single spaces."""
    t = detokenize(text.lower()).replace("n't", " not")
    return " ".join(re.findall(r"[^\W_]+", t))


def fixture_sentences():
    """Sentences of the public evaluation sets shipped as test data in npm `sentiment@5.0.2`
    (UCI Yelp / Amazon / IMDB, test/fixtures/*.json) and `wink-sentiment` (UCI Amazon,
    test/data/amazon_cells_labelled.txt), normalised. Fetched by fetch_fixtures()."""
    fetch_fixtures()
    out = set()
    for path in sorted(glob.glob(f"{FIXTURES}/sentiment/test/fixtures/*.json")):
        with open(path, encoding="utf-8") as f:
            items = json.load(f)
        if isinstance(items, list) and items and isinstance(items[0], dict) and "text" in items[0]:
            out.update(normalise(x["text"]) for x in items)
    with open(f"{FIXTURES}/wink/test/data/amazon_cells_labelled.txt", encoding="utf-8") as f:
        out.update(normalise(line.rsplit("\t", 1)[0]) for line in f if line.strip())
    out.discard("")
    return out


def fetch_fixtures():
    """npm pack into training/cache and unpack (the npm registry is reachable; nothing kept in
    the repo). Tarballs are checked against the npm registry's sha512 integrity by npm."""
    import subprocess
    import tarfile
    cache = os.path.dirname(FIXTURES)
    os.makedirs(cache, exist_ok=True)  # a fresh clone has no training/cache yet
    for pkg, name in (("sentiment@5.0.2", "sentiment"), ("wink-sentiment@5.0.2", "wink")):
        if os.path.isdir(f"{FIXTURES}/{name}"):
            continue
        tgz = os.path.join(cache, pkg.replace("@", "-") + ".tgz")
        if not os.path.exists(tgz):
            subprocess.run(["npm", "pack", "--silent", pkg], cwd=cache, check=True)
        with tarfile.open(tgz) as tar:
            tmp = f"{FIXTURES}/.{name}"
            tar.extractall(tmp)
            os.rename(f"{tmp}/package", f"{FIXTURES}/{name}")
            os.rmdir(tmp)


def drop_fixtures(rows, fixtures, what):
    """Rows whose text is not (normalised) a fixture sentence; prints how many were dropped."""
    kept = [r for r in rows if normalise(r[0]) not in fixtures]
    print(f"fixture filter: {what}: dropped {len(rows) - len(kept)} of {len(rows)}", flush=True)
    return kept, len(rows) - len(kept)


# ---------------------------------------------------------------- evaluation

def eval_sets(tok, max_length=128):
    """Dev sets, encoded: name -> (encoded rows, kind) with kind "three" (labels 0/1/2) or
    "binary" (0 NEGATIVE / 1 POSITIVE, judged by P(POSITIVE) vs P(NEGATIVE))."""
    tweets = read_three(TWEETS_DEV)
    decoded = [(decode_tweeteval_dev(t), y) for t, y in tweets]
    sst3 = read_three(SST3_DEV)
    sst2 = data.read_tsv(data.DEV)
    sets = {
        "tweets": (decoded, "three"),
        "tweets_raw": (tweets, "three"),
        "sst3": (sst3, "three"),
        "sst3_detok": ([(detokenize(t), y) for t, y in sst3], "three"),
        "sst2": (sst2, "binary"),
        "sst2_detok": ([(detokenize(t), y) for t, y in sst2], "binary"),
        "tweets_bin": ([(t, y // 2) for t, y in decoded if y != 1], "binary"),
        "natural": (data.read_tsv(data.NATURAL), "binary"),
    }
    return {k: ([(tok.encode(t, max_length=max_length), y) for t, y in rows], kind)
            for k, (rows, kind) in sets.items()}


def logits_of(model, encoded, batch_size=256):
    model.eval()
    out = []
    with torch.no_grad():
        for ids, mask, _ in data.batches(encoded, batch_size, shuffle=False):
            out.append(model(ids, mask))
    return torch.cat(out)


def metrics(logits, labels, kind):
    """three: (macro recall, accuracy); binary: accuracy of P(POSITIVE) > P(NEGATIVE) (for a
    2-label model: column 1 vs 0)."""
    y = torch.tensor(labels)
    if kind == "binary":
        pos = logits[:, -1] > logits[:, 0]
        return ((pos.long() == y).float().mean().item(),)
    pred = logits.argmax(1)
    recalls = [(pred[y == c] == c).float().mean().item() for c in range(3)]
    return sum(recalls) / 3, (pred == y).float().mean().item()


def scores(model, sets, names=None):
    parts = []
    for name, (enc, kind) in sets.items():
        if names and name not in names:
            continue
        m = metrics(logits_of(model, enc), [y for _, y in enc], kind)
        parts.append(f"{name} " + ("{:.4f}".format(m[0]) if kind == "binary"
                                   else "mR {:.4f} acc {:.4f}".format(*m)))
    return " | ".join(parts)


def ece(probs, labels, bins=15):
    """Expected calibration error of the top-class probability (equal-width bins)."""
    conf, pred = probs.max(1)
    correct = (pred == torch.tensor(labels)).float()
    total = 0.0
    for b in range(bins):
        sel = (conf > b / bins) & (conf <= (b + 1) / bins)
        if sel.any():
            total += sel.float().mean().item() * abs(conf[sel].mean().item()
                                                      - correct[sel].mean().item())
    return total


def fit_temperature(logits, labels):
    """T minimising the NLL of softmax(logits / T) (a 1-D search on log T)."""
    y = torch.tensor(labels)
    best = None
    for k in range(-150, 151):
        t = 10 ** (k / 300)  # 0.316 .. 3.16
        nll = torch.nn.functional.cross_entropy(logits / t, y).item()
        if best is None or nll < best[1]:
            best = (t, nll)
    return best[0]
