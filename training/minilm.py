"""The teacher: a 384-wide BERT over the same uncased WordPiece vocabulary, rebuilt in PyTorch
from the ONNX file that Maven Central ships in a langchain4j embeddings artifact (Apache 2.0),
plus a classification head: all-MiniLM-L6-v2 (6 layers, the 2.x teacher) or e5-small-v2 /
bge-small-en-v1.5 (12 layers, the 3.x teacher). The layer count is read from the ONNX file.
Used only to label training text for the student; never shipped.
"""
import math
import re

import torch
from torch import nn

LAYERS, WIDTH, HEADS, FFN = 6, 384, 12, 1536


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(WIDTH, WIDTH) for _ in range(4))
        self.ln1 = nn.LayerNorm(WIDTH, eps=1e-12)
        self.ff1, self.ff2 = nn.Linear(WIDTH, FFN), nn.Linear(FFN, WIDTH)
        self.ln2 = nn.LayerNorm(WIDTH, eps=1e-12)
        self.drop = nn.Dropout(0.1)

    def forward(self, x, bias):
        B, T, _ = x.shape

        def heads(t):
            return t.view(B, T, HEADS, WIDTH // HEADS).transpose(1, 2)

        scores = heads(self.q(x)) @ heads(self.k(x)).transpose(2, 3) / math.sqrt(WIDTH // HEADS)
        att = self.drop(torch.softmax(scores + bias, -1)) @ heads(self.v(x))
        x = self.ln1(x + self.drop(self.o(att.transpose(1, 2).reshape(B, T, WIDTH))))
        h = self.ff2(nn.functional.gelu(self.ff1(x)))
        return self.ln2(x + self.drop(h))


class MiniLM(nn.Module):
    """BERT encoder; `forward` returns logits from the mean of the last layer (as the
    sentence-transformers model pools), through a dropout and a linear head."""

    def __init__(self, vocab=30522, layers=LAYERS, labels=2):
        super().__init__()
        self.word = nn.Embedding(vocab, WIDTH)
        self.pos = nn.Embedding(512, WIDTH)
        self.token_type = nn.Embedding(2, WIDTH)
        self.ln = nn.LayerNorm(WIDTH, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(layers))
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(WIDTH, labels)

    def encode(self, ids, mask, start=0, stop=None, x=None):
        """Hidden states after layer `stop` (default: the last). With `start` > 0, `x` is the
        output of layer `start` - 1 (so the lower layers can be computed once and cached); with
        `start` 0 and `x` given, `x` is the embeddings' output (all 12 layers fine-tuned)."""
        if x is None:
            T = ids.size(1)
            x = self.word(ids) + self.pos.weight[:T] + self.token_type.weight[0]
            x = self.drop(self.ln(x))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for layer in self.layers[start:stop]:
            x = layer(x, bias)
        return x

    def pool(self, h, mask):
        m = mask.unsqueeze(-1).float()
        return self.head(self.drop((h * m).sum(1) / m.sum(1)))

    def forward(self, ids, mask):
        h = self.encode(ids, mask)
        m = mask.unsqueeze(-1).float()
        return self.head(self.drop((h * m).sum(1) / m.sum(1)))


def from_onnx(path, labels=2):
    """Loads the weights by the module paths the exporter left in the graph's node names; the
    head (`labels` outputs) starts at zero."""
    import onnx
    from onnx import numpy_helper

    g = onnx.load(path).graph
    w = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in g.initializer}
    layers = 1 + max(int(m.group(1)) for k in w
                     if (m := re.match(r"encoder\.layer\.(\d+)\.", k)))
    model = MiniLM(layers=layers, labels=labels)
    sd = {"word.weight": w["embeddings.word_embeddings.weight"],
          "pos.weight": w["embeddings.position_embeddings.weight"],
          "token_type.weight": w["embeddings.token_type_embeddings.weight"],
          "ln.weight": w["embeddings.LayerNorm.weight"], "ln.bias": w["embeddings.LayerNorm.bias"]}
    names = {"attention.self.query": "q", "attention.self.key": "k", "attention.self.value": "v",
             "attention.output.dense": "o", "intermediate.dense": "ff1", "output.dense": "ff2",
             "attention.output.LayerNorm": "ln1", "output.LayerNorm": "ln2"}
    for n in g.node:  # MatMul weights are anonymous initializers: find them through the node
        m = re.fullmatch(r"/encoder/layer\.(\d+)/(.+)/MatMul", n.name)
        if n.op_type == "MatMul" and m and n.input[1] in w:
            path_ = m.group(2).replace("/", ".")
            sd[f"layers.{m.group(1)}.{names[path_]}.weight"] = w[n.input[1]].t().contiguous()
    for key, t in w.items():
        m = re.fullmatch(r"encoder\.layer\.(\d+)\.(.+)\.(weight|bias)", key)
        if m:
            sd[f"layers.{m.group(1)}.{names[m.group(2)]}.{m.group(3)}"] = t
    sd["head.weight"] = torch.zeros(labels, WIDTH)
    sd["head.bias"] = torch.zeros(labels)
    missing = set(model.state_dict()) - set(sd)
    assert not missing, missing
    model.load_state_dict(sd)
    return model
