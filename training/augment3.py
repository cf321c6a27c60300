"""The 3.x transfer set: the texts the teacher labels and the students learn from.

In this order (teacher3.label relies on the first part being the fine-tune rows, in order):
  1. every fine-tune row (sst3 train, tweeteval train-from-test, the sampled SST-2 phrases);
  2. optionally each sst3 row in its other form (PTB-tokenised vs detokenised);
  3. optionally `n_phrases` more SST-2 train phrases (raw or detokenised at random);
  4. `n_synthetic` synthetic texts, 75 % from tweets and 25 % from sst3 sentences, as in
     augment.py (after Tang et al. 2019): words masked or replaced by random words of the same
     source, random 1-5-word spans, two texts joined by "but"/"and"/...
Every text equal (data3.normalise) to a public evaluation fixture sentence is dropped, the
synthetic ones included, and the count is printed. Train files only; never dev.
"""
import random

import data
import data3
from detok import detokenize

JOINS = [" , but ", " but ", " and ", " . ", " ; ", " , although ", " , yet ", " so "]


def _synthetic(texts, n, rng, mask_token="[MASK]"):
    long_ones = [t for t in texts if len(t.split()) >= 4] or texts
    vocab = [w for t in texts for w in t.split()]
    out = []
    while len(out) < n:
        kind = rng.random()
        if kind < 0.15:
            w = (rng.choice(texts).strip() + rng.choice(JOINS) + rng.choice(texts)).split()
        else:
            w = rng.choice(long_ones if kind < 0.8 else texts).split()
        w = [mask_token if (r := rng.random()) < 0.1 else rng.choice(vocab) if r < 0.2 else x
             for x in w]
        if rng.random() < 0.2 and len(w) > 1:  # an n-gram span, n in 1..5
            k = rng.randint(1, min(5, len(w)))
            a = rng.randrange(len(w) - k + 1)
            w = w[a:a + k]
        out.append(" ".join(w) + " ")
    return out


def transfer_texts(rows, n_synthetic, seed, fixtures, n_phrases=0, other_forms=False):
    rng = random.Random(seed + 1)
    texts = [t for t, _, _ in rows]
    used = set(texts)
    sst3 = [t for t, y in data3.read_three(data3.SST3_TRAIN)]
    other = [t if detokenize(t) in used else detokenize(t) for t in sst3] if other_forms else []
    tweets = [t for t, _ in data3.read_three(data3.TWEETS_TRAIN)]
    phrases = sorted({t for t, _ in data.read_tsv(data.TRAIN)} - used)
    phrases = [detokenize(t) if rng.random() < 0.5 else t
               for t in rng.sample(phrases, min(n_phrases, len(phrases)))]
    n_tw = int(0.75 * n_synthetic)
    synth = _synthetic(tweets, n_tw, rng) + [
        detokenize(t) if rng.random() < 0.5 else t for t in _synthetic(sst3, n_synthetic - n_tw, rng)]
    extra = [t for t in other + phrases + synth if t not in used]
    kept = [t for t in extra if data3.normalise(t) not in fixtures]
    print(f"fixture filter: transfer texts beyond the fine-tune rows: dropped "
          f"{len(extra) - len(kept)} of {len(extra)}", flush=True)
    return texts + kept
