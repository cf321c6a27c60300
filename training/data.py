"""SST-2 loading, PTB-detokenised augmentation, padded batches and evaluation."""
import torch

from detok import detokenize

TRAIN = "../shared/data/sst2/train.tsv"
DEV = "../shared/data/sst2/dev.tsv"
VOCAB = "../shared/data/vocab/bert-base-uncased-vocab.txt"
NATURAL = "training/natural.tsv"


def read_tsv(path):
    """(text, label) pairs; no quoting, so split on the last tab."""
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["sentence", "label"], header
        for line in f:
            text, label = line.rstrip("\n").rsplit("\t", 1)
            rows.append((text, int(label)))
    return rows


def augment(rows):
    """Each row as raw SST text and, when different, detokenised natural text."""
    out = []
    for text, label in rows:
        out.append((text, label))
        d = detokenize(text)
        if d != text.strip():
            out.append((d, label))
    return out


def encode_rows(tok, rows, max_length):
    return [(tok.encode(t, max_length=max_length), y) for t, y in rows]


def batches(encoded, batch_size, shuffle, rng=None):
    """Yields (ids, mask, labels) batches; sorted by length within chunks to limit padding."""
    order = list(range(len(encoded)))
    if shuffle:
        rng.shuffle(order)
        chunk = batch_size * 50
        order = [i for s in range(0, len(order), chunk)
                 for i in sorted(order[s:s + chunk], key=lambda i: len(encoded[i][0]))]
        starts = list(range(0, len(order), batch_size))
        rng.shuffle(starts)
    else:
        starts = list(range(0, len(order), batch_size))
    for s in starts:
        idx = order[s:s + batch_size]
        T = max(len(encoded[i][0]) for i in idx)
        ids = torch.zeros(len(idx), T, dtype=torch.long)
        for r, i in enumerate(idx):
            ids[r, :len(encoded[i][0])] = torch.tensor(encoded[i][0])
        labels = torch.tensor([encoded[i][1] for i in idx], dtype=torch.float32)
        yield ids, (ids != 0).long(), labels


def predict(model, encoded, batch_size=256):
    """P(positive) per encoded text, in order."""
    model.eval()
    probs = []
    with torch.no_grad():
        for ids, mask, _ in batches(encoded, batch_size, shuffle=False):
            probs.append(torch.softmax(model(ids, mask), 1)[:, 1])
    return torch.cat(probs)


def accuracy(model, encoded):
    y = torch.tensor([label for _, label in encoded])
    return ((predict(model, encoded) > 0.5).long() == y).float().mean().item()


def eval_sets(tok, max_length=128):
    """What every stage reports on: SST-2 dev raw and detokenised, and natural.tsv, encoded."""
    dev = read_tsv(DEV)
    return {"dev": encode_rows(tok, dev, max_length),
            "detok": encode_rows(tok, [(detokenize(t), y) for t, y in dev], max_length),
            "natural": encode_rows(tok, read_tsv(NATURAL), max_length)}


def scores(model, sets):
    """Accuracy on each evaluation set, as one line (printed only: it chooses nothing)."""
    return " ".join(f"{name} {accuracy(model, enc):.4f}" for name, enc in sets.items())
