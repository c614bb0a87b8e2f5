"""The sentiment network: one MiniLM encoder pass per sentence, two heads on its states.

- the **sentence head** reads the mean of the sentence's token states (the pooling MiniLM
  was pre-trained with) and gives negative / neutral / positive;
- the **target head** reads, for each target span, the mean of the span's token states next
  to the sentence mean, so every target of a sentence is scored from the same pass — a
  sentence naming small caps, IWM and the Magnificent Seven costs one pass, not four.
  With ``config.target_pooling == "attention"`` it also reads a context vector of its own:
  the sentence's token states weighted by their match with a query built from the span,
  so two targets of one headline ("Acme rose, Bolt fell") look at different words.
  With ``"window"`` it also reads the means of the few tokens just before and just after
  the span (:func:`nlp.sentiment.encoding.context_masks`), where a headline says what
  happened to that entity. Folders saved without the setting are the plain ``"mean"`` layout.

The pooled sentence vector is also the sentence embedding other stages use (the
check-worthiness head), which is why it is part of the output.

A ``transformers`` ``PreTrainedModel``: ``save_pretrained`` / ``from_pretrained`` folders as
usual; ``config.json`` names the architecture and the labels.
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import BertConfig, BertModel, BertPreTrainedModel

TARGET_POOLINGS = ("mean", "attention", "window")


def masked_mean(states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean of ``states`` (…, T, H) over the positions where ``mask`` (…, T) is 1."""
    mask = mask.to(states.dtype).unsqueeze(-1)
    return (states * mask).sum(-2) / mask.sum(-2).clamp(min=1.0)


class TargetSentimentNetwork(BertPreTrainedModel):
    config_class = BertConfig
    base_model_prefix = "bert"

    def __init__(self, config: BertConfig) -> None:
        super().__init__(config)
        self.bert = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        labels = config.num_labels
        hidden = config.hidden_size
        self.target_pooling = getattr(config, "target_pooling", "mean")
        if self.target_pooling not in TARGET_POOLINGS:
            raise ValueError(f"target_pooling {self.target_pooling!r}: one of {', '.join(TARGET_POOLINGS)}")
        self.sentence_head = nn.Linear(hidden, labels)
        parts = 2
        if self.target_pooling == "attention":
            self.target_query = nn.Linear(2 * hidden, hidden)
            parts = 3
        elif self.target_pooling == "window":
            parts = 4
        self.target_head = nn.Sequential(nn.Linear(parts * hidden, hidden), nn.GELU(),
                                         nn.Dropout(config.hidden_dropout_prob),
                                         nn.Linear(hidden, labels))
        self.post_init()

    def encode(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    def sentence_logits(self, pooled: torch.Tensor) -> torch.Tensor:
        return self.sentence_head(self.dropout(pooled))

    def target_logits(self, states: torch.Tensor, pooled: torch.Tensor, rows: torch.Tensor,
                      span_masks: torch.Tensor, attention_mask: torch.Tensor,
                      context_masks: torch.Tensor | None = None) -> torch.Tensor:
        """``rows[k]`` is the batch row of target k, ``span_masks[k]`` its tokens and
        ``context_masks[k]`` (2, T) the tokens around them."""
        spans = masked_mean(states[rows], span_masks)
        features = [spans, pooled[rows]]
        if self.target_pooling == "window":
            if context_masks is None:
                raise ValueError("a window target head needs the context masks of its targets")
            features.append(masked_mean(states[rows].unsqueeze(1), context_masks).flatten(1))
        if self.target_pooling == "attention":
            query = self.target_query(torch.cat(features, dim=-1))
            scores = torch.einsum("kth,kh->kt", states[rows], query) / self.config.hidden_size ** 0.5
            scores = scores.masked_fill(attention_mask[rows] == 0, torch.finfo(scores.dtype).min)
            weights = torch.softmax(scores, dim=-1)
            features.append(torch.einsum("kt,kth->kh", weights, states[rows]))
        return self.target_head(self.dropout(torch.cat(features, dim=-1)))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, rows: torch.Tensor | None = None,
                span_masks: torch.Tensor | None = None,
                context_masks: torch.Tensor | None = None) -> dict[str, torch.Tensor]:
        states = self.encode(input_ids, attention_mask)
        pooled = masked_mean(states, attention_mask)
        out = {"pooled": pooled, "sentence_logits": self.sentence_logits(pooled)}
        if rows is not None and span_masks is not None and len(rows):
            out["target_logits"] = self.target_logits(states, pooled, rows, span_masks, attention_mask,
                                                      context_masks)
        return out
