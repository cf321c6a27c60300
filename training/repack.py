"""Repacks an exported BiGRU + CNN ensemble (model 2.0.0's layout) into `PackedEnsemble`.

  /usr/bin/python3 training/repack.py ORIGINAL_MODEL_PT MODEL_DIR [VERSION]

Loads the original TorchScript file, builds `packed.PackedEnsemble` from its weights, checks
that both give the same log-probabilities on SST-2 dev in file order at several batch sizes
(and the same labels on every sentence) and that the packed one does not depend on padding,
then writes MODEL_DIR/model.pt and updates MODEL_DIR/config.json (version, architecture,
"padding_free": true). tokenizer.json is left as it is.
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import export  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402
from packed import ARCHITECTURE, VERSION, PackedEnsemble  # noqa: E402

BATCH_SIZES = (1, 2, 7, 16, 32, 64, 128)


def compare(original, packed, encoded):
    """Largest |difference| over file-order batches, and how many labels differ."""
    worst, flips = 0.0, 0
    for size in BATCH_SIZES:
        for ids, mask, _ in data.batches(encoded, size, shuffle=False):
            a, b = original(ids, mask), packed(ids, mask)
            worst = max(worst, (a - b).abs().max().item())
            flips += (a.argmax(1) != b.argmax(1)).sum().item()
    return worst, flips


def main():
    source, out_dir = sys.argv[1], sys.argv[2]
    version = sys.argv[3] if len(sys.argv) > 3 else VERSION
    torch.set_num_threads(1)
    original = torch.jit.load(source).eval()
    scripted = torch.jit.script(PackedEnsemble(original.state_dict()).eval())
    tok = BertTokenizer(data.VOCAB)
    dev = data.encode_rows(tok, data.read_tsv(data.DEV), 128)
    with torch.no_grad():
        worst, flips = compare(original, scripted, dev)
        padding = export.check_padding(scripted, dev, 128)
    print(f"repack: original vs packed max |diff| {worst:.2e}, labels changed {flips}; "
          f"padding invariance max |diff| {padding:.2e}")
    assert worst < 1e-5 and flips == 0 and padding < 1e-5
    path = os.path.join(out_dir, "model.pt")
    scripted.save(path)
    config_path = os.path.join(out_dir, "config.json")
    with open(config_path) as f:
        config = json.load(f)
    config.update(version=version, architectures=[ARCHITECTURE], padding_free=True)
    with open(config_path, "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    print(f"repack: wrote {path} ({os.path.getsize(path):,} B) and {config_path}")


if __name__ == "__main__":
    main()
