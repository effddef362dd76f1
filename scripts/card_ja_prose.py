"""The prose of the shipped models' Japanese cards, by config: what scripts/card_ja.py cannot carry over from
the English card (figures, tables and commands are carried over; these sentences are translated by hand).

Rewrite an entry when its English counterpart changes: "data" is the card's data paragraph, "choice" its "Choice of
hparams", "looking" its "Looking at the samples" (which describes the samples of seed 1), "files" where the file
list is (its code span is the card's third in "Reproduce").
"""

PROSE = {
    "polyphony": {
        "data": "バッハのコラール、すべての声部（パブリックドメイン、music21 のコーパス）",
        "choice": (
            "Magenta の polyphony の hparams（batch_size=64, rnn_layer_sizes=[256,256,256]）を、まずこの共有の 2 コアの"
            "マシンで TensorFlow のスレッド一つで計りました（もう一つのコアでは Magenta 自身の学習プログラムが動いていました）："
            "1 ステップ 23 秒です（コラールは声部ごと 16 分音符ごとに一つのイベントなので 1,000〜2,500 イベントあり、1 ステップで"
            "その長さのシーケンス 64 本を LSTM に通します）。2,000 ステップなら 13 時間かかります。同じ条件で batch_size=64, "
            "rnn_layer_sizes=[128,128] は 1 ステップ 5 秒で、同梱するのはこちらです。dropout_keep_prob=0.5、clip_norm=5、"
            "learning_rate=0.001 は Magenta のままです。\n\n"
            "この大きさで最初に学習したモデル（1,000 ステップ）は同梱しませんでした。400 ステップの時点で評価用データの"
            "パープレキシティが 14.7 で、同じデータと hparams で学習した Magenta 自身の学習プログラムは 11.8 でした。サンプルも"
            "薄く（同時に鳴る音はコラールの 4.0 に対して 1.6）、原因は学習プログラムのバッチの作り方でした。パディングを減らす"
            "ためにシーケンスを長さの順に並べていましたが、一つのコラールの移調はどれも同じ長さなので、一つのバッチに入る曲は"
            "約 6 曲でした（Magenta のランダムなバッチでは約 32 曲）。いまは長さの区分（比 1.5）ごとにシャッフルしてバッチを作る"
            "ので、一つのバッチに約 21 曲が入り、実際のステップに対する計算量は 1.32 倍です。このモデルはそのバッチで学習しました。"),
        "files": "ファイルは music21 のコーパスの {code} すべてです",
    },
    "chord_pitches_improv": {
        "data": (
        'OpenEWLD のリードシート、メロディとコードシンボル（楽譜はパブリックドメイン、データベースは MIT）：502 ファイル中 502、OpenScore Lieder の声楽パート（各'
        '楽譜の最初のパート。CC0 1.0）：1460 曲中、和声分析（analysis_automatic.rntxt。AugmentedNet v1.9.1 によるローマ数字）が添えられている '
        '1156 曲。ローマ数字の一つ一つを、その構成音を表すコードシンボル（根音、種類、七の音、転回形ならスラッシュのベース音）に直し、楽譜の小節に置きました。小節が楽譜と合わない分析は使っていま'
        'せん（`scripts/data/improv_sources.json`）。Magenta と同じく、どのリードシートも 12 の調すべてに移調して使います。分割：各ファイルの内容のハッシ'
        'ュで、ファイルの約 10% を評価用に取り分けたデータ（held-out）に回します。'),
        "choice": (
        'chord_pitches_improv の Magenta の hparams（batch_size=128, rnn_layer_sizes=[256,256,256]）を、まずこの共有'
        'の 2 コアのマシンで TensorFlow のスレッド一つで計りました：0.06–0.11 ステップ/秒。同じ時間帯の batch_size=64, rnn_layer_sizes=[12'
        '8,128] は 0.26–0.43 ステップ/秒でした（どちらも OpenEWLD の 200 ファイルで、ほかの処理も動いている状態）。Magenta の大きさでは 60–90 分のセッ'
        'ションで数百ステップしか進まないため、同梱するのは小さい方（同梱の attention_rnn と同じ大きさ）で、そのぶん多くのステップを学習しました。dropout_keep_prob=0'
        '.5, clip_norm=3.0, learning_rate=0.001 は Magenta のままです。'),
        "looking": (
        '五つのサンプルすべてをピアノロール（時間は四分音符単位、コード進行 C G Am F C G F C を一小節ずつ）に描き、音符を書き出しました。メロディは調よりもコードに沿って動きます。い'
        'ちばんはっきりしているのはサンプル 1 と 2 です。サンプル 1 は C-E-F と上がって G の小節の頭で長い G に着き、A マイナーの上では E、C、B を通り、F の上では F-'
        'A-C をなぞり、最後の C のコードの上で C に終わります。サンプル 2 は F の上で C を、C の上で G を伸ばし、C の上の E で終わります。多くの小節で、伸ばした音はコード'
        'の変わり目で構成音に乗ります。例外ははっきり聞こえます（サンプル 4 は G の小節のあいだ C を伸ばし続けます）。サンプル 3 と 5 は音が多く（八分音符と十六分音符の走句。小節あたり'
        ' 7.5 音と 7.6 音）、半音階的（経過音の C#、F#、Bb）で、サンプルの構成音に乗る割合（0.691）が評価用データのメロディ（0.764）より低いのはこのためです。平均するとサン'
        'プルはリードシートより音が密です（小節あたり 5.9 音、リードシートは 3.93）。どのサンプルもプライマーの C から始まり、A3 から G5 のあいだに収まっています。'),
        "files": "ファイル一覧は {code}",
    },
}

# The statistics of the samples tables (the English card's row names).
STAT_NAMES = {
    "notes per bar": "小節あたりの音数",
    "fraction of notes on a tone of the chord sounding": "鳴っているコードの構成音に乗る音の割合",
    "fraction of notes in key (best-fitting major key per piece)": "調に合う音の割合（曲ごとに最もよく合う長調）",
    "notes per quarter note": "四分音符あたりの音数",
    "notes per second": "1 秒あたりの音数",
    "notes sounding at once (mean, while any sounds)": "同時に鳴っている音の数（何か鳴っているあいだの平均）",
    "fraction of the time silent": "何も鳴っていない時間の割合",
    "median note length (quarters)": "音の長さの中央値（四分音符単位）",
    "median note length (seconds)": "音の長さの中央値（秒）",
    "pitch, 5th percentile (MIDI)": "音高の 5 パーセンタイル（MIDI）",
    "pitch, 95th percentile (MIDI)": "音高の 95 パーセンタイル（MIDI）",
    "mean velocity": "ベロシティの平均",
    "velocity, standard deviation": "ベロシティの標準偏差",
}
