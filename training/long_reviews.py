"""How should a long text's windows be combined? Measured on long reviews assembled from dev sentences.

  /usr/bin/python3 training/long_reviews.py [--docs 400] [--seeds 1 2 3] [--dump /tmp/long-docs.tsv]

Issue 24: `/analyze` used to read only the first 128 tokens. The service now splits a long text at
sentence boundaries into windows of at most 126 content tokens ([CLS] and [SEP] make 128), a
sentence longer than that at whitespace, classifies every window and combines the windows'
probabilities into the document's. This script measures which combination rule to ship.

Documents (binary verdict, NEGATIVE or POSITIVE, half each; 150-600 words; every design has
`--docs` documents per seed) are assembled from real sentences, never from anything the model was
trained on: SST-3 dev sentences (`../shared/data/sst3/dev.tsv`, with their fine 0-4 labels),
detokenised with detok.py and capitalised so they read like a review, and TweetEval dev tweets.
Sentences are joined by a space, with a paragraph break every 3-6 sentences. Designs:

  consistent     65% verdict-polarity sentences, 20% neutral, 15% the other polarity, shuffled;
                 half the documents end on a strongly polar (fine 0/4) verdict sentence.
  last_act       "mixed until the last act": a body of 40% positive, 40% negative, 20% neutral
                 sentences, then a closing 2-3 strongly polar sentences that carry the verdict.
  verdict_first  the mirror image: 1-2 strongly polar sentences open, then a mixed body as above.
  summary_heavy  mostly plot summary: 55% neutral, 30% verdict polarity, 15% the other polarity.
  tweets         a long post of TweetEval dev tweets: 60% verdict, 25% neutral, 15% other.

The windows are made exactly as the Java WindowPlanner makes them (plan() below): consecutive
sentences packed greedily while their token counts sum to at most the budget, the packed text then
counted again as a whole (it is never over for this WordPiece tokenizer), an over-long sentence cut
at whitespace. Sentence spans are the ones the document was assembled from; `--dump` writes the
documents with those spans so the Java splitter (BreakIterator) can be compared with them, and
`--spans` reads the splitter's spans back for the first seed, so that the windows are exactly the
service's.

Every window is classified alone by the shipped TorchScript model; the rules (RULES) then combine
the per-window probabilities. Reported per design: accuracy, and calibration of the combined
probability (ECE over 10 equal-width confidence bins, Brier score of P(POSITIVE), mean NLL, mean
confidence), and each rule's paired difference from the token-weighted mean. The chosen rule, the
normalised geometric mean with one vote per window (what WindowAggregation does), and why:
docs/long-texts.md. "whole" is not a rule but a reference: the whole document as one sequence, which this
GRU/CNN model can read past 128 tokens (a transformer could not).
"""
import argparse
import html
import math
import os
import random
import re
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before torch loads; see train.py
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bert_tokenizer import BertTokenizer  # noqa: E402
from detok import detokenize  # noqa: E402

SST3_DEV = "../shared/data/sst3/dev.tsv"
TWEET_DEV = "../shared/data/tweeteval/dev.tsv"
VOCAB = "../shared/data/vocab/bert-base-uncased-vocab.txt"
BUDGET = 126  # max_length 128 minus [CLS] and [SEP]
NEG, NEU, POS = "NEGATIVE", "NEUTRAL", "POSITIVE"


# ---------------------------------------------------------------- sentences

def _readable(text):
    """Capitalise the first letter and the pronoun "i": the model is uncased, but a sentence
    splitter is not (after a period it breaks before an upper-case letter, not before "the")."""
    text = re.sub(r"\bi\b", "I", text)
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
    return text


def _terminated(text):
    return text if re.search(r"[.!?][\"')\]]*$", text) else text + "."


def load_sst():
    """{label: [(sentence, fine)]} from SST-3 dev, detokenised and capitalised."""
    out = {NEG: [], NEU: [], POS: []}
    with open(SST3_DEV, encoding="utf-8") as f:
        assert f.readline().rstrip("\n").split("\t") == ["sentence", "label", "fine"]
        for line in f:
            text, label, fine = line.rstrip("\n").split("\t")
            text = text.replace("-lrb-", "(").replace("-rrb-", ")").replace("\\/", "/")
            out[label].append((_terminated(_readable(detokenize(text))), int(fine)))
    return out


def load_tweets():
    """{label: [(tweet, fine)]} from TweetEval dev, its escapes undone; fine is 0/2/4."""
    out = {NEG: [], NEU: [], POS: []}
    fine = {NEG: 0, NEU: 2, POS: 4}
    with open(TWEET_DEV, encoding="utf-8") as f:
        f.readline()
        for line in f:
            text, label = line.rstrip("\n").rsplit("\t", 1)
            text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
            text = html.unescape(text).strip().replace('\\""', '"').replace('""', '"')
            if len(text) > 1 and text[0] == '"' and text[-1] == '"':
                text = text[1:-1].strip()
            if text:
                out[label].append((_terminated(text), fine[label]))
    return out


# ---------------------------------------------------------------- documents

def _pick(rng, pool, label, strong=False):
    items = pool[label]
    if strong:
        items = [s for s in items if s[1] in (0, 4)] or items
    return rng.choice(items)[0]


def _mix(rng, pool, n, weights):
    labels = rng.choices([NEG, NEU, POS], weights=weights, k=n)
    return [_pick(rng, pool, lab) for lab in labels]


def design_sentences(design, rng, pool, verdict):
    other = NEG if verdict == POS else POS
    n = rng.randint(8, 28)
    if design in ("consistent", "summary_heavy", "tweets"):
        share = {"consistent": (0.65, 0.20, 0.15), "summary_heavy": (0.30, 0.55, 0.15),
                 "tweets": (0.60, 0.25, 0.15)}[design]
        by = {verdict: share[0], NEU: share[1], other: share[2]}
        body = _mix(rng, pool, n, [by[NEG], by[NEU], by[POS]])
        if design != "tweets" and rng.random() < 0.5:
            body[-1] = _pick(rng, pool, verdict, strong=True)
        return body
    close = [_pick(rng, pool, verdict, strong=True) for _ in range(rng.randint(2, 3)
                                                                   if design == "last_act"
                                                                   else rng.randint(1, 2))]
    body = _mix(rng, pool, max(n - len(close), 3), [0.4, 0.2, 0.4])
    return body + close if design == "last_act" else close + body


def assemble(rng, sentences):
    """The document text and each sentence's [start, end) in it."""
    parts, spans, pos, until_break = [], [], 0, rng.randint(3, 6)
    for i, s in enumerate(sentences):
        if i:
            until_break -= 1
            sep = "\n\n" if until_break == 0 else " "
            if until_break == 0:
                until_break = rng.randint(3, 6)
            parts.append(sep)
            pos += len(sep)
        spans.append((pos, pos + len(s)))
        parts.append(s)
        pos += len(s)
    return "".join(parts), spans


def make_docs(design, n, seed, sst, tweets):
    rng = random.Random(f"{design}-{seed}")
    pool = tweets if design == "tweets" else sst
    docs = []
    while len(docs) < n:
        verdict = POS if len(docs) % 2 else NEG
        text, spans = assemble(rng, design_sentences(design, rng, pool, verdict))
        if 150 <= len(text.split()) <= 600:
            docs.append((text, spans, 1 if verdict == POS else 0))
    return docs


# ---------------------------------------------------------------- windows (as WindowPlanner)

def _pieces(text, start, end, count, budget):
    """An over-long sentence cut at whitespace into pieces of at most budget tokens (SST has no
    word longer than the budget; the Java planner also cuts such a word by characters)."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    out, i = [], 0
    while i < len(words):
        j, total = i, 0
        while j < len(words):
            c = count(text[words[j][0]:words[j][1]])
            if j > i and total + c > budget:
                break
            total, j = total + c, j + 1
        while j - i > 1 and count(text[words[i][0]:words[j - 1][1]]) > budget:
            j -= 1
        out.append((words[i][0], words[j - 1][1]))
        i = j
    return out


def plan(text, spans, count, budget=BUDGET):
    """Windows as [start, end) spans: consecutive sentences packed while their counts sum to at
    most budget, the packed text counted again and shortened by a sentence while it is over."""
    counts = [count(text[s:e]) for s, e in spans]
    out, i = [], 0
    while i < len(spans):
        if counts[i] > budget:
            out.extend(_pieces(text, spans[i][0], spans[i][1], count, budget))
            i += 1
            continue
        j, total = i, 0
        while j < len(spans) and counts[j] <= budget and total + counts[j] <= budget:
            total, j = total + counts[j], j + 1
        while j - i > 1 and count(text[spans[i][0]:spans[j - 1][1]]) > budget:
            j -= 1
        out.append((spans[i][0], spans[j - 1][1]))
        i = j
    return out


# ---------------------------------------------------------------- rules
# Each takes (P, T): P a [windows, labels] tensor of probabilities, T the windows' content
# token counts, and returns the document's probability vector. All work for any label count.

def _weighted(P, w):
    w = w / w.sum()
    return (P * w[:, None]).sum(0)


def _geometric(P, w):
    logp = (P.clamp_min(1e-12).log() * (w / w.sum())[:, None]).sum(0)
    return torch.softmax(logp, 0)


def _ramp(n, top=2.0):
    return torch.linspace(1.0, top, n) if n > 1 else torch.ones(1)


def _margin(P):
    return (P.max(1).values - 1.0 / P.size(1)).clamp_min(1e-6)


RULES = {
    "first window (today)": lambda P, T: P[0],
    "last window": lambda P, T: P[-1],
    "max-confidence window": lambda P, T: P[P.max(1).values.argmax()],
    "mean": lambda P, T: P.mean(0),
    "token-weighted mean": lambda P, T: _weighted(P, T),
    "token-weighted geometric": lambda P, T: _geometric(P, T),
    "geometric (unweighted)": lambda P, T: _geometric(P, torch.ones_like(T)),
    "sqrt-token-weighted mean": lambda P, T: _weighted(P, T.sqrt()),
    "sqrt-token-weighted geometric": lambda P, T: _geometric(P, T.sqrt()),
    "token x position ramp 1..2": lambda P, T: _weighted(P, T * _ramp(len(T))),
    "token-weighted, last x2": lambda P, T: _weighted(
        P, T * torch.cat([torch.ones(len(T) - 1), torch.tensor([2.0])])),
    "token x margin": lambda P, T: _weighted(P, T * _margin(P)),
    "token x margin, geometric": lambda P, T: _geometric(P, T * _margin(P)),
}


def binary(p):
    """A three-label document probability judged as the verdict is: P(NEGATIVE) against
    P(POSITIVE), renormalised (the evaluation command's rule for binary sets)."""
    return p if p.numel() == 2 else torch.stack([p[0], p[2]]) / (p[0] + p[2])


def metrics(probs, gold):
    """accuracy, ECE (10 bins of confidence), Brier of P(POSITIVE), NLL, mean confidence; with a
    three-label model, of the documents' P(NEGATIVE) against P(POSITIVE)."""
    probs = torch.stack([binary(p) for p in probs])
    gold = torch.tensor(gold)
    conf, pred = probs.max(1)
    correct = (pred == gold).float()
    ece = 0.0
    for b in range(10):
        lo, hi = 0.5 + 0.05 * b, 0.5 + 0.05 * (b + 1)
        m = (conf > lo) & (conf <= hi) if b else (conf >= lo) & (conf <= hi)
        if m.any():
            ece += m.float().mean().item() * abs(correct[m].mean().item() - conf[m].mean().item())
    brier = ((probs[:, 1] - gold.float()) ** 2).mean().item()
    nll = -probs[torch.arange(len(gold)), gold].clamp_min(1e-12).log().mean().item()
    return correct.mean().item(), ece, brier, nll, conf.mean().item()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="models/sentiment-en-sst2")
    ap.add_argument("--docs", type=int, default=400, help="documents per design and seed")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--budget", type=int, default=BUDGET,
                    help="content tokens per window (default: the model's 126); smaller windows"
                         " are faster for a recurrent model, whose pass is sequential in length")
    ap.add_argument("--dump", help="write the documents (first seed) with their sentence spans here")
    ap.add_argument("--spans", help="sentence spans for the first seed's documents, one line each "
                    "(design, text length, start:end ...), e.g. SentenceSplitter's; "
                    "used instead of the assembled ones")
    args = ap.parse_args()
    torch.set_grad_enabled(False)
    torch.set_num_threads(1)
    model = torch.jit.load(os.path.join(args.model, "model.pt")).eval()
    tok = BertTokenizer(VOCAB)
    cls_id, sep_id = tok.cls_id, tok.sep_id

    def count(s):
        return len(tok.encode(s, add_special_tokens=False))

    def classify(texts):
        ids = [[cls_id] + tok.encode(t, add_special_tokens=False) + [sep_id] for t in texts]
        T = max(map(len, ids))
        x = torch.zeros(len(ids), T, dtype=torch.long)
        for r, s in enumerate(ids):
            x[r, :len(s)] = torch.tensor(s)
        return torch.softmax(model(x, (x != 0).long()), 1)

    sst, tweets = load_sst(), load_tweets()
    designs = ["consistent", "last_act", "verdict_first", "summary_heavy", "tweets"]
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    given = {}  # design -> [(text length, spans)] in document order
    if args.spans:
        with open(args.spans, encoding="utf-8") as f:
            for line in f:
                design, length, *spans = line.rstrip("\n").split("\t")
                given.setdefault(design, []).append((int(length), [
                    tuple(map(int, sp.split(":"))) for sp in (spans[0].split() if spans else [])]))
    results = {}  # (design, rule) -> (probs, gold)
    last_tokens = {}  # design -> the last window's token count, per document
    for design in designs:
        words, windows, tokens = [], [], []
        for seed in args.seeds:
            for d, (text, spans, gold) in enumerate(make_docs(design, args.docs, seed, sst, tweets)):
                if given and seed == args.seeds[0]:
                    length, spans = given[design][d]
                    assert length == len(text), "the spans are for other documents"
                if dump and seed == args.seeds[0]:
                    flat = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                    dump.write(f"{design}\t{gold}\t{' '.join(f'{s}:{e}' for s, e in spans)}\t"
                               f"{flat}\n")
                wins = plan(text, spans, count, args.budget)
                texts = [text[s:e] for s, e in wins]
                T = torch.tensor([float(count(t)) for t in texts])
                assert T.max() <= args.budget
                P = classify(texts)
                words.append(len(text.split()))
                windows.append(len(wins))
                tokens.append(T.sum().item())
                last_tokens.setdefault(design, []).append(T[-1].item())
                for name, rule in RULES.items():
                    pr, gl = results.setdefault((design, name), ([], []))
                    pr.append(rule(P, T))
                    gl.append(gold)
                # Reference only: the whole document as one sequence (this model has no 128 limit).
                whole = torch.tensor([[cls_id] + tok.encode(text, add_special_tokens=False)
                                      + [sep_id]])
                pr, gl = results.setdefault((design, "whole (reference)"), ([], []))
                pr.append(torch.softmax(model(whole, torch.ones_like(whole)), 1)[0])
                gl.append(gold)
        n = len(words)
        print(f"{design}: {n} docs, words {min(words)}-{max(words)} (mean {sum(words) / n:.0f}), "
              f"windows {min(windows)}-{max(windows)} (mean {sum(windows) / n:.2f}), "
              f"content tokens mean {sum(tokens) / n:.0f}", flush=True)
    if dump:
        dump.close()

    names = list(RULES) + ["whole (reference)"]
    print("\naccuracy (binary verdict; every design balanced)\n")
    print(f"| rule | {' | '.join(designs)} | mean | worst |")
    print("|---" * (len(designs) + 3) + "|")
    table = {}
    for name in names:
        accs = [metrics(*results[(d, name)])[0] for d in designs]
        table[name] = accs
        print(f"| {name} | " + " | ".join(f"{a:.4f}" for a in accs)
              + f" | {sum(accs) / len(accs):.4f} | {min(accs):.4f} |")
    base = "token-weighted mean"
    print(f"\npaired difference in accuracy from {base} (+- one standard error)\n")
    print(f"| rule | {' | '.join(designs)} |")
    print("|---" * (len(designs) + 1) + "|")
    for name in names:
        cells = []
        for d in designs:
            right = [metrics([p], [g])[0] for p, g in zip(*results[(d, name)])]
            ref = [metrics([p], [g])[0] for p, g in zip(*results[(d, base)])]
            diff = [a - b for a, b in zip(right, ref)]
            m = sum(diff) / len(diff)
            var = sum((x - m) ** 2 for x in diff) / (len(diff) - 1)
            cells.append(f"{m:+.4f} +- {math.sqrt(var / len(diff)):.4f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    short = [(d, i) for d in designs for i, t in enumerate(last_tokens[d]) if t < 40]
    print(f"\nlast window under 40 tokens in {len(short)} of {sum(map(len, last_tokens.values()))} "
          "documents; accuracy on those / on the rest:")
    for name in ("mean", base, "last window"):
        def acc(keep):
            pairs = [(results[(d, name)][0][i], results[(d, name)][1][i])
                     for d in designs for i in range(len(last_tokens[d])) if keep((d, i))]
            return metrics(*zip(*pairs))[0] if pairs else float("nan")
        s = set(short)
        print(f"  {name}: {acc(lambda k: k in s):.4f} / {acc(lambda k: k not in s):.4f}")
    print("\ncalibration, all designs pooled: ECE (10 bins), Brier, NLL, mean confidence, accuracy\n")
    print("| rule | ECE | Brier | NLL | mean conf | accuracy |")
    print("|---|---|---|---|---|---|")
    for name in names:
        pr = [p for d in designs for p in results[(d, name)][0]]
        gl = [g for d in designs for g in results[(d, name)][1]]
        acc, ece, brier, nll, conf = metrics(pr, gl)
        print(f"| {name} | {ece:.4f} | {brier:.4f} | {nll:.4f} | {conf:.4f} | {acc:.4f} |")
    n = len(args.seeds) * args.docs
    print(f"\n{n} documents per design; one standard error of an accuracy near 0.9 is "
          f"{math.sqrt(0.9 * 0.1 / n):.4f}")


if __name__ == "__main__":
    main()
