"""Export: TorchScript model.pt, tokenizer.json, config.json, plus self-checks."""
import json
import os

import torch

from bert_tokenizer import write_tokenizer_json
from packed import ARCHITECTURE, PackedEnsemble


def _architecture(model):
    if isinstance(model, PackedEnsemble):
        return ARCHITECTURE
    names = [type(m).__name__ for m in getattr(model, "members", [model])]
    return ("Ensemble[" + ",".join(names) + "]") if len(names) > 1 else names[0]


def check_padding(scripted, encoded, max_length):
    """Each sequence alone must give the same logits as inside a padded batch."""
    seqs = [ids for ids, _ in encoded[:64]] + [[101, 102], [101, 2204, 102]]
    T = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), T, dtype=torch.long)
    for r, s in enumerate(seqs):
        ids[r, :len(s)] = torch.tensor(s)
    batched = scripted(ids, (ids != 0).long())
    worst = 0.0
    for r, s in enumerate(seqs):
        alone = scripted(torch.tensor([s]), torch.ones(1, len(s), dtype=torch.long))
        worst = max(worst, (alone[0] - batched[r]).abs().max().item())
    # also pad everything to max_length
    full = torch.zeros(len(seqs), max_length, dtype=torch.long)
    full[:, :T] = ids
    worst = max(worst, (scripted(full, (full != 0).long()) - batched).abs().max().item())
    return worst


def export(model, tok, out_dir, max_length, config_extra, dev_encoded):
    os.makedirs(out_dir, exist_ok=True)
    model.eval()
    scripted = torch.jit.script(model)
    path = os.path.join(out_dir, "model.pt")
    scripted.save(path)
    loaded = torch.jit.load(path)
    with torch.no_grad():
        worst = check_padding(loaded, dev_encoded, max_length)
        ids = torch.tensor([dev_encoded[0][0]])
        diff = (loaded(ids, torch.ones_like(ids)) - model(ids, torch.ones_like(ids))).abs().max()
    print(f"export: padding invariance max |diff| {worst:.2e}; scripted vs eager {diff:.2e}")
    assert worst < 1e-4 and diff < 1e-4
    write_tokenizer_json(tok, os.path.join(out_dir, "tokenizer.json"))
    # The shared word-piece table is a buffer (trained through a projection, then folded).
    n_params = sum(p.numel() for p in model.parameters()) + sum(
        b.numel() for b in model.buffers() if b.is_floating_point())
    labels = config_extra.get("labels", ["NEGATIVE", "POSITIVE"])
    config = {
        "name": config_extra.get("name", "sentiment-en-sst2"),
        "version": config_extra.get("version", "1.0.0"),
        "architectures": [_architecture(model)],
        "model_type": "wordpiece-" + config_extra["members"].replace(",", "-") + "-classifier",
        "id2label": {str(i): name for i, name in enumerate(labels)},
        "label2id": {name: i for i, name in enumerate(labels)},
        "max_length": max_length,
        "padding_free": isinstance(model, PackedEnsemble),
        "vocab_size": len(tok.vocab),
        "pad_token_id": tok.pad_id,
        "num_parameters": n_params,
        "training_seed": config_extra["seed"],
        "inputs": "input_ids, attention_mask: int64 [B, T], [CLS] text [SEP], right-padded with 0",
        "outputs": f"logits float32 [B, {len(labels)}]; softmax gives "
                   + ", ".join(f"P({name})" for name in labels),
    }
    config.update(config_extra.get("config", {}))
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    sizes = {n: os.path.getsize(os.path.join(out_dir, n)) for n in sorted(os.listdir(out_dir))}
    print(f"export: {out_dir} params {n_params:,} sizes {sizes} total {sum(sizes.values()):,} B")
