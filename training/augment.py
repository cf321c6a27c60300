"""Unlabelled transfer text for distillation, made from the SST-2 train rows only (never dev).

Follows Tang et al., "Distilling Task-Specific Knowledge from BERT into Simple Neural Networks"
(2019): copies of train text with words masked or replaced, random n-gram spans, plus joins
of two texts ("x, but y"), each in raw SST or detokenised form. The teacher labels them; the
student learns the teacher's function on inputs near the data instead of the few hard labels.
"""
import random

import data
from detok import detokenize

JOINS = [" , but ", " but ", " and ", " . ", " ; ", " , although ", " , yet "]


def synthetic_texts(rows, n, seed, mask_token="[MASK]"):
    rng = random.Random(seed)
    texts = sorted({t.strip() for t, _ in rows if t.strip()})
    long_ones = [t for t in texts if len(t.split()) >= 4]
    vocab = [w for t in texts for w in t.split()]  # unigram distribution for replacements
    out = []
    while len(out) < n:
        kind = rng.random()
        if kind < 0.1:
            w = (rng.choice(texts) + rng.choice(JOINS) + rng.choice(texts)).split()
        else:
            w = rng.choice(long_ones if kind < 0.7 else texts).split()
        w = [mask_token if (r := rng.random()) < 0.1 else rng.choice(vocab) if r < 0.2 else x
             for x in w]
        if rng.random() < 0.25 and len(w) > 1:  # an n-gram span, n in 1..5
            k = rng.randint(1, min(5, len(w)))
            a = rng.randrange(len(w) - k + 1)
            w = w[a:a + k]
        text = " ".join(w) + " "
        out.append(detokenize(text) if rng.random() < 0.5 else text)
    return out


def transfer_set(tok, rows, n_synthetic, seed, max_length=128):
    """Train rows (raw and detokenised) then `n_synthetic` made-up texts, encoded; the same
    list for a seed."""
    texts = data.augment(rows) + [(t, 0) for t in synthetic_texts(rows, n_synthetic, seed)]
    return data.encode_rows(tok, texts, max_length)
