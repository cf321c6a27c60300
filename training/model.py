"""The small student encoders over BERT WordPiece ids, TorchScript-friendly.

All models take (input_ids, attention_mask) int64 [B, T] and return logits [B, labels] (2 for
the binary 2.x model, 3 for 3.x); each gets
its embedding module (`ProjectedEmbedding` while it learns the projection, `TableEmbedding`
once folded) from the caller, so students can share one table.
Padding independence (same output alone or batched with padding) comes from:
  * every padded position of the embedding output is zeroed,
  * pooling only over positions with attention_mask == 1,
  * recurrent layers run on the per-sequence reversed input for the backward direction,
    so padding always comes after the real tokens in both directions.
"""
from typing import List

import torch
from torch import nn


def masked_max(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Max over time (dim 1) of valid positions only. x [B, T, C], mask [B, T]."""
    return x.masked_fill(mask.unsqueeze(-1) == 0, -1e4).max(dim=1)[0]


def masked_mean(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask.unsqueeze(-1).to(torch.float32)
    return (x * m).sum(1) / m.sum(1).clamp(min=1.0)


def reverse_valid(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Reverses each sequence's first `length` steps, leaving padding at the end. x [B, T, C]."""
    T = x.size(1)
    t = torch.arange(T, device=x.device).unsqueeze(0)
    L = lengths.unsqueeze(1)
    idx = torch.where(t < L, L - 1 - t, t)
    return x.gather(1, idx.unsqueeze(-1).expand(-1, -1, x.size(2)))


class CNNClassifier(nn.Module):
    """Kim-style CNN: parallel convolutions, ReLU, masked max-pool over time."""

    def __init__(self, embed, dim=128, widths=(3, 4, 5), filters=100, dropout=0.5, labels=2):
        super().__init__()
        self.embed = embed
        self.convs = nn.ModuleList([nn.Conv1d(dim, filters, w, padding=w // 2) for w in widths])
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(filters * len(widths), labels)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        T = input_ids.size(1)
        x = self.embed(input_ids, attention_mask).transpose(1, 2)  # [B, E, T]
        feats: List[torch.Tensor] = []
        for conv in self.convs:
            h = torch.relu(conv(x))[:, :, :T].transpose(1, 2)  # even widths give T+1 outputs
            feats.append(masked_max(h, attention_mask))
        return self.out(self.drop(torch.cat(feats, 1)))


class BiRNNClassifier(nn.Module):
    """Bidirectional GRU/LSTM (two unidirectional layers), masked max+mean pooling."""

    def __init__(self, embed, dim=128, hidden=64, cell="gru", dropout=0.5, emb_dropout=0.2,
                 labels=2):
        super().__init__()
        self.embed = embed
        rnn = nn.GRU if cell == "gru" else nn.LSTM
        self.fwd = rnn(dim, hidden, batch_first=True)
        self.bwd = rnn(dim, hidden, batch_first=True)
        self.emb_drop = nn.Dropout(emb_dropout)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(4 * hidden, labels)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        x = self.emb_drop(self.embed(input_ids, attention_mask))
        lengths = attention_mask.sum(1)
        hf, _ = self.fwd(x)
        hb, _ = self.bwd(reverse_valid(x, lengths))  # pooled below, so no need to un-reverse
        h = torch.cat([hf, hb], 2)
        pooled = torch.cat([masked_max(h, attention_mask), masked_mean(h, attention_mask)], 1)
        return self.out(self.drop(pooled))


class Ensemble(nn.Module):
    """Average of member log-probabilities, returned as logits (softmax gives the mean)."""

    def __init__(self, members: List[nn.Module]):
        super().__init__()
        self.members = nn.ModuleList(members)
        self.labels = members[0].out.out_features

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        total = torch.zeros(input_ids.size(0), self.labels)
        for m in self.members:
            total = total + torch.log_softmax(m(input_ids, attention_mask), dim=1)
        return total / float(len(self.members))


def build(arch, embed, **kw):
    if arch == "cnn":
        return CNNClassifier(embed, **kw)
    if arch in ("gru", "lstm"):
        return BiRNNClassifier(embed, cell=arch, **kw)
    raise ValueError(arch)


class ProjectedEmbedding(nn.Module):
    """Training-time embedding: a frozen pretrained table [V, 384] and a learned projection.

    `fold()` turns it into a `TableEmbedding` with the projected table, which is what ships.
    """

    def __init__(self, pretrained: torch.Tensor, dim: int):
        super().__init__()
        self.register_buffer("table", pretrained.clone())
        self.proj = nn.Linear(pretrained.size(1), dim)

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.proj(self.table[input_ids]) * mask.unsqueeze(-1).to(torch.float32)

    def fold(self):
        with torch.no_grad():
            return TableEmbedding(self.proj(self.table))


class TableEmbedding(nn.Module):
    """A fixed [V, D] table over the whole BERT vocabulary; padded positions are zero."""

    def __init__(self, table: torch.Tensor):
        super().__init__()
        self.register_buffer("table", table.clone())

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.table[input_ids] * mask.unsqueeze(-1).to(torch.float32)
