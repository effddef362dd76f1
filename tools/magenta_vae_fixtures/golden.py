"""Compute a tiny MusicVAE fixture's golden data with Magenta's own TrainedModel (runs only in the reference venv).

Usage: ``$ORACLE/venv/bin/python tools/magenta_vae_fixtures/golden.py NAME OUTDIR --work $WORK``
(after ``build_data.py``, the convert, train and tar commands of ``--commands NAME``). Writes OUTDIR/NAME.tar (copied
from the run), NAME_in{0,1,2}.mid and NAME.json in the format of ``shared/fixtures/magenta-vae/README.md`` plus the
extensions documented in ``tests/models/musicvae/data/magenta/README.md``.
"""

import argparse
import copy
import hashlib
import json
import shutil
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np
import tensorflow.compat.v1 as tf
from fixture_table import FIXTURES, commands
from inputs import pick
from magenta.common.nade import Nade
from magenta.models.music_vae import TrainedModel, configs

TEMPERATURE = 1e-4
BATCH = 5
RNN_STEPS = 32
TRIES = 50
OPTIMISER_ENTRY = ("Adam", "beta1_power", "beta2_power", "global_step")
TRIO_SPLIT = [90, 90, 512]


def f32(a):
    """float32 values as JSON numbers (each the exact double of the float32)."""
    return np.asarray(a, np.float32).tolist()


def notes_of(ns) -> list:
    """[pitch, velocity, start, end, is_drum, instrument, program], sorted by (start, instrument, pitch)."""
    rows = [[n.pitch, n.velocity, n.start_time, n.end_time, n.is_drum, n.instrument, n.program] for n in ns.notes]
    return sorted(rows, key=lambda r: (r[2], r[5], r[0]))


class NadeLogits:
    """The NADE's per-class logits along a given sampled path, with Magenta's own Nade ops and checkpoint weights."""

    def __init__(self, prefix: str, num_dims: int, num_hidden: int):
        self.graph = tf.Graph()
        with self.graph.as_default():
            nade = Nade(num_dims, num_hidden, name="decoder/nade")
            self.b_enc = tf.placeholder(tf.float32, [None, num_hidden])
            self.b_dec = tf.placeholder(tf.float32, [None, num_dims])
            self.bits = tf.placeholder(tf.float32, [None, num_dims])
            w_enc, w_dec = tf.unstack(nade.w_enc), tf.unstack(nade.w_dec_t)
            a, logits = self.b_enc, []
            # Same recurrence as Nade.sample: logit of class i from the bits already drawn for classes < i.
            for i in range(num_dims):
                _, logit = nade._cond_prob(a, w_dec[i], self.b_dec[:, i:i + 1])
                logits.append(logit)
                a = a + tf.matmul(self.bits[:, i:i + 1], w_enc[i])
            self.logits = tf.concat(logits, axis=1)
            self.sess = tf.Session()
            tf.train.Saver([nade.w_enc, nade.w_dec_t]).restore(self.sess, prefix)
        self.num_hidden = num_hidden

    def __call__(self, rnn_output: np.ndarray, bits: np.ndarray) -> np.ndarray:
        """rnn_output [..., hidden + dims] and sampled bits [..., dims] -> logits [..., dims]."""
        shape = bits.shape
        r = rnn_output.reshape(-1, rnn_output.shape[-1])
        feed = {self.b_enc: r[:, :self.num_hidden], self.b_dec: r[:, self.num_hidden:],
                self.bits: bits.reshape(-1, shape[-1])}
        return self.sess.run(self.logits, feed).reshape(shape)


class Golden:
    """Runs TrainedModel for one fixture and checks every stored sample is the T -> 0 (argmax) choice."""

    def __init__(self, name: str, tar: Path, prefix: str):
        self.name, self.fx = name, FIXTURES[name]
        self.config = copy.deepcopy(configs.CONFIG_MAP[self.fx.config])
        self.config.hparams.parse(self.fx.hparams)
        self.converter = copy.deepcopy(self.config.data_converter)
        self.converter.set_mode("infer")
        self.model = TrainedModel(self.config, batch_size=BATCH, checkpoint_dir_or_path=str(tar))
        self.length = self.config.hparams.max_seq_len
        self.controlled = self.converter.control_depth > 0
        self.split_rnn_output = self.unmerged_rnn_output() if self.fx.config.startswith("hierdec-trio") else None
        self.nade = None
        if self.fx.tensors == "multilabel":
            self.nade = NadeLogits(prefix, self.converter.output_depth, self.config.hparams.nade_num_hidden)

    def unmerged_rnn_output(self):
        """hierdec-trio's rnn_output, concatenated again from the core decoders' own outputs.

        Magenta's SplitMultiOutLstmDecoder merges its parts under an assertion that each part decoded max_seq_len
        (256) steps; under the hierarchical decoder each part decodes one bar (16), so fetching decoder_results fails
        (InvalidArgumentError "Variable length not supported by MultiOutCategoricalLstmDecoder"). The samples do not
        depend on the assertion. The same per-bar, per-part rnn_output tensors are concatenated here without it.
        """
        merged = self.model._decoder_results.rnn_output
        with merged.graph.as_default():
            bars = [tf.concat(list(bar.op.inputs)[:-1], axis=-1) for bar in list(merged.op.inputs)[:-1]]
            return tf.concat(bars, axis=1)

    def run_split(self, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One TrainedModel sampling run (its own placeholders and session) fetching the samples and rnn_output."""
        m = self.model
        feed = {m._temperature: TEMPERATURE, m._z_input: z, m._max_length: self.length}
        return m._sess.run([m._outputs, self.split_rnn_output], feed)

    def decisions(self, rnn_output: np.ndarray, samples: np.ndarray) -> tuple[bool, float, dict]:
        """Whether the samples are the argmax of these logits, the smallest margin, and per-part margins."""
        if self.fx.tensors == "groove":
            logits = rnn_output[..., :9]
            return bool(np.array_equal(samples[..., :9] > 0.5, logits > 0)), float(np.abs(logits).min()), {}
        if self.fx.tensors == "multilabel":
            logits = self.nade(rnn_output, samples)
            return bool(np.array_equal(samples > 0.5, logits > 0)), float(np.abs(logits).min()), {}
        ok, parts, edges = True, {}, np.cumsum([0] + TRIO_SPLIT)
        for k, part in enumerate(("melody", "bass", "drums")):
            lg, sm = rnn_output[..., edges[k]:edges[k + 1]], samples[..., edges[k]:edges[k + 1]]
            ok &= bool(np.array_equal(lg.argmax(-1), sm.argmax(-1)))
            top = np.sort(lg, axis=-1)
            parts[part] = float((top[..., -1] - top[..., -2]).min())
        return ok, min(parts.values()), parts

    def decode_checked(self, z: np.ndarray, c_input=None) -> tuple[np.ndarray, np.ndarray, float, dict]:
        """decode_to_tensors (full results, z padded to the batch) until every sample is the argmax."""
        padded = np.zeros([BATCH, z.shape[1]], np.float32)
        padded[:len(z)] = z
        for _ in range(TRIES):
            if self.split_rnn_output is None:
                res = self.model.decode_to_tensors(padded, self.length, TEMPERATURE, c_input, return_full_results=True)
                rnn_output, samples = res[1][:len(z)], res[2][:len(z)]
            else:
                samples, rnn_output = self.run_split(padded)
                samples, rnn_output = samples[:len(z)], rnn_output[:len(z)]
            ok, margin, parts = self.decisions(rnn_output, samples)
            if ok:
                return samples, rnn_output, margin, parts
        raise SystemExit(f"{self.name}: no argmax sample in {TRIES} tries")

    def notes_checked(self, samples: np.ndarray, decode_fn) -> tuple[list, bool]:
        """Notes of the argmax samples; True when TrainedModel's own decode gives the same notes (a few tries)."""
        want = [notes_of(ns) for ns in self.converter.from_tensors(samples)]
        for _ in range(10):
            if [notes_of(ns) for ns in decode_fn()] == want:
                return want, True
        return want, False

    def decode_all(self, z: np.ndarray, controls: list) -> dict:
        """decode / decode_tensors of the three z (controlled models: z[k] with the hits of input k)."""
        if not self.controlled:
            samples, rnn, margin, parts = self.decode_checked(z)
            notes, same = self.notes_checked(samples, lambda: self.model.decode(z, self.length, TEMPERATURE))
            return {"samples": samples, "rnn_z0": rnn[0], "margin": margin, "parts": parts, "notes": notes,
                    "same": same}
        runs = []
        for k in range(len(z)):
            c = controls[k].astype(np.float32)
            s, r, m, _ = self.decode_checked(z[k:k + 1], c)
            n, same = self.notes_checked(s, lambda k=k, c=c: self.model.decode(z[k:k + 1], self.length, TEMPERATURE, c))
            runs.append((s[0], r[0], m, n[0], same))
        return {"samples": np.stack([r[0] for r in runs]), "rnn_z0": runs[0][1], "margin": min(r[2] for r in runs),
                "parts": {}, "notes": [r[3] for r in runs], "same": all(r[4] for r in runs)}

    def interpolate(self, seqs: list, controls: list) -> dict:
        """Magenta's interpolate(in0, in1, 5): encode, slerp between mu0 and mu1, decode (controls: in0's hits)."""
        _, mu, _ = self.model.encode([copy.deepcopy(s) for s in seqs[:2]], True)
        z = np.array([slerp(mu[0], mu[1], t) for t in np.linspace(0, 1, 5)])
        c = controls[0].astype(np.float32) if self.controlled else None
        samples, _, margin, _ = self.decode_checked(z, c)
        if self.controlled:
            # TrainedModel.interpolate calls decode without c_input, which a controlled graph cannot run.
            def run():
                return self.model.decode(z, self.length, TEMPERATURE, c)
        else:
            def run():
                return self.model.interpolate(copy.deepcopy(seqs[0]), copy.deepcopy(seqs[1]), 5, self.length,
                                              TEMPERATURE)
        notes, same = self.notes_checked(samples, run)
        return {"z": z, "samples": samples, "margin": margin, "notes": notes, "same": same}

    def run(self, seqs: list, z: np.ndarray) -> dict:
        """One full pass: encode, decode and interpolate."""
        extracted = [self.converter.to_tensors(copy.deepcopy(s)) for s in seqs]
        controls = [t.controls[0] for t in extracted]
        _, mu, sigma = self.model.encode([copy.deepcopy(s) for s in seqs])
        return {"extracted": extracted, "controls": controls, "mu": mu, "sigma": sigma,
                "decode": self.decode_all(z, controls), "interp": self.interpolate(seqs, controls)}


def slerp(p0: np.ndarray, p1: np.ndarray, t: float) -> np.ndarray:
    """Spherical interpolation, written as TrainedModel.interpolate's helper computes it (float32 inputs)."""
    omega = np.arccos(np.dot(np.squeeze(p0 / np.linalg.norm(p0)), np.squeeze(p1 / np.linalg.norm(p1))))
    so = np.sin(omega)
    return np.sin((1.0 - t) * omega) / so * p0 + np.sin(t * omega) / so * p1


def tensors_json(fmt: str, samples: np.ndarray):
    """decode_tensors in the fixture's format."""
    if fmt == "groove":
        return [{"hits": (s[:, :9] > 0.5).astype(int).tolist(), "velocities": f32(s[:, 9:18]),
                 "offsets": f32(s[:, 18:])} for s in samples]
    if fmt == "multilabel":
        return [(s > 0.5).astype(int).tolist() for s in samples]
    edges = np.cumsum([0] + TRIO_SPLIT)
    return [np.stack([s[:, edges[k]:edges[k + 1]].argmax(-1) for k in range(3)], axis=1).tolist() for s in samples]


def inputs_json(fmt: str, converter, tensors: list) -> list:
    """input_tensors in the fixture's format."""
    if fmt == "groove":
        return [{"format": "float matrix [T, 27] = [hits 9 | velocities 9 | offsets 9]", "value": f32(t)}
                for t in tensors]
    if fmt == "multilabel":
        depth = converter.input_depth
        return [{"format": f"roll [T, {depth}] ({depth - 1} drum classes + NOR bit, 0/1)",
                 "value": np.asarray(t).astype(int).tolist()} for t in tensors]
    return [{"format": "argmax class per part per step [melody (90), bass (90), drums (512)]",
             "value": tensors_json("multi_categorical", [np.asarray(t, np.float32)])[0]} for t in tensors]


def variables(prefix: str) -> tuple[list, int]:
    """Every checkpoint entry [name, shape], and the number of weights without the optimiser's entries."""
    entries = [[n, list(s)] for n, s in tf.train.list_variables(prefix)]
    weights = sum(int(np.prod(s)) for n, s in entries if not any(k in n for k in OPTIMISER_ENTRY))
    return entries, weights


def build(name: str, out_dir: Path, work: Path, datasets: Path) -> dict:
    """Everything for NAME.json; also copies the tar and writes the input MIDI files into out_dir."""
    fx = FIXTURES[name]
    src_tar = work / "runs" / name / "train" / f"{name}.tar"
    tar = out_dir / f"{name}.tar"
    shutil.copyfile(src_tar, tar)
    with tarfile.open(tar) as t:
        members = t.getnames()
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(tar) as t:
            t.extractall(tmp)
        prefix = str(Path(tmp) / members[0][:-len(".index")])
        entries, weights = variables(prefix)
        golden = Golden(name, tar, prefix)
        seqs, sources = pick(fx, golden.converter, datasets, work, out_dir, name)
        input_notes = [notes_of(s) for s in seqs]
        z = np.random.RandomState(0).randn(3, golden.config.hparams.z_size).astype(np.float32)
        first, again = golden.run(seqs, z), golden.run(seqs, z)
    return assemble(name, golden, members, tar, entries, weights, sources, input_notes, z, first, again)


def assemble(name, golden, members, tar, entries, weights, sources, input_notes, z, first, again) -> dict:
    """The NAME.json dictionary, in the shared format's key order, with this folder's extensions."""
    fx, conv, hp = golden.fx, golden.converter, golden.config.hparams
    dec, interp = first["decode"], first["interp"]
    rnn = dec["rnn_z0"][:RNN_STEPS]
    doc = {
        "name": name, "config": fx.config, "config_note": fx.note, "hparams": fx.hparams,
        "hparams_full": dict(sorted(hp.values().items())), "checkpoint": tar.name, "checkpoint_members": members,
        "checkpoint_sha256": hashlib.sha256(tar.read_bytes()).hexdigest(), "steps": fx.steps,
        "trainable_weights": weights, "magenta_version": metadata.version("magenta"), "tf_version": tf.__version__,
        "note_seq_version": metadata.version("note-seq"),
        "converter": {"class": type(conv).__name__, "input_depth": conv.input_depth,
                      "output_depth": conv.output_depth, "control_depth": conv.control_depth, "mode": "infer"},
        "temperature": TEMPERATURE, "max_seq_len": hp.max_seq_len, "batch_size_used": BATCH,
        "inputs": [f"{name}_in{k}.mid" for k in range(3)], "inputs_source": sources, "input_notes": input_notes,
        "input_tensors": inputs_json(fx.tensors, conv, [t.inputs[0] for t in first["extracted"]]),
    }
    if golden.controlled:
        doc["input_controls"] = [{"format": "[T, 9] hits 0/1: the converter's controls (concatenated to the "
                                            "encoder input; fed to the decoder as c_input)",
                                  "value": np.asarray(c).astype(int).tolist()} for c in first["controls"]]
    doc["input_lengths"] = [int(t.lengths[0]) for t in first["extracted"]]
    doc.update({"mu": f32(first["mu"]), "sigma": f32(first["sigma"]), "z": f32(z),
                "z_seed": "np.random.RandomState(0).randn(3, z_size).astype(np.float32)"})
    if golden.controlled:
        doc["decode_controls"] = ("z[k] is decoded alone with c_input = input_controls[k] (TrainedModel.decode(z[k:k+1], "
                                  "c_input=controls_k); c_input is one [T, 9] sequence shared by the whole batch)")
    doc.update({"decode": dec["notes"], "decode_tensors_format": fx.tensors,
                "decode_tensors": tensors_json(fx.tensors, dec["samples"])})
    what = "decoder rnn_output (pre-activation output-projection values) for z[0] while sampling at temperature "
    doc["decode_rnn_output_z0"] = {"what": f"{what}{TEMPERATURE}, first {len(rnn)} steps", "shape": list(rnn.shape),
                                   "value": f32(rnn)}
    if fx.tensors == "multi_categorical":
        doc["decode_rnn_output_z0"]["split"] = {"melody": [0, 90], "bass": [90, 180], "drums": [180, 692]}
    if fx.tensors == "multilabel":
        nh = hp.nade_num_hidden
        doc["decode_rnn_output_z0"]["split"] = {"nade_b_enc": [0, nh], "nade_b_dec": [nh, nh + conv.output_depth]}
        logits = golden.nade(dec["rnn_z0"][None], dec["samples"][:1])[0][:RNN_STEPS]
        doc["decode_nade_logits_z0"] = {
            "what": ("NADE conditional logit of every class for z[0] along the sampled path (class i sees the bits "
                     "drawn for classes < i), from Magenta's Nade._cond_prob ops with the checkpoint's weights"),
            "shape": list(logits.shape), "value": f32(logits)}
    doc["interpolate"] = {"between": [0, 1], "num_steps": 5, "z": f32(interp["z"]), "notes": interp["notes"],
                          "tensors": tensors_json(fx.tensors, interp["samples"])}
    if golden.controlled:
        doc["interpolate"]["controls_from"] = 0
    doc["variables"] = entries
    margin = {"decode": dec["margin"], "interpolate": interp["margin"]}
    doc["checks"] = {
        "encode_deterministic": bool(np.array_equal(first["mu"], again["mu"])
                                     and np.array_equal(first["sigma"], again["sigma"])),
        "decode_deterministic": dec["notes"] == again["decode"]["notes"],
        "decode_to_tensors_deterministic": bool(np.array_equal(dec["samples"], again["decode"]["samples"])),
        "interpolate_deterministic": bool(np.array_equal(interp["samples"], again["interp"]["samples"])
                                          and interp["notes"] == again["interp"]["notes"]),
        "mu_abs_max": [float(np.abs(m).max()) for m in first["mu"]],
        "decode_notes_equal_from_tensors": dec["same"] and interp["same"],
        "min_decision_margin": margin,
    }
    if dec["parts"]:
        doc["checks"]["min_decision_margin_per_part"] = dec["parts"]
    doc["commands"] = {k: v for k, v in commands(name).items() if k != "build_data"}
    return doc


def main() -> None:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", choices=sorted(FIXTURES))
    parser.add_argument("out_dir", type=Path, nargs="?")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--datasets", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "datasets")
    parser.add_argument("--commands", action="store_true", help="print the fixture's command lines and stop")
    args = parser.parse_args()
    if args.commands:
        print("\n".join(commands(args.name).values()))
        return
    if args.out_dir is None or args.work is None:
        parser.error("OUTDIR and --work are needed")
    doc = build(args.name, args.out_dir, args.work, args.datasets)
    (args.out_dir / f"{args.name}.json").write_text(json.dumps(doc) + "\n")
    bad = [k for k, v in doc["checks"].items() if v is False]
    print(json.dumps(doc["checks"]), file=sys.stderr)
    if bad:
        raise SystemExit(f"{args.name}: failed checks {bad}")


if __name__ == "__main__":
    main()
