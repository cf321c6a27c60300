"""The shipped form of the BiGRU + CNN ensemble: the same weights and results, no work on padding.

`model.Ensemble` computes every position of a padded [B, T] batch. Requests arrive in any
order, so a micro-batch is padded to its longest text and both members paid for every padded
position: on SST-2 dev in arrival order the model ran 1.5-2x slower than on length-sorted
batches. `PackedEnsemble` computes the same function over the real tokens only:

  * the CNN runs once over all sequences laid end to end with two zero columns between
    neighbours (the widest kernel reaches two positions either side, so nothing crosses a
    boundary), its three widths fused into one 5-tap kernel, then max-pools per sequence;
  * the BiGRU runs over the real tokens only (time-major, longest sequences first, so the
    sequences still running at step t are the first ones), the backward direction over each
    sequence's own reversal, exactly as `torch.nn.GRU` does for a `PackedSequence`, and pools
    per sequence over its own steps.

Since 2.2.0 a small batch runs the BiGRU as a loop of its own rather than `torch.gru`: the
input projections of both directions are one matrix product over all tokens before the loop,
and each step advances both directions at once (one batched product for the hidden projections,
one set of gate operations). `torch.gru` runs the directions one after the other, two dozen
small operations per direction and step; for a few texts the cost of a pass is mostly those
operations, not arithmetic, so halving them makes a single text faster (model README, Latency).
For larger batches `torch.gru` stays: its operations are fewer per token there, and the loop's
time-major [T, 2, B] buffers hold padding that packed data does not.

Same interface as before: forward(input_ids, attention_mask) int64 [B, T], right-padded, mask 1
on real tokens; returns the members' mean log-probabilities [B, labels] (2 in 2.x, 3 in 3.x),
divided by `temperature` (3.x: fitted on dev for calibrated probabilities; 1.0, i.e. no
division at all, in 2.x).
"""
from typing import List

import torch
from torch import nn

# Up to this many texts the BiGRU runs as the loop below; above it, as `torch.gru` over packed
# data. Measured through DJL / libtorch 2.7.1: the loop is 13-17 % faster for one text and still
# ahead at 4 to 8; from about 25 texts on the two are within this machine's noise, and the loop's
# padded buffers grow with the batch, so larger batches keep `torch.gru`.
LOOP_MAX_BATCH = 8

# What `config.json` calls the architecture.
ARCHITECTURE = "PackedEnsemble[BiRNNClassifier,CNNClassifier]"

# The built-in model's version when 2.0.0's weights run through this forward pass (2.1.0 was the
# form before the loop); repack.py and train.py write it into `config.json`.
VERSION = "2.2.0"


class PackedEnsemble(nn.Module):
    def __init__(self, state: dict, temperature: float = 1.0):
        """From the state dict of `model.Ensemble([BiRNNClassifier(gru), CNNClassifier])`."""
        super().__init__()
        self.temperature = temperature
        self.register_buffer("table", state["members.0.embed.table"].clone())
        # Both directions side by side: [fwd; bwd] input weights for one product over all
        # tokens, and stacked hidden weights for one batched product per step. Gate order r, z, n.
        fwd = [state[f"members.0.fwd.{part}"] for part in _GRU_PARTS]
        bwd = [state[f"members.0.bwd.{part}"] for part in _GRU_PARTS]
        self.register_buffer("w_ih", torch.cat([fwd[0], bwd[0]], 0).t().contiguous())  # [E, 6H]
        self.register_buffer("b_ih", torch.cat([fwd[2], bwd[2]], 0).clone())  # [6H]
        self.register_buffer("w_hh", torch.stack([fwd[1].t(), bwd[1].t()]).contiguous())  # [2, H, 3H]
        self.register_buffer("b_hh", torch.stack([fwd[3], bwd[3]]).unsqueeze(1).clone())  # [2, 1, 3H]
        self.hidden = fwd[1].size(1)
        self.loop_max_batch = LOOP_MAX_BATCH
        # The same weights in the layout torch.gru takes, for batches above LOOP_MAX_BATCH.
        self.gru = nn.ParameterList([nn.Parameter(w.clone()) for w in fwd + bwd])
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
        if batch <= self.loop_max_batch:
            gru = self._gru_loop(emb, row, col, lengths, batch)
        else:
            gru = self._gru_packed(emb, row, col, lengths, batch)
        out = (torch.log_softmax(gru, 1) + torch.log_softmax(cnn, 1)) / 2.0
        if self.temperature != 1.0:
            out = out / self.temperature
        return out

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

    def _gru_loop(self, emb: torch.Tensor, row: torch.Tensor, col: torch.Tensor,
             lengths: torch.Tensor, batch: int) -> torch.Tensor:
        hidden = self.hidden
        order = lengths.argsort(descending=True)
        rank = torch.empty_like(order)
        rank[order] = torch.arange(batch)
        longest = int(lengths.max())
        steps = torch.arange(longest)
        running: List[int] = (lengths.unsqueeze(0) > steps.unsqueeze(1)).sum(1).tolist()
        # Input gates of every token for both directions, placed [step, direction, rank]: the
        # forward direction reads token t at step t, the backward one token length-1-t.
        projected = torch.addmm(self.b_ih, emb, self.w_ih)
        gates = torch.empty(longest, 2, batch, 3 * hidden)  # every slot read is written below
        at = rank[row]
        gates[col, 0, at] = projected[:, :3 * hidden]
        gates[lengths[row] - 1 - col, 1, at] = projected[:, 3 * hidden:]
        out = torch.zeros(longest, 2, batch, hidden)
        h = torch.zeros(2, batch, hidden)
        for t in range(longest):
            b = running[t]
            before = h.narrow(1, 0, b)
            recurrent = torch.baddbmm(self.b_hh, before, self.w_hh)
            given = gates[t].narrow(1, 0, b)
            rz = torch.sigmoid_(given.narrow(2, 0, 2 * hidden) + recurrent.narrow(2, 0, 2 * hidden))
            n = torch.tanh_(given.narrow(2, 2 * hidden, hidden)
                            + rz.narrow(2, 0, hidden) * recurrent.narrow(2, 2 * hidden, hidden))
            h = n + rz.narrow(2, hidden, hidden) * (before - n)
            out[t].narrow(1, 0, b).copy_(h)
        # Pooling is over each sequence's own steps; the order of steps does not matter to it.
        sorted_lengths = lengths[order]
        real = (steps.unsqueeze(1) < sorted_lengths.unsqueeze(0)).view(longest, 1, batch, 1)
        peak = out.masked_fill(~real, -1e30).amax(0)  # [2, B, H]
        mean = out.sum(0) / sorted_lengths.view(1, batch, 1).float()  # unwritten slots are 0
        pooled = torch.cat([peak[0], peak[1], mean[0], mean[1]], 1)[rank]
        return self.gru_out(pooled)

    def _gru_packed(self, emb: torch.Tensor, row: torch.Tensor, col: torch.Tensor,
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


_GRU_PARTS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def _linear(state: dict, prefix: str) -> nn.Linear:
    weight = state[prefix + ".weight"]
    layer = nn.Linear(weight.size(1), weight.size(0))
    with torch.no_grad():
        layer.weight.copy_(weight)
        layer.bias.copy_(state[prefix + ".bias"])
    return layer
