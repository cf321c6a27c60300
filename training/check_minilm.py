"""Checks minilm.py against the ONNX graph itself, evaluated op by op with numpy.

  /usr/bin/python3 training/check_minilm.py          # all-MiniLM-L6-v2 (2.x teacher)
  /usr/bin/python3 training/check_minilm.py e5       # e5-small-v2 (3.x teacher, 12 layers)

Prints the largest difference of the last hidden state on a few sentences (expect ~1e-6).
Debian's python3-onnx 1.12 has no reference evaluator, hence the small one here, covering
exactly the operators of this graph.
"""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import minilm  # noqa: E402
import pretrained  # noqa: E402
from bert_tokenizer import BertTokenizer  # noqa: E402


def evaluate(model, feeds):
    """Runs the graph's nodes in order (ONNX keeps them topologically sorted)."""
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    for n in model.graph.node:
        a = {x.name: onnx.helper.get_attribute_value(x) for x in n.attribute}
        i = [env[x] if x else None for x in n.input]
        env[n.output[0]] = np.asarray(_op(n.op_type, a, i))
    return env[model.graph.output[0].name]


def _op(op, a, i):
    binary = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide,
              "Pow": np.power, "MatMul": np.matmul}
    if op in binary:
        return binary[op](i[0], i[1])
    if op == "Constant":
        return numpy_helper.to_array(a["value"])
    if op == "Sqrt":
        return np.sqrt(i[0])
    if op == "Erf":
        return torch.erf(torch.from_numpy(np.ascontiguousarray(i[0]))).numpy()
    if op == "Gather":
        return np.take(i[0], i[1], axis=a.get("axis", 0))
    if op == "Unsqueeze":
        r = i[0]
        for ax in sorted(a["axes"]):
            r = np.expand_dims(r, ax)
        return r
    if op == "Shape":
        return np.array(i[0].shape, dtype=np.int64)
    if op == "ReduceMean":
        return np.mean(i[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
    if op == "Concat":
        return np.concatenate([np.atleast_1d(x) for x in i], axis=a["axis"])
    if op == "Reshape":
        return i[0].reshape([d if d != 0 else i[0].shape[k] for k, d in enumerate(i[1])])
    if op == "Transpose":
        return np.transpose(i[0], a["perm"])
    if op == "Softmax":
        e = np.exp(i[0] - i[0].max(axis=a.get("axis", -1), keepdims=True))
        return e / e.sum(axis=a.get("axis", -1), keepdims=True)
    if op == "Cast":
        return i[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])
    if op == "Slice":
        sl = [slice(None)] * i[0].ndim
        for s, e, ax, st in zip(i[1], i[2], i[3], i[4]):
            sl[ax] = slice(int(s), int(min(e, 2**62)), int(st))
        return i[0][tuple(sl)]
    raise NotImplementedError(op)


def main():
    path = pretrained.onnx_file(pretrained.E5 if sys.argv[1:] == ["e5"] else pretrained.MINILM)
    tok = BertTokenizer(data.VOCAB)
    texts = ["I didn't expect to like it, but I loved it.", "not good at all",
             "a gorgeous, witty, seductive movie ."]
    enc = [tok.encode(t, max_length=128) for t in texts]
    ids = np.zeros((len(enc), max(map(len, enc))), np.int64)
    for r, e in enumerate(enc):
        ids[r, :len(e)] = e
    mask = (ids != 0).astype(np.int64)
    ref = evaluate(onnx.load(path), {"input_ids": ids, "attention_mask": mask,
                                     "token_type_ids": np.zeros_like(ids)})
    with torch.no_grad():
        ours = minilm.from_onnx(path).eval().encode(torch.from_numpy(ids), torch.from_numpy(mask))
    worst = np.abs(ours.numpy() - ref)[mask.astype(bool)].max()
    print(f"max |difference| on real tokens {worst:.2e} (values up to {np.abs(ref).max():.1f})")
    assert worst < 1e-4


if __name__ == "__main__":
    main()
