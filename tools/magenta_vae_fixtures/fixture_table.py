"""The tiny MusicVAE fixtures: Magenta config, hparams override, steps, training data and golden format of each."""

from dataclasses import dataclass

NADE_HPARAMS = "z_size=16,enc_rnn_size=[32],dec_rnn_size=[32,32],nade_num_hidden=16,batch_size=16,learning_rate=0.03"
GROOVE_HPARAMS = "z_size=16,enc_rnn_size=[32],dec_rnn_size=[32,32],batch_size=16,learning_rate=0.03"


@dataclass(frozen=True)
class Fixture:
    """One fixture: what music_vae_train is run with and how golden.py picks inputs and writes tensors."""

    config: str
    hparams: str
    steps: int
    data: str  # "drums" or "trio": the tfrecord under $WORK/data and the input windows golden.py cuts
    bars: int  # length of each input window
    tensors: str  # decode_tensors_format
    note: str | None = None


FIXTURES = {
    "nade_reduced_tiny": Fixture("nade-drums_2bar_reduced", NADE_HPARAMS, 100, "drums", 2, "multilabel"),
    "nade_full_tiny": Fixture("nade-drums_2bar_full", NADE_HPARAMS, 300, "drums", 2, "multilabel"),
    "groovae4_tiny": Fixture("groovae_4bar", GROOVE_HPARAMS, 100, "drums", 4, "groove"),
    "groovae_hits_tiny": Fixture(
        "groovae_2bar_hits_control_tfds", GROOVE_HPARAMS, 100, "drums", 2, "groove",
        note="--examples_path overrides the config's tfds_name: trained on the same Groove tfrecord as the others"),
    "flat_trio_tiny": Fixture(
        "flat-trio_16bar", "z_size=16,enc_rnn_size=[16,16],dec_rnn_size=[16,16,16],batch_size=16,learning_rate=0.03",
        600, "trio", 16, "multi_categorical",
        note="trained on synthetic trios (build_data.py: Nottingham melody + bass from its chords + a looped Groove beat)"),
    "hierdec_trio_tiny": Fixture(
        "hierdec-trio_16bar", "z_size=16,enc_rnn_size=[16,16],dec_rnn_size=[16,16],free_bits=0,batch_size=16,learning_rate=0.03",
        50, "trio", 16, "multi_categorical",
        note="trained on synthetic trios (build_data.py: Nottingham melody + bass from its chords + a looped Groove beat)"),
    "groovae_tap_tiny": Fixture("groovae_2bar_tap_fixed_velocity", GROOVE_HPARAMS, 100, "drums", 2, "groove"),
    "groovae_closed_hh_tiny": Fixture("groovae_2bar_add_closed_hh", GROOVE_HPARAMS, 100, "drums", 2, "groove"),
}


def commands(name: str) -> dict[str, str]:
    """The exact convert / train / tar / golden command lines of a fixture ($WORK = scratch, $ORACLE = the oracle)."""
    fx = FIXTURES[name]
    midi = "drums_midi" if fx.data == "drums" else "trio_midi"
    return {
        "build_data": "$ORACLE/venv/bin/python tools/magenta_vae_fixtures/build_data.py $WORK/data",
        "convert": (f"$ORACLE/venv/bin/convert_dir_to_note_sequences --input_dir=$WORK/data/{midi} "
                    f"--output_file=$WORK/data/{fx.data}.tfrecord --recursive"),
        "train": (f"TF_NUM_INTEROP_THREADS=1 TF_NUM_INTRAOP_THREADS=1 OMP_NUM_THREADS=1 "
                  f"$ORACLE/venv/bin/music_vae_train --config={fx.config} --hparams={fx.hparams} "
                  f"--examples_path=$WORK/data/{fx.data}.tfrecord --run_dir=$WORK/runs/{name} "
                  f"--num_steps={fx.steps} --mode=train"),
        "tar": (f"cd $WORK/runs/{name}/train && tar cf {name}.tar model.ckpt-{fx.steps}.index "
                f"model.ckpt-{fx.steps}.data-00000-of-00001"),
        "golden": f"$ORACLE/venv/bin/python tools/magenta_vae_fixtures/golden.py {name} OUTDIR --work $WORK",
    }
