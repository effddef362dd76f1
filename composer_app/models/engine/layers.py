"""Network layers in numpy, float32: LSTM cells with TensorFlow's gate math, additive attention, dense layers.

The LSTM is TF's BasicLSTMCell (and LSTMBlockCell without peepholes or clipping, which computes the same):
the kernel maps [input, h] to four gate blocks in the order i, j, f, o, and 1.0 is added to the forget gate.
"""

from __future__ import annotations

import numpy as np

from composer_app.models.engine.parallel import matmul

FORGET_BIAS = np.float32(1.0)


def sigmoid(x: np.ndarray) -> np.ndarray:
    # The tanh form equals 1 / (1 + exp(-x)) but never overflows, whatever the pre-activation.
    return np.float32(0.5) * (np.tanh(np.float32(0.5) * x) + np.float32(1.0))


class OneHotInput:
    """A batch of inputs made of one-hot blocks and a few dense columns, as most event encodings are.

    Multiplying it by a kernel picks one row per block instead of multiplying by hundreds of zeros (Drums RNN's
    input is 512 one-hot columns wide). codes [rows, blocks]: the hot column of each block (-1: none);
    block_width: the columns per block, or one width per block (MusicVAE's trio reads blocks of 90, 90 and 512);
    tail [rows, k]: the dense columns after the blocks; head [rows, k]: dense columns before them (a conditional
    encoder's control block).
    """

    def __init__(self, codes: np.ndarray, block_width: int | tuple[int, ...], tail: np.ndarray,
                 head: np.ndarray | None = None):
        self.codes, self.block_width, self.tail = codes, block_width, tail
        self.head = np.zeros((codes.shape[0], 0), np.float32) if head is None else head
        blocks = codes.shape[1]
        widths = (block_width,) * blocks if isinstance(block_width, (int, np.integer)) else tuple(block_width)
        if len(widths) != blocks:
            raise ValueError(f"{len(widths)} block widths for {blocks} blocks")
        # The first column of each block after the head, then the end of the last block.
        self.offsets = np.concatenate([[0], np.cumsum(widths, dtype=np.int64)])

    @property
    def width(self) -> int:
        return self.head.shape[1] + int(self.offsets[-1]) + self.tail.shape[1]

    def dense(self) -> np.ndarray:
        rows, blocks = self.codes.shape
        out = np.zeros((rows, int(self.offsets[-1])), np.float32)
        valid = self.codes >= 0
        columns = self.codes + self.offsets[:-1]
        out[np.nonzero(valid)[0], columns[valid]] = 1.0
        return np.concatenate([self.head, out, self.tail], axis=1)

    def matmul(self, kernel: np.ndarray) -> np.ndarray:
        """self.dense() @ kernel[:width]."""
        first = self.head.shape[1]
        start = first + int(self.offsets[-1])
        blocks = range(self.codes.shape[1])
        if self.tail.shape[1] or first or not (self.codes[:, 0] >= 0).all():
            out = self.tail @ kernel[start: self.width]
            if first:
                out += self.head @ kernel[:first]
        else:  # one-hot only, as most event inputs are: start from the first block's rows (a step loop's hot path)
            out = kernel[self.offsets[0] + self.codes[:, 0]]
            blocks = blocks[1:]
        for b in blocks:
            codes = self.codes[:, b]
            if (codes >= 0).all():
                out += kernel[first + self.offsets[b] + codes]
                continue
            picked = kernel[first + self.offsets[b] + np.maximum(codes, 0)]
            out += np.where((codes >= 0)[:, None], picked, np.float32(0.0))
        return out


def matmul_rows(x, kernel: np.ndarray) -> np.ndarray:
    """x @ kernel[:x's width], for a dense batch or a OneHotInput."""
    if isinstance(x, OneHotInput):
        return x.matmul(kernel)
    return matmul(x, kernel[: x.shape[1]])


def input_width(x) -> int:
    return x.width if isinstance(x, OneHotInput) else x.shape[1]


def dense(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x @ kernel + bias."""
    out = matmul(x, kernel)
    out += bias
    return out


def lstm_cell(x, c: np.ndarray, h: np.ndarray, kernel: np.ndarray, bias: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM step for a batch (x dense or a OneHotInput): the new (c, h)."""
    # [x, h] @ kernel without building the concatenation: the kernel's rows are split instead.
    gates = matmul_rows(x, kernel)
    gates += matmul(h, kernel[input_width(x):])
    gates += bias
    return lstm_update(gates, c)


def lstm_update(gates: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The LSTM's new (c, h) from its gate pre-activations [batch, 4 * units] (i, j, f, o), bias included. The
    gates array is used as scratch."""
    units = c.shape[1]
    gates[:, 2 * units:3 * units] += FORGET_BIAS
    j = np.tanh(gates[:, units:2 * units])
    # sigmoid(x) = 0.5 * tanh(0.5 * x) + 0.5 (as sigmoid() computes it), for i, f and o in one pass over all four.
    s = np.tanh(gates * np.float32(0.5))
    s *= np.float32(0.5)
    s += np.float32(0.5)
    new_c = c * s[:, 2 * units:3 * units]
    new_c += s[:, :units] * j
    new_h = np.tanh(new_c)
    new_h *= s[:, 3 * units:]
    return new_c, new_h


def additive_attention(query: np.ndarray, history: np.ndarray, features: np.ndarray, attn_v: np.ndarray,
                       query_kernel: np.ndarray, query_bias: np.ndarray) -> np.ndarray:
    """Bahdanau attention over the last outputs, as tf.contrib.rnn.AttentionCellWrapper computes it.

    history [batch, length, size] and its features (history @ attn_w, [batch, length, vec]), kept beside it so
    that each output is projected once, not once per step it stays in the window; returns the weighted sum of
    history, [batch, size].
    """
    y = dense(query, query_kernel, query_bias)  # [batch, vec]
    hidden = features + y[:, None, :]
    np.tanh(hidden, out=hidden)  # in place: this is the engine's largest array per step
    scores = hidden @ attn_v  # [batch, length]
    weights = softmax(scores)
    return np.einsum("bl,bls->bs", weights, history)


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis."""
    shifted = x - x.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(x: np.ndarray) -> np.ndarray:
    """Log-softmax over the last axis, computed as TensorFlow does (shift by the max, subtract the log-sum)."""
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
