"""The shipped form of the BiGRU + CNN ensemble: the same weights and results, no work on padding.

`model.Ensemble` computes every position of a padded [B, T] batch. Requests arrive in any
order, so a micro-batch is padded to its longest text and both members paid for every padded
position: on SST-2 dev in arrival order the model ran 1.5-2x slower than on length-sorted
batches. `PackedEnsemble` computes the same function over the real tokens only:

  * the CNN runs once over all sequences laid end to end with two zero columns between
    neighbours (the widest kernel reaches two positions either side, so nothing crosses a
    boundary), its three widths fused into one 5-tap kernel, then max-pools per sequence;
  * the BiGRU runs on packed data (time-major, longest sequences first at each step), the
    backward direction over each sequence's own reversal, exactly as `torch.nn.GRU` does for a
    `PackedSequence`, and pools per sequence by scatter.

Same interface as before: forward(input_ids, attention_mask) int64 [B, T], right-padded, mask 1
on real tokens; returns the members' mean log-probabilities [B, 2].
"""
from typing import List

import torch
from torch import nn

# What `config.json` calls the architecture.
ARCHITECTURE = "PackedEnsemble[BiRNNClassifier,CNNClassifier]"


class PackedEnsemble(nn.Module):
    def __init__(self, state: dict):
        """From the state dict of `model.Ensemble([BiRNNClassifier(gru), CNNClassifier])`."""
        super().__init__()
        self.register_buffer("table", state["members.0.embed.table"].clone())
        weights = []
        for direction in ("fwd", "bwd"):
            for part in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
                weights.append(nn.Parameter(state[f"members.0.{direction}.{part}"].clone()))
        self.gru = nn.ParameterList(weights)  # the layout torch.gru expects, bidirectional
        self.hidden = state["members.0.fwd.weight_hh_l0"].size(1)
        self.gru_out = _linear(state, "members.0.out")
        # The CNN's kernels (widths 3, 4, 5 as trained), each padded by width // 2.
        kernels, biases = [], []
        while f"members.1.convs.{len(kernels)}.weight" in state:
            kernels.append(state[f"members.1.convs.{len(kernels)}.weight"])
            biases.append(state[f"members.1.convs.{len(biases)}.bias"])
        self.reach = max(k.size(2) for k in kernels) // 2  # the widest kernel's reach either side
        filters = kernels[0].size(0)
        kernel = torch.zeros(filters * len(kernels), self.table.size(1), 2 * self.reach + 1)
        for i, k in enumerate(kernels):
            # A width-w kernel padded by w // 2 covers offsets -(w // 2) .. w - 1 - w // 2.
            first = self.reach - k.size(2) // 2
            kernel[i * filters:(i + 1) * filters, :, first:first + k.size(2)] = k
        bias = torch.cat(biases)
        self.conv = nn.Conv1d(kernel.size(1), kernel.size(0), kernel.size(2))
        with torch.no_grad():
            self.conv.weight.copy_(kernel)
            self.conv.bias.copy_(bias)
        self.cnn_out = _linear(state, "members.1.out")

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        batch = input_ids.size(0)
        width = input_ids.size(1)
        lengths = attention_mask.sum(1)
        real = attention_mask.reshape(-1).nonzero().squeeze(1)  # real tokens, row by row
        emb = self.table[input_ids.reshape(-1)[real]]  # [N, E]
        row = torch.div(real, width, rounding_mode="floor")
        col = real - row * width
        cnn = self._cnn(emb, row, batch)
        gru = self._gru(emb, row, col, lengths, batch)
        return (torch.log_softmax(gru, 1) + torch.log_softmax(cnn, 1)) / 2.0

    def _cnn(self, emb: torch.Tensor, row: torch.Tensor, batch: int) -> torch.Tensor:
        tokens = emb.size(0)
        at = torch.arange(tokens) + self.reach * (row + 1)  # position in the gapped sequence
        gapped = torch.zeros(tokens + self.reach * (batch + 1), emb.size(1))
        gapped[at] = emb
        h = torch.relu(self.conv(gapped.t().unsqueeze(0)))[0].t()[at - self.reach]  # [N, filters]
        # ReLU outputs are >= 0 and every sequence has a token, so a zero start is exact.
        pooled = torch.zeros(batch, h.size(1)).scatter_reduce(
            0, row.unsqueeze(1).expand(-1, h.size(1)), h, "amax", include_self=True)
        return self.cnn_out(pooled)

    def _gru(self, emb: torch.Tensor, row: torch.Tensor, col: torch.Tensor,
             lengths: torch.Tensor, batch: int) -> torch.Tensor:
        order = lengths.argsort(descending=True)
        rank = torch.empty_like(order)
        rank[order] = torch.arange(batch)
        steps = torch.arange(int(lengths.max()))
        batch_sizes = (lengths.unsqueeze(0) > steps.unsqueeze(1)).sum(1)  # sequences at step t
        packed_at = (batch_sizes.cumsum(0) - batch_sizes)[col] + rank[row]
        data = torch.empty_like(emb)
        data[packed_at] = emb
        hx = torch.zeros(2, batch, self.hidden)
        weights: List[torch.Tensor] = [w for w in self.gru]
        out = torch.gru(data, batch_sizes, hx, weights, True, 1, 0.0, False, True)[0]
        seq = torch.empty_like(row)
        seq[packed_at] = row
        width = out.size(1)
        peak = torch.zeros(batch, width).scatter_reduce(
            0, seq.unsqueeze(1).expand(-1, width), out, "amax", include_self=False)
        mean = torch.zeros(batch, width).index_add_(0, seq, out) / lengths.unsqueeze(1).float()
        return self.gru_out(torch.cat([peak, mean], 1))


def _linear(state: dict, prefix: str) -> nn.Linear:
    weight = state[prefix + ".weight"]
    layer = nn.Linear(weight.size(1), weight.size(0))
    with torch.no_grad():
        layer.weight.copy_(weight)
        layer.bias.copy_(state[prefix + ".bias"])
    return layer
