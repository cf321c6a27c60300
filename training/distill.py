"""Transfer set for distilling the teacher ensemble into one small student.

The student learns the teacher's soft P(positive) on the train rows and on extra unlabeled text
made from the train sentences only (nothing from dev): random contiguous spans, copies with a
few words dropped or replaced by [UNK], each in raw SST and detokenised form. More inputs near
the data make the student copy the teacher's function rather than the few hard labels.
"""
import random

from detok import detokenize


def whole_sentences(rows):
    """Rows that are not contained in a longer row (the SST train sentences, roughly)."""
    texts = sorted({t.strip() for t, _ in rows}, key=len, reverse=True)
    inner = set()
    for t in texts:
        w = t.split()
        if len(w) >= 4:
            inner.update(" ".join(w[i:j]) for i in range(len(w))
                         for j in range(i + 2, len(w) + 1) if j - i < len(w))
    return [t for t in texts if len(t.split()) >= 4 and t not in inner]


def synthetic_texts(rows, n, seed):
    rng = random.Random(seed)
    sents = whole_sentences(rows)
    out = []
    while len(out) < n:
        w = rng.choice(sents).split()
        kind = rng.random()
        if kind < 0.5:  # random span
            a = rng.randrange(len(w))
            b = rng.randrange(a + 1, len(w) + 1)
            w = w[a:b]
        elif kind < 0.8:  # drop words
            w = [x for x in w if rng.random() > 0.15] or w[:1]
        else:  # unknown words
            w = [("[UNK]" if rng.random() < 0.1 else x) for x in w]
        text = " ".join(w) + " "
        out.append(detokenize(text) if rng.random() < 0.5 else text)
    return out
