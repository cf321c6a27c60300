"""Exports the fine-tuned MiniLM teacher as a drop-in model directory, the way a user brings a
traced Hugging Face transformer: `model.pt` traced (not scripted) from `forward(input_ids,
attention_mask)`, the BERT uncased `tokenizer.json` the built-in model uses (same vocabulary), and
a `config.json` with `id2label` and `max_position_embeddings` only (no `max_length`, no
`padding_free`). It is never shipped: it exists to check the drop-in path and to benchmark the
service with a transformer, whose cost is the model's and grows with padding (docs/performance.md,
"A transformer dropped in").

  /usr/bin/python3 training/export_teacher.py --out /tmp/minilm-sst2

Fine-tunes the teacher first unless training/cache/teacher-SEED.pt exists (teacher.py, ~25 min).
"""
import argparse
import json
import os
import shutil
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import pretrained  # noqa: E402
import teacher  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402

BUILT_IN = "models/sentiment-en-sst2"


def trace(model):
    """Traces the model and checks the trace against eager PyTorch on other batch sizes and lengths,
    with padding (a trace that froze a shape would fail here, not in the service)."""
    gen = torch.Generator().manual_seed(0)
    ids = torch.randint(1000, 30000, (2, 9), generator=gen)
    traced = torch.jit.trace(model, (ids, torch.ones_like(ids)))
    worst = 0.0
    for batch, length in ((1, 3), (5, 40), (3, 512)):
        ids = torch.randint(1000, 30000, (batch, length), generator=gen)
        mask = torch.ones_like(ids)
        mask[0, length // 2:] = 0  # the first row padded
        ids = ids * mask
        with torch.no_grad():
            worst = max(worst, (traced(ids, mask) - model(ids, mask)).abs().max().item())
    assert worst < 1e-4, worst
    print(f"trace matches eager on other shapes: max |diff| {worst:.1e}")
    return traced


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", required=True, help="model directory to write")
    args = ap.parse_args()
    torch.set_num_threads(1)  # OpenBLAS runs the big matmuls on both cores
    model = teacher.fine_tuned(pretrained.minilm_onnx(), args.seed)
    traced = trace(model)
    tok = BertTokenizer(data.VOCAB)
    print(f"traced teacher: {data.scores(traced, data.eval_sets(tok))}")

    os.makedirs(args.out, exist_ok=True)
    traced.save(os.path.join(args.out, "model.pt"))
    shutil.copy(os.path.join(BUILT_IN, "tokenizer.json"), args.out)
    labels = {"0": "NEGATIVE", "1": "POSITIVE"}
    config = {
        "name": "minilm-l6-sst2",
        "version": f"teacher-{args.seed}",
        "architectures": ["BertForSequenceClassification (mean pooling)"],
        "model_type": "bert",
        "id2label": labels,
        "label2id": {v: int(k) for k, v in labels.items()},
        "max_position_embeddings": 512,
        "vocab_size": len(tok.vocab),
        "pad_token_id": 0,
    }
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
