<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <source>Hear Notes While Editing</source>
        <translation>編集中にノートを鳴らす</translation>
    </message>
    <message>
        <source>Sound a key you click and a note you draw or move</source>
        <translation>クリックした鍵盤や、描いたり動かしたりしたノートを鳴らします</translation>
    </message>
    <message>
        <source>Drag MIDI</source>
        <translation>MIDI をドラッグ</translation>
    </message>
    <message>
        <source>Drag this into a DAW or a folder to drop the song (or the selected notes) as a MIDI file</source>
        <translation>DAW やフォルダーへドラッグすると、曲（または選択したノート）を MIDI ファイルとして置けます</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV 音声 (*.wav)</translation>
    </message>
    <message>
        <source>FLAC audio (*.flac)</source>
        <translation>FLAC 音声 (*.flac)</translation>
    </message>
    <message>
        <source>Export Audio</source>
        <translation>音声の書き出し</translation>
    </message>
    <message>
        <source>Rendering audio…</source>
        <translation>音声を書き出しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The song has no notes to render yet.</source>
        <translation>曲にまだノートがないため、書き出せません。</translation>
    </message>
    <message>
        <source>Export MIDI</source>
        <translation>MIDI の書き出し</translation>
    </message>
    <message>
        <source>There are no notes to export.</source>
        <translation>書き出すノートがありません。</translation>
    </message>
    <message>
        <source>MIDI files (*.mid)</source>
        <translation>MIDI ファイル (*.mid)</translation>
    </message>
    <message>
        <source>Starting audio…</source>
        <translation>オーディオを準備しています…</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Export &amp;Audio…</source>
        <translation>音声を書き出す(&amp;A)…</translation>
    </message>
    <message>
        <source>Render the song to a WAV file with the current SoundFont</source>
        <translation>今の SoundFont で曲を WAV ファイルに書き出します</translation>
    </message>
    <message>
        <source>Export &amp;Selection as MIDI…</source>
        <translation>選択範囲を MIDI で書き出す(&amp;S)…</translation>
    </message>
    <message>
        <source>Write the selected notes (or the current track) as a MIDI file</source>
        <translation>選択したノート（または今のトラック）を MIDI ファイルに書き出します</translation>
    </message>
    <message>
        <source>{0} selection</source>
        <translation>{0} の選択範囲</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>Export Selection as MIDI</source>
        <translation>選択範囲を MIDI で書き出す</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>Loop the loop region (the whole song when none is set)</source>
        <translation>ループ範囲を繰り返します（範囲がなければ曲全体）</translation>
    </message>
    <message>
        <source>Position: bar:beat</source>
        <translation>位置：小節:拍</translation>
    </message>
    <message>
        <source>Position: minutes:seconds</source>
        <translation>位置：分:秒</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>一時停止（スペース）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>再生（スペース）</translation>
    </message>
    <message>
        <source>Stop and return to the start</source>
        <translation>停止して先頭に戻ります</translation>
    </message>
    <message>
        <source>Playback is off: {0}. Export to MIDI and WAV still works.</source>
        <translation>再生できません：{0}。MIDI と WAV への書き出しはできます。</translation>
    </message>
    <message>
        <source>No sound: {0}</source>
        <translation>音が出ません：{0}</translation>
    </message>
    <message>
        <source>No model card found beside {0}.</source>
        <translation>{0} の隣にモデルカードが見つかりません。</translation>
    </message>
    <message>
        <source>Model card: {0}</source>
        <translation>モデルカード：{0}</translation>
    </message>
    <message>
        <source>Model card…</source>
        <translation>モデルカード…</translation>
    </message>
    <message>
        <source>Shipped: {0}</source>
        <translation>同梱：{0}</translation>
    </message>
    <message>
        <source>Shipped (not installed)</source>
        <translation>同梱（未インストール）</translation>
    </message>
    <message>
        <source>Open .mag…</source>
        <translation>.mag を開く…</translation>
    </message>
    <message>
        <source>Open a Magenta bundle</source>
        <translation>Magenta のバンドルを開く</translation>
    </message>
    <message>
        <source>Magenta bundles (*.mag)</source>
        <translation>Magenta バンドル (*.mag)</translation>
    </message>
    <message>
        <source>{0} was made for {1!r}, which this app does not know; known models: {2}</source>
        <translation>{0} は {1!r} 用のバンドルですが、このアプリはそのモデルを知りません。使えるモデル：{2}</translation>
    </message>
    <message>
        <source>{0} is a {1} bundle: open it in its own tab of the Generate panel.</source>
        <translation>{0} は {1} のバンドルです。生成パネルの専用タブで開いてください。</translation>
    </message>
    <message>
        <source>No bundle ships for this model yet: open a .mag bundle.</source>
        <translation>このモデルにはまだ同梱のバンドルがありません。.mag バンドルを開いてください。</translation>
    </message>
    <message>
        <source>T {0:g} · seed {1}</source>
        <translation>温度 {0:g} · シード {1}</translation>
    </message>
    <message>
        <source>&lt;b&gt;#{0}&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;#{0}&lt;/b&gt; {1}</translation>
    </message>
    <message>
        <source>Seed {0}: lock this seed in the panel to generate this set again</source>
        <translation>シード {0}：パネルでこのシードを固定すると、同じ組をもう一度生成できます</translation>
    </message>
    <message>
        <source>Audition this variation in the song</source>
        <translation>このバリエーションを曲の中で試聴します</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>Insert into the track after the primer (undoable)</source>
        <translation>プライマーの後ろにトラックへ入れます（元に戻せます）</translation>
    </message>
    <message>
        <source>Discard this variation</source>
        <translation>このバリエーションを破棄します</translation>
    </message>
    <message>
        <source>Click to overlay on the roll; drag out to export as MIDI</source>
        <translation>クリックでピアノロールに重ねて表示、ドラッグで MIDI として書き出し</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Generated variations appear here: draw a primer and press Generate (Ctrl+G).</source>
        <translation>生成したバリエーションがここに並びます。プライマーを描いて「生成」（Ctrl+G）を押してください。</translation>
    </message>
    <message>
        <source>Queued: {0}</source>
        <translation>待機中：{0}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>T {0:g}</source>
        <translation>温度 {0:g}</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>シード {0}</translation>
    </message>
    <message>
        <source>{0:g} bars</source>
        <translation>{0:g} 小節</translation>
    </message>
    <message>
        <source>beam {0}x{1}</source>
        <translation>ビーム {0}×{1}</translation>
    </message>
    <message>
        <source>region</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>Add a track first: generated music goes into the current track.</source>
        <translation>先にトラックを追加してください。生成した音楽は今のトラックに入ります。</translation>
    </message>
    <message>
        <source>{0} writes to a drum track; select one in the track list or pick another model.</source>
        <translation>{0} はドラムトラックに書き込みます。トラック一覧でドラムトラックを選ぶか、別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>{0} writes to a melody (non-drum) track; select one in the track list or pick another model.</source>
        <translation>{0} はメロディ（ドラム以外）のトラックに書き込みます。トラック一覧でそのようなトラックを選ぶか、別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Select notes in the bars to rewrite, or set a loop region on the ruler.</source>
        <translation>書き直す小節のノートを選ぶか、ルーラーでループ範囲を指定してください。</translation>
    </message>
    <message>
        <source>Type a primer such as [60, -2, 60, -2, 67] or choose another primer source.</source>
        <translation>[60, -2, 60, -2, 67] のようなプライマーを入力するか、別のプライマーを選んでください。</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>{0} を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <source>%n variation(s): click one to hear it in the song, Keep the one you like.</source>
        <translation>
            <numerusform>%n 個のバリエーション：クリックすると曲の中で聴けます。気に入ったものを「採用」してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The drum track this variation was made for was removed or changed.</source>
        <translation>このバリエーションの対象だったドラムトラックが削除されたか、変更されました。</translation>
    </message>
    <message>
        <source>Undo that change, or select a drum track and generate again.</source>
        <translation>その変更を元に戻すか、ドラムトラックを選んでもう一度生成してください。</translation>
    </message>
    <message>
        <source>The melody track this variation was made for was removed or changed.</source>
        <translation>このバリエーションの対象だったメロディのトラックが削除されたか、変更されました。</translation>
    </message>
    <message>
        <source>Undo that change, or select a melody track and generate again.</source>
        <translation>その変更を元に戻すか、メロディのトラックを選んでもう一度生成してください。</translation>
    </message>
    <message>
        <source>Keep variation {0}</source>
        <translation>バリエーション {0} を採用</translation>
    </message>
    <message>
        <source>Kept variation {0}. The new part starts at bar {1:g}.</source>
        <translation>バリエーション {0} を採用しました。新しい部分は {1:g} 小節目から始まります。</translation>
    </message>
    <message>
        <source>Audio is not available, so the variation is shown but not played.</source>
        <translation>オーディオが使えないため、バリエーションは表示だけで再生されません。</translation>
    </message>
    <message>
        <source>Generating {0}…</source>
        <translation>生成中：{0}…</translation>
    </message>
    <message>
        <source>Generation failed because of a bug ({0}){1}</source>
        <translation>不具合のため生成に失敗しました（{0}）{1}</translation>
    </message>
    <message>
        <source> The details are in {0}.</source>
        <translation> 詳細は {0} にあります。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Draw or select a primer, then Generate.</source>
        <translation>プライマーを描くか選んでから、「生成」を押してください。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Note density</source>
        <translation>音の密度</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>時間による変化</translation>
    </message>
    <message>
        <source>Pitch classes</source>
        <translation>ピッチクラス</translation>
    </message>
    <message>
        <source>Performance RNN</source>
        <translation>Performance RNN</translation>
    </message>
    <message>
        <source>From silence at the playhead</source>
        <translation>再生位置から無音で始める</translation>
    </message>
    <message>
        <source>Continue the track before the playhead</source>
        <translation>再生位置までのトラックを続ける</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds, after a number</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How many notes start per second</source>
        <translation>1 秒あたりに鳴り始める音の数</translation>
    </message>
    <message>
        <source>Follow the density and pitch controls</source>
        <translation>密度とピッチの指定に従う</translation>
    </message>
    <message>
        <source>Dynamics (the model&apos;s velocities)</source>
        <translation>強弱（モデルのベロシティ）</translation>
    </message>
    <message>
        <source>Off, every note plays at one velocity</source>
        <translation>オフにすると、すべての音が同じベロシティで鳴ります</translation>
    </message>
    <message>
        <source>Piano rules (lift a key before striking it again)</source>
        <translation>ピアノのルール（同じ鍵盤は離してから弾き直す）</translation>
    </message>
    <message>
        <source>The model may not release a key that is up, and a key it strikes while down is lifted first, as a pianist&apos;s would be. Magenta samples without these rules: turn them off to hear the model exactly as Magenta plays it.</source>
        <translation>上がっている鍵盤をモデルが離すことはなく、押さえたままの鍵盤を弾くときは、ピアニストと同じように先に離します。Magenta はこのルールなしでサンプリングします。Magenta とまったく同じ演奏を聴くにはオフにしてください。</translation>
    </message>
    <message>
        <source>{0} notes/s</source>
        <translation>{0} 音/秒</translation>
    </message>
    <message>
        <source>{0}–{1} notes/s</source>
        <translation>{0}–{1} 音/秒</translation>
    </message>
    <message>
        <source>This model is not conditioned on density or pitch classes, so those controls are off.</source>
        <translation>このモデルは密度やピッチクラスで条件付けされていないため、それらの指定は使えません。</translation>
    </message>
    <message>
        <source>This model takes only one of the two controls; the other is off.</source>
        <translation>このモデルが受け取る指定は 2 つのうち 1 つだけです。もう一方は使えません。</translation>
    </message>
    <message>
        <source>Result on</source>
        <translation>結果の置き場所</translation>
    </message>
    <message>
        <source>Variations</source>
        <translation>バリエーション</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>A new track</source>
        <translation>新しいトラック</translation>
    </message>
    <message>
        <source>The same track</source>
        <translation>同じトラック</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;: {1} ({2})</source>
        <comment>a bundle: its file, model title and id</comment>
        <translation>&lt;b&gt;{0}&lt;/b&gt;：{1}（{2}）</translation>
    </message>
    <message>
        <source>No bundle ships for this model yet. Open a .mag bundle: Magenta&apos;s published {0} works.</source>
        <translation>このモデルのバンドルはまだ同梱されていません。.mag バンドルを開いてください（Magenta が公開している {0} が使えます）。</translation>
    </message>
    <message>
        <source>No bundle chosen</source>
        <translation>バンドル未選択</translation>
    </message>
    <message>
        <source>Loaded {0}.</source>
        <translation>{0} を読み込みました。</translation>
    </message>
    <message>
        <source>{0} is a {1} bundle: open it in the Polyphony tab.</source>
        <translation>{0} は {1} のバンドルです。Polyphony タブで開いてください。</translation>
    </message>
    <message>
        <source>{0} is a {1} bundle: open it in the Performance tab.</source>
        <translation>{0} は {1} のバンドルです。Performance タブで開いてください。</translation>
    </message>
    <message>
        <source>{0} is a {1} bundle: open it in the RNN tab.</source>
        <translation>{0} は {1} のバンドルです。RNN タブで開いてください。</translation>
    </message>
    <message>
        <source>Key lock</source>
        <translation>キー固定</translation>
    </message>
    <message>
        <source>Pitch range</source>
        <translation>音域</translation>
    </message>
    <message>
        <source>Beam size</source>
        <translation>ビーム幅</translation>
    </message>
    <message>
        <source>Branch factor</source>
        <translation>分岐数</translation>
    </message>
    <message>
        <source>Steps per iteration</source>
        <translation>反復あたりのステップ数</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Melody steering</source>
        <translation>メロディの誘導</translation>
    </message>
    <message>
        <source>Advanced (beam search)</source>
        <translation>詳細設定（ビームサーチ）</translation>
    </message>
    <message>
        <source>Primer</source>
        <translation>プライマー</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Polyphony RNN</source>
        <translation>Polyphony RNN</translation>
    </message>
    <message>
        <source>Harmonise the melody</source>
        <translation>メロディにハーモニーを付ける</translation>
    </message>
    <message>
        <source>Continue the part</source>
        <translation>パートを続ける</translation>
    </message>
    <message>
        <source> bars</source>
        <comment>a unit after a number</comment>
        <translation> 小節</translation>
    </message>
    <message>
        <source>The selected notes (or the current track) stay as they are; the model adds voices below them.</source>
        <translation>選択した音（または現在のトラック）はそのまま残り、モデルがその下に声部を加えます。</translation>
    </message>
    <message>
        <source>The selected notes (or the current track up to the playhead) are continued after them.</source>
        <translation>選択した音（または再生位置までの現在のトラック）の続きを生成します。</translation>
    </message>
    <message>
        <source>How much new music to generate after the primer (16 steps = 1 bar of 4/4)</source>
        <translation>プライマーの後に生成する長さ（16 ステップ = 4/4 拍子の 1 小節）</translation>
    </message>
    <message>
        <source>Lower is safer and more repetitive; higher is more surprising</source>
        <translation>低いほど無難で繰り返しが多く、高いほど意外性が増します</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>Don&apos;t repeat the primer verbatim</source>
        <translation>プライマーをそのまま繰り返さない</translation>
    </message>
    <message>
        <source>Only notes of the chord</source>
        <translation>コードの構成音だけ</translation>
    </message>
    <message>
        <source>Improv RNN: every note is a tone of the chord sounding at its step (any note under N.C.)</source>
        <translation>Improv RNN: 各音をそのステップで鳴っているコードの構成音に限ります（N.C. の間はどの音でも可）</translation>
    </message>
    <message>
        <source>Selected notes, or the track up to the playhead</source>
        <translation>選択したノート、または再生位置までのトラック</translation>
    </message>
    <message>
        <source>Magenta primer text</source>
        <translation>Magenta 形式のプライマー</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>ファイル：{0}</translation>
    </message>
    <message>
        <source>MIDI file…</source>
        <translation>MIDI ファイル…</translation>
    </message>
    <message>
        <source>Generate variations (Ctrl+G)</source>
        <translation>バリエーションを生成します（Ctrl+G）</translation>
    </message>
    <message>
        <source>Regenerate region</source>
        <translation>範囲を再生成</translation>
    </message>
    <message>
        <source>Rewrite the selected bars (or the loop region), keeping what follows</source>
        <translation>選択した小節（またはループ範囲）を書き直し、その後ろはそのまま残します</translation>
    </message>
    <message>
        <source>It plays over the chords of the chord lane above the roll.</source>
        <translation>ピアノロール上部のコードレーンのコードに沿って演奏します。</translation>
    </message>
    <message>
        <source>Switched to {0}: the bundle is for that model.</source>
        <translation>{0} に切り替えました。バンドルがそのモデル用だからです。</translation>
    </message>
    <message>
        <source>Primer from a file</source>
        <translation>ファイルからプライマー</translation>
    </message>
    <message>
        <source>Music files ({0})</source>
        <translation>音楽ファイル（{0}）</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} 〜 {1}</translation>
    </message>
    <message numerus="yes">
        <source>Generate (%n queued)</source>
        <translation>
            <numerusform>生成（待機 %n 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>{0:.1f} / {1:.1f} s</source>
        <translation>{0:.1f} / {1:.1f} 秒</translation>
    </message>
    <message numerus="yes">
        <source>{0} / %n step(s)</source>
        <translation>
            <numerusform>{0} / %n ステップ</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a track first: the model reads and writes a track.</source>
        <translation>先にトラックを追加してください。モデルはトラックを読み書きします。</translation>
    </message>
    <message>
        <source>These models play pitched notes: select a melody or piano track, not drums.</source>
        <translation>これらのモデルは音程のある音を演奏します。ドラムではなく、メロディかピアノのトラックを選んでください。</translation>
    </message>
    <message>
        <source>There is no melody to harmonise: draw one, or select its notes.</source>
        <translation>ハーモニーを付けるメロディがありません。メロディを描くか、その音を選択してください。</translation>
    </message>
    <message numerus="yes">
        <source>harmony of %n note(s)</source>
        <translation>
            <numerusform>%n 音のハーモニー</numerusform>
        </translation>
    </message>
    <message>
        <source>{0:g} s</source>
        <translation>{0:g} 秒</translation>
    </message>
    <message>
        <source>{0} harmony</source>
        <translation>{0} ハーモニー</translation>
    </message>
    <message>
        <source>Piano performance</source>
        <translation>ピアノ演奏</translation>
    </message>
    <message>
        <source>The model added no notes this time: generate again, or raise the temperature.</source>
        <translation>今回はモデルが音を加えませんでした。もう一度生成するか、温度を上げてください。</translation>
    </message>
    <message>
        <source>The random seed of the last Generate: with the same seed and settings, a model gives the same variations</source>
        <translation>直前の生成に使った乱数シード。同じシードと設定なら、モデルは同じバリエーションを返します</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Draw a new random seed now</source>
        <translation>新しい乱数シードを今すぐ引きます</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Locked, Generate repeats this seed; unlocked, every Generate draws a new one and so gives new variations</source>
        <translation>固定すると生成のたびに同じシードを使います。固定しなければ毎回新しいシードになり、新しいバリエーションが得られます</translation>
    </message>
    <message>
        <source>RNN</source>
        <translation>RNN</translation>
    </message>
    <message>
        <source>Polyphony</source>
        <translation>Polyphony</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>MusicVAE</source>
        <translation>MusicVAE</translation>
    </message>
    <message numerus="yes">
        <source>%n variation(s) ready: {0}</source>
        <translation>
            <numerusform>%n 個のバリエーションができました：{0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Composer project ({0})</source>
        <translation>Composer プロジェクト ({0})</translation>
    </message>
    <message>
        <source>Projects and music files ({0})</source>
        <translation>プロジェクトと音楽ファイル ({0})</translation>
    </message>
    <message>
        <source>New song</source>
        <translation>新しい曲</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>ファイルを開けませんでした</translation>
    </message>
    <message numerus="yes">
        <source>Opened {0}: %n note(s)</source>
        <translation>
            <numerusform>{0} を開きました：ノート %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Import MIDI into this song</source>
        <translation>この曲に MIDI を読み込む</translation>
    </message>
    <message>
        <source>Could not import the file</source>
        <translation>ファイルを読み込めませんでした</translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>{0} を読み込み</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n track(s) from {0}</source>
        <translation>
            <numerusform>{0} から %n トラックを読み込みました</numerusform>
        </translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <source>MIDI file (*.mid)</source>
        <translation>MIDI ファイル (*.mid)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>Draw note</source>
        <translation>ノートを描く</translation>
    </message>
    <message>
        <source>Copy notes</source>
        <translation>ノートをコピー</translation>
    </message>
    <message>
        <source>Move notes</source>
        <translation>ノートを移動</translation>
    </message>
    <message>
        <source>Resize notes</source>
        <translation>ノートの長さを変更</translation>
    </message>
    <message>
        <source>Velocity {0}</source>
        <translation>ベロシティ {0}</translation>
    </message>
    <message numerus="yes">
        <source>Erase %n note(s)</source>
        <translation>
            <numerusform>ノート %n 個を消去</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>描く</translation>
    </message>
    <message>
        <source>Draw notes: click to add one of the last length, drag to set its length (B)</source>
        <translation>ノートを描く：クリックで直前と同じ長さのノートを追加、ドラッグで長さを決めます（B）</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>Select notes: click, Shift-click, or drag a rubber band (V)</source>
        <translation>ノートを選択：クリック、Shift+クリック、または範囲をドラッグ（V）</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Erase notes by clicking or dragging over them; right-click erases with any tool (E)</source>
        <translation>クリックやドラッグでノートを消します。どのツールでも右クリックで消せます（E）</translation>
    </message>
    <message>
        <source>Velocity</source>
        <translation>ベロシティ</translation>
    </message>
    <message>
        <source>Drag notes up or down to change their velocity (G)</source>
        <translation>ノートを上下にドラッグしてベロシティを変えます（G）</translation>
    </message>
    <message>
        <source>Roll tools</source>
        <translation>ピアノロールのツール</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <source>Grid and snap (keys 1-8 pick a grid, 0 switches snap off and on)</source>
        <translation>グリッドとスナップ（1〜8 キーでグリッドを選択、0 でスナップのオン／オフ）</translation>
    </message>
    <message>
        <source>Off</source>
        <comment>snap off</comment>
        <translation>オフ</translation>
    </message>
    <message>
        <source>9-lane kit</source>
        <translation>9 レーンのキット</translation>
    </message>
    <message>
        <source>On drum tracks, show only the nine drum lanes Magenta&apos;s kit uses</source>
        <translation>ドラムトラックでは Magenta のキットが使う 9 つのレーンだけを表示します</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <source>Scroll to keep the playhead in view while playing</source>
        <translation>再生中、再生位置が見えるようにスクロールします</translation>
    </message>
    <message>
        <source>Loop the region marked in the ruler&apos;s upper half</source>
        <translation>ルーラー上半分で指定した範囲をループします</translation>
    </message>
    <message>
        <source>Vel</source>
        <comment>velocity, short</comment>
        <translation>ベロシティ</translation>
    </message>
    <message>
        <source>Editing: {0}</source>
        <translation>編集中：{0}</translation>
    </message>
    <message>
        <source>Grid {0}</source>
        <translation>グリッド {0}</translation>
    </message>
    <message>
        <source>Snap on</source>
        <translation>スナップ オン</translation>
    </message>
    <message>
        <source>Snap off</source>
        <translation>スナップ オフ</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n note(s)</source>
        <translation>
            <numerusform>ノート %n 個を削除</numerusform>
        </translation>
    </message>
    <message>
        <source>Transpose {0:+d}</source>
        <translation>移調 {0:+d}</translation>
    </message>
    <message>
        <source>Quantize to {0}</source>
        <translation>{0} にクオンタイズ</translation>
    </message>
    <message numerus="yes">
        <source>Quantized %n note(s) to {0}</source>
        <translation>
            <numerusform>ノート %n 個を {0} にクオンタイズしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n note(s)</source>
        <translation>
            <numerusform>ノート %n 個を複製</numerusform>
        </translation>
    </message>
    <message>
        <source>Change velocity</source>
        <translation>ベロシティを変更</translation>
    </message>
    <message>
        <source>Nothing selected to copy</source>
        <translation>コピーするものが選ばれていません</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) from Composer</source>
        <translation>
            <numerusform>Composer のノート %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n note(s)</source>
        <translation>
            <numerusform>ノート %n 個をコピーしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n note(s)</source>
        <translation>
            <numerusform>ノート %n 個を切り取り</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not paste: the clipboard&apos;s notes are damaged ({0})</source>
        <translation>貼り付けられません：クリップボードのノートが壊れています（{0}）</translation>
    </message>
    <message>
        <source>The clipboard holds no notes to paste</source>
        <translation>クリップボードに貼り付けるノートがありません</translation>
    </message>
    <message>
        <source>Could not paste: the notes would end past the longest song (tick {0:,})</source>
        <translation>貼り付けられません：ノートが曲の最大長（ティック {0:,}）を超えてしまいます</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n note(s)</source>
        <translation>
            <numerusform>ノート %n 個を貼り付け</numerusform>
        </translation>
    </message>
    <message>
        <source>more than {0:,} notes</source>
        <translation>ノートが {0:,} 個を超えています</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>入れ子が深すぎます</translation>
    </message>
    <message>
        <source>Click to move the playhead. Drag in the upper half to set the loop; click the loop to switch looping on or off.</source>
        <translation>クリックで再生位置を移動します。上半分をドラッグするとループ範囲を指定、ループをクリックするとループのオン／オフを切り替えます。</translation>
    </message>
    <message>
        <source>Velocity: drag across the stems to paint velocities (only the selected notes, if any)</source>
        <translation>ベロシティ：棒をなぞるようにドラッグして値を描きます（選択があれば選択したノートだけ）</translation>
    </message>
    <message>
        <source>Sound is off: {0}</source>
        <translation>音が出ません：{0}</translation>
    </message>
    <message>
        <source>Generation is unavailable: {0}</source>
        <translation>生成は使えません：{0}</translation>
    </message>
    <message>
        <source>Training is unavailable: {0}</source>
        <translation>学習は使えません：{0}</translation>
    </message>
    <message>
        <source>MIDI is unavailable: {0}</source>
        <translation>MIDI は使えません：{0}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” before closing it?</source>
        <translation>閉じる前に「{0}」の変更を保存しますか？</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>{0}[*] — {1}</source>
        <translation>{0}[*] — {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <comment>a track&apos;s name: its note count</comment>
        <translation>{0}：{1}</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>ノート %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in song</source>
        <comment>notes in the whole song</comment>
        <translation>
            <numerusform>曲全体 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n 小節</numerusform>
        </translation>
    </message>
    <message>
        <source>{0:g} qpm</source>
        <translation>{0:g} qpm</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>復元できませんでした</translation>
    </message>
    <message>
        <source>Restored unsaved work on {0}</source>
        <translation>{0} の未保存の作業を復元しました</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>As the system ({0})</source>
        <translation>システムに合わせる（{0}）</translation>
    </message>
    <message>
        <source>The app switches at once, without a restart</source>
        <translation>再起動せずにすぐ切り替わります</translation>
    </message>
    <message>
        <source>Large type and high contrast for classrooms</source>
        <translation>教室向けの大きな文字と高いコントラスト</translation>
    </message>
    <message>
        <source>Scroll the roll to keep the playhead in view</source>
        <translation>再生位置が見えるようにピアノロールをスクロールする</translation>
    </message>
    <message>
        <source>Show only Magenta&apos;s nine drum lanes on drum tracks</source>
        <translation>ドラムトラックでは Magenta の 9 つのドラムレーンだけを表示する</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Sound notes as they are drawn or clicked</source>
        <translation>ノートを描いたりクリックしたりしたときに鳴らす</translation>
    </message>
    <message>
        <source>the bundled SoundFont</source>
        <translation>同梱の SoundFont</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Projector mode</source>
        <translation>プロジェクターモード</translation>
    </message>
    <message>
        <source>Follow playhead</source>
        <translation>再生位置に追従</translation>
    </message>
    <message>
        <source>Drum lanes</source>
        <translation>ドラムレーン</translation>
    </message>
    <message>
        <source>Default grid</source>
        <translation>既定のグリッド</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>自動保存の間隔</translation>
    </message>
    <message>
        <source>New note velocity</source>
        <translation>新しいノートのベロシティ</translation>
    </message>
    <message>
        <source>Audition</source>
        <translation>試聴</translation>
    </message>
    <message>
        <source>SoundFont</source>
        <translation>SoundFont</translation>
    </message>
    <message>
        <source>SoundFont (*.sf2 *.sf3)</source>
        <translation>SoundFont (*.sf2 *.sf3)</translation>
    </message>
    <message>
        <source>{name} — autosaved {when} — {tracks}, {notes}</source>
        <translation>{name} — {when} に自動保存 — {tracks}、{notes}</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n トラック</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>未保存の作業を復元しますか？</translation>
    </message>
    <message>
        <source>Composer did not close properly. Unsaved work from these sessions can be restored:</source>
        <translation>Composer は正しく終了しませんでした。次のセッションの未保存の作業を復元できます：</translation>
    </message>
    <message>
        <source>Restore opens the selected work as unsaved changes. Discard deletes it for good. Later keeps every session listed here and asks again next time.</source>
        <translation>「復元」は選んだ作業を未保存の変更として開きます。「破棄」は完全に削除します。「後で」はここにあるセッションをすべて残し、次回また確認します。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Draw, Select, Erase, Velocity tool</source>
        <translation>描く・選択・消去・ベロシティのツール</translation>
    </message>
    <message>
        <source>Draw a note; drag to set its length</source>
        <translation>ノートを描く。ドラッグで長さを決める</translation>
    </message>
    <message>
        <source>Move it (Alt copies); drag an edge to resize</source>
        <translation>移動（Alt でコピー）。端をドラッグで長さを変更</translation>
    </message>
    <message>
        <source>Move selection by the grid (Shift: by a bar)</source>
        <translation>選択をグリッド単位で移動（Shift：小節単位）</translation>
    </message>
    <message>
        <source>Transpose selection a semitone (Shift: an octave)</source>
        <translation>選択を半音移調（Shift：オクターブ）</translation>
    </message>
    <message>
        <source>Delete selection</source>
        <translation>選択を削除</translation>
    </message>
    <message>
        <source>Duplicate selection</source>
        <translation>選択を複製</translation>
    </message>
    <message>
        <source>Rename the selected track</source>
        <translation>選択したトラックの名前を変更</translation>
    </message>
    <message>
        <source>Quantize to the grid</source>
        <translation>グリッドにクオンタイズ</translation>
    </message>
    <message>
        <source>Grid 1/4, 1/8, 1/16, 1/32, then triplets; 0 toggles snap</source>
        <translation>グリッド 1/4、1/8、1/16、1/32、続いて 3 連符。0 でスナップ切り替え</translation>
    </message>
    <message>
        <source>Play / stop</source>
        <translation>再生／停止</translation>
    </message>
    <message>
        <source>Record from the MIDI input into the selected track (choose it in the MIDI menu)</source>
        <translation>MIDI 入力から選択中のトラックに録音（入力は MIDI メニューで選びます）</translation>
    </message>
    <message>
        <source>Type a chord on that beat (C, Am7, G/B, N.C.); drag a chord to move it, Delete removes it</source>
        <translation>その拍にコード（C、Am7、G/B、N.C.）を入力。コードはドラッグで移動、Delete キーで削除</translation>
    </message>
    <message>
        <source>Scroll up/down (Shift: left/right, Ctrl: zoom, Ctrl+Shift: zoom rows)</source>
        <translation>上下スクロール（Shift：左右、Ctrl：拡大縮小、Ctrl+Shift：行の高さ）</translation>
    </message>
    <message>
        <source>Click, drag</source>
        <translation>クリック、ドラッグ</translation>
    </message>
    <message>
        <source>Drag a note</source>
        <translation>ノートをドラッグ</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>右クリック</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete キー</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>スペース</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>ホイール</translation>
    </message>
    <message>
        <source>Double-click the chord lane</source>
        <translation>コードレーンをダブルクリック</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>{0} について(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <comment>an undo action: Undo, then what it undoes</comment>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new song</source>
        <translation>新しい曲を始めます</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project, MIDI, MusicXML, .mxl or ABC file</source>
        <translation>プロジェクト、MIDI、MusicXML、.mxl、ABC のファイルを開きます</translation>
    </message>
    <message>
        <source>&amp;Import MIDI…</source>
        <translation>MIDI を読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the tracks of a MIDI or MusicXML file to this song</source>
        <translation>MIDI や MusicXML ファイルのトラックをこの曲に加えます</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>プロジェクトを保存します</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>プロジェクトを新しい名前で保存します</translation>
    </message>
    <message>
        <source>&amp;Export MIDI…</source>
        <translation>MIDI を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the song as a Standard MIDI File</source>
        <translation>曲を標準 MIDI ファイルとして書き出します</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Paste notes at the playhead</source>
        <translation>再生位置にノートを貼り付けます</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quantize</source>
        <translation>クオンタイズ(&amp;Q)</translation>
    </message>
    <message>
        <source>Snap the selection (or the whole track) to the grid</source>
        <translation>選択（またはトラック全体）をグリッドに揃えます</translation>
    </message>
    <message>
        <source>Transpose Up	Up</source>
        <translation>上へ移調	↑</translation>
    </message>
    <message>
        <source>Transpose Down	Down</source>
        <translation>下へ移調	↓</translation>
    </message>
    <message>
        <source>Octave Up	Shift+Up</source>
        <translation>1 オクターブ上へ	Shift+↑</translation>
    </message>
    <message>
        <source>Octave Down	Shift+Down</source>
        <translation>1 オクターブ下へ	Shift+↓</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>全体を表示(&amp;F)</translation>
    </message>
    <message>
        <source>P&amp;rojector Mode</source>
        <translation>プロジェクターモード(&amp;R)</translation>
    </message>
    <message>
        <source>Large type and high contrast for a classroom</source>
        <translation>教室向けの大きな文字と高いコントラスト</translation>
    </message>
    <message>
        <source>&amp;Play / Stop</source>
        <translation>再生／停止(&amp;P)</translation>
    </message>
    <message>
        <source>Play or stop the song</source>
        <translation>曲を再生または停止します</translation>
    </message>
    <message>
        <source>&amp;Generate Variations</source>
        <translation>バリエーションを生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate variations with the chosen model</source>
        <translation>選んだモデルでバリエーションを生成します</translation>
    </message>
    <message>
        <source>Open &amp;Demo</source>
        <translation>デモを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Open the demo song and the three first steps</source>
        <translation>デモ曲と最初の 3 ステップの案内を開きます</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Transpose</source>
        <translation>移調(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>グリッド(&amp;G)</translation>
    </message>
    <message>
        <source>Snap off	0</source>
        <translation>スナップ オフ	0</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Transport</source>
        <translation>再生(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>{0} について</translation>
    </message>
    <message>
        <source>Compose with Google Magenta&apos;s generative models.</source>
        <translation>Google Magenta の生成モデルで作曲します。</translation>
    </message>
    <message>
        <source>Getting the models ready; generating as soon as they are…</source>
        <translation>モデルを準備しています。準備ができしだい生成します…</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>テンポ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>拍子</translation>
    </message>
    <message>
        <source> qpm</source>
        <translation> qpm</translation>
    </message>
    <message>
        <source>Tempo in quarter notes per minute</source>
        <translation>1 分あたりの 4 分音符の数で表したテンポ</translation>
    </message>
    <message>
        <source>Beats per bar</source>
        <translation>1 小節の拍数</translation>
    </message>
    <message>
        <source>Beat unit</source>
        <translation>拍の単位</translation>
    </message>
    <message>
        <source>Song length in bars (grows by itself when notes reach past the end)</source>
        <translation>曲の長さ（小節数）。ノートが末尾を越えると自動で伸びます</translation>
    </message>
    <message>
        <source>Set tempo to {0:g} qpm</source>
        <translation>テンポを {0:g} qpm に設定</translation>
    </message>
    <message>
        <source>Set time signature to {0}</source>
        <translation>拍子を {0} に設定</translation>
    </message>
    <message numerus="yes">
        <source>Set length to %n bar(s)</source>
        <translation>
            <numerusform>長さを %n 小節に設定</numerusform>
        </translation>
    </message>
    <message>
        <source>Drum kit</source>
        <translation>ドラムキット</translation>
    </message>
    <message>
        <source>Track colour: double-click to change it</source>
        <translation>トラックの色：ダブルクリックで変更</translation>
    </message>
    <message>
        <source>Track name: double-click or press F2 to rename</source>
        <translation>トラック名：ダブルクリックか F2 で名前を変更</translation>
    </message>
    <message>
        <source>Instrument: a General MIDI program, or the drum kit (MIDI channel 10)</source>
        <translation>楽器：General MIDI の音色、またはドラムキット（MIDI チャンネル 10）</translation>
    </message>
    <message>
        <source>M</source>
        <comment>Mute, one letter</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>S</source>
        <comment>Solo, one letter</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>ソロ</translation>
    </message>
    <message>
        <source>Track colour</source>
        <translation>トラックの色</translation>
    </message>
    <message>
        <source>Tracks: click one to edit it in the roll. Drop MIDI files here to import them as tracks.</source>
        <translation>トラック：クリックするとピアノロールで編集できます。MIDI ファイルをここにドロップするとトラックとして読み込みます。</translation>
    </message>
    <message>
        <source>+ Track</source>
        <translation>+ トラック</translation>
    </message>
    <message>
        <source>Add a track</source>
        <translation>トラックを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected track</source>
        <translation>選択したトラックを削除</translation>
    </message>
    <message>
        <source>Move the track up</source>
        <translation>トラックを上へ移動</translation>
    </message>
    <message>
        <source>Move the track down</source>
        <translation>トラックを下へ移動</translation>
    </message>
    <message>
        <source>Rename track to {0}</source>
        <translation>トラック名を {0} に変更</translation>
    </message>
    <message>
        <source>Make {0} a drum track</source>
        <translation>{0} をドラムトラックにする</translation>
    </message>
    <message>
        <source>Set {0} to {1}</source>
        <translation>{0} を {1} にする</translation>
    </message>
    <message>
        <source>Mute {0}</source>
        <translation>{0} をミュート</translation>
    </message>
    <message>
        <source>Unmute {0}</source>
        <translation>{0} のミュートを解除</translation>
    </message>
    <message>
        <source>Solo {0}</source>
        <translation>{0} をソロ</translation>
    </message>
    <message>
        <source>Unsolo {0}</source>
        <translation>{0} のソロを解除</translation>
    </message>
    <message>
        <source>Change track colour</source>
        <translation>トラックの色を変更</translation>
    </message>
    <message>
        <source>Drums {0}</source>
        <translation>ドラム {0}</translation>
    </message>
    <message>
        <source>Drums</source>
        <translation>ドラム</translation>
    </message>
    <message>
        <source>Track {0}</source>
        <translation>トラック {0}</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} を追加</translation>
    </message>
    <message>
        <source>A song keeps at least one track</source>
        <translation>曲には少なくとも 1 つのトラックが必要です</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} を削除</translation>
    </message>
    <message>
        <source>Move {0} up</source>
        <translation>{0} を上へ移動</translation>
    </message>
    <message>
        <source>Move {0} down</source>
        <translation>{0} を下へ移動</translation>
    </message>
    <message>
        <source>Instrument track</source>
        <translation>楽器のトラック</translation>
    </message>
    <message>
        <source>Drum track</source>
        <translation>ドラムトラック</translation>
    </message>
    <message>
        <source>Select the notes of the clip first: the bars they start in become the clip.</source>
        <translation>先にクリップにする音符を選択してください。それらが始まる小節がクリップになります。</translation>
    </message>
    <message>
        <source>From bar {0} of {1}</source>
        <translation>{1} の {0} 小節目から</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>{0} を読み込み中…</translation>
    </message>
    <message>
        <source>Open a MusicVAE checkpoint first.</source>
        <translation>先に MusicVAE のチェックポイントを開いてください。</translation>
    </message>
    <message>
        <source>hits kept</source>
        <translation>打音はそのまま</translation>
    </message>
    <message>
        <source>similarity {0:g}</source>
        <translation>類似度 {0:g}</translation>
    </message>
    <message>
        <source>{0} writes to a drum track; add one in the track list.</source>
        <translation>{0} はドラムトラックに書き込みます。トラック一覧でドラムトラックを追加してください。</translation>
    </message>
    <message>
        <source>{0} writes to a melody (non-drum) track; add one in the track list.</source>
        <translation>{0} はメロディ（ドラム以外）のトラックに書き込みます。トラック一覧で追加してください。</translation>
    </message>
    <message>
        <source>Groove works on a drum track; select one in the track list.</source>
        <translation>グルーヴはドラムトラックに使います。トラック一覧でドラムトラックを選んでください。</translation>
    </message>
    <message>
        <source>GrooVAE plays 4/4 only, and this song has another metre.</source>
        <translation>GrooVAE は 4/4 拍子だけを扱いますが、この曲には別の拍子があります。</translation>
    </message>
    <message>
        <source>There are no drum notes to groove: draw some, or select the bars to groove.</source>
        <translation>グルーヴをかけるドラムのノートがありません。ノートを描くか、かけたい小節を選んでください。</translation>
    </message>
    <message>
        <source>Track {0} has no notes in the {1} bars from bar {2}: the clip needs music there.</source>
        <translation>トラック {0} の {2} 小節目から {1} 小節にノートがありません。クリップにはそこに音楽が必要です。</translation>
    </message>
    <message>
        <source>{0} has no notes in its first {1} bars.</source>
        <translation>{0} の最初の {1} 小節にノートがありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s): click one to hear it in the song, Keep the one you like.</source>
        <translation>
            <numerusform>%n 個のクリップ：クリックすると曲の中で聴けます。気に入ったものを「採用」してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded {0} as {1}.</source>
        <translation>{0} を {1} として読み込みました。</translation>
    </message>
    <message>
        <source>Its tensors fit {0} alike: choose the config it was trained as.</source>
        <translation>このテンソルは {0} のどれにも合います。学習時の設定を選んでください。</translation>
    </message>
    <message>
        <source>A → B, {0} of {1}</source>
        <translation>A → B、{1} 個中 {0}</translation>
    </message>
    <message>
        <source>Sample new clips</source>
        <translation>新しいクリップをサンプリング</translation>
    </message>
    <message>
        <source>Groove the drum track</source>
        <translation>ドラムトラックにグルーヴをかける</translation>
    </message>
    <message>
        <source>Interpolate from clip A to clip B</source>
        <translation>クリップ A から B へ補間</translation>
    </message>
    <message>
        <source>Variations of a clip</source>
        <translation>クリップのバリエーション</translation>
    </message>
    <message>
        <source>melody</source>
        <translation>メロディ</translation>
    </message>
    <message>
        <source>drums</source>
        <translation>ドラム</translation>
    </message>
    <message>
        <source>trio: melody, bass and drums</source>
        <translation>トリオ：メロディ、ベース、ドラム</translation>
    </message>
    <message>
        <source>GrooVAE drums</source>
        <translation>GrooVAE ドラム</translation>
    </message>
    <message>
        <source>Humanize: timing and dynamics for a quantized drum part</source>
        <translation>ヒューマナイズ：クオンタイズされたドラムにタイミングと強弱をつけます</translation>
    </message>
    <message>
        <source>Drumify (tap2drum): a tapped rhythm becomes a full groove</source>
        <translation>ドラム化（tap2drum）：タップしたリズムを本格的なグルーヴにします</translation>
    </message>
    <message>
        <source>Add hi-hat: a closed hi-hat over the drum part</source>
        <translation>ハイハット追加：ドラムにクローズドハイハットを重ねます</translation>
    </message>
    <message>
        <source>Humanize in 4-bar windows</source>
        <translation>4 小節ごとにヒューマナイズ</translation>
    </message>
    <message>
        <source>Regroove keeping the hits (hits control)</source>
        <translation>打点を保ったままグルーヴし直す（ヒットコントロール）</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>Clips</source>
        <translation>クリップ数</translation>
    </message>
    <message>
        <source>Clip A</source>
        <translation>クリップ A</translation>
    </message>
    <message>
        <source>Clip B</source>
        <translation>クリップ B</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>類似度</translation>
    </message>
    <message>
        <source>A → B</source>
        <translation>A → B</translation>
    </message>
    <message>
        <source>Keep my hits: change only their timing and dynamics</source>
        <translation>打音はそのまま: タイミングと強弱だけを変える</translation>
    </message>
    <message>
        <source>Off, the model also decides which hits to play, as in Magenta, and may drop or add some; the temperature sets how freely</source>
        <translation>オフにすると、Magenta と同じくどの打音を鳴らすかもモデルが決め、打音を落としたり足したりすることがあります。どのくらい自由にするかは温度で決まります</translation>
    </message>
    <message>
        <source>How many clips (or interpolation steps, both ends included) to make</source>
        <translation>作るクリップの数（補間では両端を含むステップ数）</translation>
    </message>
    <message>
        <source>Choose a checkpoint the app ships, or open a Magenta MusicVAE checkpoint (a .tar, a checkpoint&apos;s .index file or a training folder), or drop one on the window.</source>
        <translation>アプリ同梱のチェックポイントを選ぶか、Magenta の MusicVAE チェックポイント（.tar、チェックポイントの .index ファイル、または学習フォルダー）を開くか、ウィンドウにドロップしてください。</translation>
    </message>
    <message>
        <source>Open a Magenta MusicVAE checkpoint (a .tar, a checkpoint&apos;s .index file or a training folder), or drop one on the window.</source>
        <translation>Magenta の MusicVAE チェックポイント（.tar、チェックポイントの .index ファイル、または学習フォルダー）を開くか、ウィンドウにドロップしてください。</translation>
    </message>
    <message>
        <source>{0} (shipped)</source>
        <translation>{0}（同梱）</translation>
    </message>
    <message>
        <source>No checkpoint opened</source>
        <translation>チェックポイント未選択</translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation>チェックポイントを開く…</translation>
    </message>
    <message>
        <source>Open checkpoint folder…</source>
        <translation>チェックポイントのフォルダーを開く…</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s tensors fit these configs alike: choose the one it was trained as</source>
        <translation>このチェックポイントのテンソルはこれらの設定のどれにも合います。学習時の設定を選んでください</translation>
    </message>
    <message>
        <source>Open a MusicVAE checkpoint</source>
        <translation>MusicVAE のチェックポイントを開く</translation>
    </message>
    <message>
        <source>MusicVAE checkpoints (*.tar *.index);;All files (*)</source>
        <translation>MusicVAE チェックポイント (*.tar *.index);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open a MusicVAE checkpoint folder</source>
        <translation>MusicVAE のチェックポイントのフォルダーを開く</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}、{1}</translation>
    </message>
    <message>
        <source>Grooves the selected drum notes&apos; bars, the loop region, or else the whole drum track, in the model&apos;s windows; the bars outside stay as they are.</source>
        <translation>選んだドラムのノートの小節（なければループ範囲、それもなければドラムトラック全体）に、モデルの区切りごとにグルーヴをかけます。範囲外の小節はそのままです。</translation>
    </message>
    <message>
        <source>Clips like the one at the selection (or the playhead&apos;s bar) on the current track: similarity 1 repeats it as the model hears it, 0 forgets it.</source>
        <translation>現在のトラックの選択範囲（または再生位置の小節）にあるクリップに似たクリップを作ります。類似度 1 はモデルが聞き取ったとおりに繰り返し、0 は元のクリップを忘れます。</translation>
    </message>
    <message>
        <source>Clips go from A to B: tracks at the selection or playhead, a selection&apos;s bars, or files.</source>
        <translation>A から B へのクリップを作ります。A と B は、選択範囲か再生位置のトラック、選択した小節、またはファイルです。</translation>
    </message>
    <message>
        <source>New clips from the model, placed at the playhead (or the selection) when kept.</source>
        <translation>モデルが作る新しいクリップです。採用すると再生位置（または選択範囲）に置かれます。</translation>
    </message>
    <message>
        <source>The selected notes&apos; bars</source>
        <translation>選択した音符の小節</translation>
    </message>
    <message>
        <source>A file…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>A clip from a file</source>
        <translation>ファイルからクリップを選ぶ</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>はじめの一歩</translation>
    </message>
    <message>
        <source>Draw or play a primer (or keep the demo&apos;s)</source>
        <translation>プライマーを描くか弾く（デモのままでも可）</translation>
    </message>
    <message>
        <source>Choose a model in the Generate panel</source>
        <translation>生成パネルでモデルを選ぶ</translation>
    </message>
    <message>
        <source>Press Generate (Ctrl+G) and listen to the variations</source>
        <translation>「生成」（Ctrl+G）を押してバリエーションを聴く</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>わかりました</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>デモ</translation>
    </message>
    <message>
        <source>Small: quick to train (2 layers of 64)</source>
        <translation>小：すぐに学習できる（64 ユニット × 2 層）</translation>
    </message>
    <message>
        <source>As Magenta&apos;s (the model&apos;s own size)</source>
        <translation>Magenta と同じ（モデル本来の大きさ）</translation>
    </message>
    <message>
        <source>Tiny: a try-out in seconds (1 layer of 8)</source>
        <translation>極小：数秒で試せる（8 ユニット × 1 層）</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大きさ：</translation>
    </message>
    <message>
        <source>Music:</source>
        <translation>音楽：</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>長さ：</translation>
    </message>
    <message>
        <source>Pieces:</source>
        <translation>曲:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存先：</translation>
    </message>
    <message>
        <source>Continue training a bundle or checkpoint…</source>
        <translation>バンドルまたはチェックポイントの学習を続ける…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Infer chords from the other parts where a file has no chord symbols</source>
        <translation>コード記号のないファイルでは、ほかのパートからコードを推定する</translation>
    </message>
    <message>
        <source>Improv RNN learns melodies over chords: give it lead sheets (MusicXML, ABC or MIDI with chord symbols).</source>
        <translation>Improv RNN はコードの上のメロディーを学習します。リードシート（コード記号付きの MusicXML、ABC、MIDI）を与えてください。</translation>
    </message>
    <message>
        <source>where the new checkpoint (.tar) goes</source>
        <translation>新しいチェックポイント (.tar) の保存先</translation>
    </message>
    <message>
        <source>where the new bundle (.mag) goes</source>
        <translation>新しいバンドル（.mag）の保存先</translation>
    </message>
    <message>
        <source>Folders of MIDI, MusicXML or ABC files (searched with their sub-folders)</source>
        <translation>MIDI・MusicXML・ABC ファイルのフォルダー（サブフォルダーも探します）</translation>
    </message>
    <message>
        <source>The bundle&apos;s own layer sizes</source>
        <translation>バンドル自身の層の大きさ</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s own: z {0}, encoder LSTM {1}, decoder LSTM {2}; batches of {3}</source>
        <translation>チェックポイント自身の大きさ: z {0}、エンコーダー LSTM {1}、デコーダー LSTM {2}。バッチ {3}</translation>
    </message>
    <message>
        <source>Continue training a bundle or checkpoint</source>
        <translation>バンドルまたはチェックポイントの学習を続ける</translation>
    </message>
    <message>
        <source>Magenta bundles and MusicVAE checkpoints (*.mag *.tar)</source>
        <translation>Magenta バンドルと MusicVAE チェックポイント (*.mag *.tar)</translation>
    </message>
    <message>
        <source>Continues from {0}</source>
        <translation>{0} から続けて学習します</translation>
    </message>
    <message>
        <source>A folder of music to learn from</source>
        <translation>学習に使う音楽のフォルダー</translation>
    </message>
    <message>
        <source>Save the new checkpoint as</source>
        <translation>新しいチェックポイントの保存先</translation>
    </message>
    <message>
        <source>MusicVAE checkpoints (*.tar)</source>
        <translation>MusicVAE チェックポイント (*.tar)</translation>
    </message>
    <message>
        <source>Save the new bundle as</source>
        <translation>新しいバンドルの保存先</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>パープレキシティ</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>Choose a model and a folder of music, then Start.</source>
        <translation>モデルと音楽のフォルダーを選んで「開始」を押してください。</translation>
    </message>
    <message>
        <source>What to train</source>
        <translation>学習の内容</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Use in Generate</source>
        <translation>生成で使う</translation>
    </message>
    <message>
        <source>training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>評価用</translation>
    </message>
    <message>
        <source>Wrote {0} and its model card after {1} steps.</source>
        <translation>{1} ステップの学習で {0} とモデルカードを書き出しました。</translation>
    </message>
    <message>
        <source>Held-out perplexity {0:.3g}.</source>
        <translation>評価用データのパープレキシティ {0:.3g}。</translation>
    </message>
    <message>
        <source>It is chosen in the Generate panel now.</source>
        <translation>生成パネルで選択済みです。</translation>
    </message>
    <message>
        <source>An earlier run for {0} stopped at step {1}.</source>
        <translation>{0} の前回の学習はステップ {1} で止まっています。</translation>
    </message>
    <message>
        <source>Continue it, or start over (its checkpoints are deleted)?</source>
        <translation>続けますか、それとも最初からやり直しますか（チェックポイントは削除されます）？</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Choose the bundle to continue training.</source>
        <translation>学習を続けるバンドルを選んでください。</translation>
    </message>
    <message>
        <source>Add a folder of MIDI, MusicXML or ABC files to learn from.</source>
        <translation>学習に使う MIDI・MusicXML・ABC ファイルのフォルダーを追加してください。</translation>
    </message>
    <message>
        <source>Choose where to save the new bundle.</source>
        <translation>新しいバンドルの保存先を選んでください。</translation>
    </message>
    <message>
        <source>The new MusicVAE checkpoint&apos;s name should end in .tar.</source>
        <translation>新しい MusicVAE チェックポイントの名前は .tar で終わるようにしてください。</translation>
    </message>
    <message>
        <source>The new bundle&apos;s name should end in .mag.</source>
        <translation>新しいバンドルの名前は .mag で終わる必要があります。</translation>
    </message>
    <message>
        <source>{0} exists.</source>
        <translation>{0} はすでにあります。</translation>
    </message>
    <message>
        <source>Replace it (and its model card) when training ends?</source>
        <translation>学習が終わったら置き換えますか（モデルカードも）？</translation>
    </message>
    <message>
        <source>Reconstruction accuracy</source>
        <translation>再構成の正解率</translation>
    </message>
    <message>
        <source>KL divergence (bits)</source>
        <translation>KL ダイバージェンス (ビット)</translation>
    </message>
    <message>
        <source>Replace it when training ends?</source>
        <translation>学習が終わったら置き換えますか？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Starting the trainer…</source>
        <translation>学習を始めています…</translation>
    </message>
    <message>
        <source>Pausing: saving a checkpoint…</source>
        <translation>一時停止中：チェックポイントを保存しています…</translation>
    </message>
    <message>
        <source>Cancelled. The last checkpoint is kept in {0}.</source>
        <translation>中止しました。最後のチェックポイントは {0} に残っています。</translation>
    </message>
    <message>
        <source>Cancelling: saving a checkpoint…</source>
        <translation>中止中：チェックポイントを保存しています…</translation>
    </message>
    <message>
        <source>Saving the training checkpoint before closing…</source>
        <translation>閉じる前に学習のチェックポイントを保存しています…</translation>
    </message>
    <message>
        <source>Reading the music: {0} of {1} files</source>
        <translation>音楽を読み込み中：{1} ファイル中 {0}</translation>
    </message>
    <message>
        <source>Building the network…</source>
        <translation>ネットワークを準備しています…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>学習中…</translation>
    </message>
    <message>
        <source>Writing the checkpoint (.tar)…</source>
        <translation>チェックポイント (.tar) を書き出しています…</translation>
    </message>
    <message>
        <source>Writing the bundle and its model card…</source>
        <translation>バンドルとモデルカードを書き出しています…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Paused at step {0}. Resume continues from its checkpoint, now or after the app restarts.</source>
        <translation>ステップ {0} で一時停止しました。「再開」でチェックポイントから続けられます（アプリを再起動した後でも）。</translation>
    </message>
    <message>
        <source>Training stopped: {0}</source>
        <translation>学習が止まりました：{0}</translation>
    </message>
    <message>
        <source>{0} is opening in the MusicVAE tab of the Generate panel</source>
        <translation>{0} を生成パネルの MusicVAE タブで開いています</translation>
    </message>
    <message>
        <source>{0} is ready in the Generate panel</source>
        <translation>{0} を生成パネルで使えます</translation>
    </message>
    <message>
        <source>Training is still running. Stop it and close? Its last checkpoint is kept, and Resume in the Training panel continues it at the next start.</source>
        <translation>学習がまだ動いています。止めて閉じますか？最後のチェックポイントは残り、次回の起動時に学習パネルの「再開」で続けられます。</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 時間 {1} 分</translation>
    </message>
    <message>
        <source>{0}, continuing {1}</source>
        <translation>{0}（{1} の続き）</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n ステップ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} · {1} · %n folder(s) → {2}</source>
        <translation>
            <numerusform>{0} · {1} · フォルダー %n 個 → {2}</numerusform>
        </translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>ステップ {0} / {1}</translation>
    </message>
    <message>
        <source>{0:.2f} steps/s</source>
        <translation>{0:.2f} ステップ/秒</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>残り約 {0}</translation>
    </message>
    <message>
        <source>β {0:.3g}</source>
        <translation>β {0:.3g}</translation>
    </message>
    <message>
        <source>held-out accuracy {0:.0%}, KL {1:.3g} bits</source>
        <translation>検証データの正解率 {0:.0%}、KL {1:.3g} ビット</translation>
    </message>
    <message>
        <source>held-out perplexity {0:.3g}, accuracy {1:.0%}</source>
        <translation>評価用パープレキシティ {0:.3g}、正解率 {1:.0%}</translation>
    </message>
    <message>
        <source>Wrote {0} after {1} steps.</source>
        <translation>{1} ステップで {0} を書き出しました。</translation>
    </message>
    <message>
        <source>Held-out reconstruction accuracy {0:.0%}, KL {1:.3g} bits.</source>
        <translation>検証データの再構成正解率 {0:.0%}、KL {1:.3g} ビット。</translation>
    </message>
    <message>
        <source>It is opened in the MusicVAE tab of the Generate panel now.</source>
        <translation>生成パネルの MusicVAE タブで開きました。</translation>
    </message>
    <message>
        <source>That file is not a bundle or MusicVAE checkpoint of a model the app trains: choose another.</source>
        <translation>このファイルは、このアプリが学習できるモデルのバンドルでも MusicVAE チェックポイントでもありません。別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Magenta&apos;s size of this model (about 176 million parameters) takes minutes a step and about 7 GB of memory on a laptop CPU: choose the small size, or train Magenta&apos;s size on a GPU machine.</source>
        <translation>このモデルの Magenta のサイズ (約 1 億 7600 万パラメーター) は、ノートパソコンの CPU では 1 ステップに数分かかり、メモリーも約 7 GB 使います。小さいサイズを選ぶか、Magenta のサイズは GPU のあるマシンで学習してください。</translation>
    </message>
    <message>
        <source>Magenta&apos;s size takes about {0} a step, the small one about {1}</source>
        <translation>Magenta のサイズは 1 ステップ約 {0}、小さいサイズは約 {1}</translation>
    </message>
    <message>
        <source>the small size takes about {0} a step</source>
        <translation>小さいサイズは 1 ステップ約 {0}</translation>
    </message>
    <message>
        <source>A step takes about {0} at this size, so {1} give about {2} steps (measured on a 2-core CPU: {3}).</source>
        <translation>このサイズでは 1 ステップ約 {0} かかるので、{1} で約 {2} ステップ進みます (2 コアの CPU で測定: {3})。</translation>
    </message>
    <message>
        <source>A step takes about {0} at this size, so {1} steps take about {2}, plus up to a minute to start (measured on a 2-core CPU: {3}).</source>
        <translation>このサイズでは 1 ステップ約 {0} かかるので、{1} ステップで約 {2}、それに開始までの最大 1 分ほどがかかります (2 コアの CPU で測定: {3})。</translation>
    </message>
    <message>
        <source>{what}. {todo}</source>
        <translation>{what}。{todo}</translation>
    </message>
    <message>
        <source>exit status {code}</source>
        <translation>終了コード {code}</translation>
    </message>
    <message>
        <source>Check that the device is connected and not in use by another program, or choose another port.</source>
        <translation>機器が接続されていて、ほかのプログラムが使っていないか確かめるか、別のポートを選んでください。</translation>
    </message>
    <message>
        <source>MIDI is not available on this machine: {reason}</source>
        <translation>このコンピューターでは MIDI を使えません：{reason}</translation>
    </message>
    <message>
        <source>the MIDI output {name} is closed</source>
        <translation>MIDI 出力 {name} は閉じています</translation>
    </message>
    <message>
        <source>there is no MIDI input named {name}</source>
        <translation>{name} という MIDI 入力はありません</translation>
    </message>
    <message>
        <source>there is no MIDI output named {name}</source>
        <translation>{name} という MIDI 出力はありません</translation>
    </message>
    <message>
        <source>python-rtmidi is not installed</source>
        <translation>python-rtmidi がインストールされていません</translation>
    </message>
    <message>
        <source>the ALSA sequencer (/dev/snd/seq) cannot be opened ({detail})</source>
        <translation>ALSA シーケンサー（/dev/snd/seq）を開けません（{detail}）</translation>
    </message>
    <message>
        <source>the MIDI system cannot be opened ({detail})</source>
        <translation>MIDI システムを開けません（{detail}）</translation>
    </message>
    <message>
        <source>the MIDI port {name} cannot be opened: {detail}</source>
        <translation>MIDI ポート {name} を開けません：{detail}</translation>
    </message>
    <message>
        <source>Add a track to record into.</source>
        <translation>録音先のトラックを追加してください。</translation>
    </message>
    <message>
        <source>Count-in…</source>
        <translation>カウントイン…</translation>
    </message>
    <message>
        <source>Recording into {0}: play, then press R to stop</source>
        <translation>{0} に録音中：演奏して、R で止めます</translation>
    </message>
    <message>
        <source>the track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>Recording cancelled.</source>
        <translation>録音を取り消しました。</translation>
    </message>
    <message>
        <source>Nothing was played; the track is unchanged.</source>
        <translation>何も演奏されなかったので、トラックは変わっていません。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>録音</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n note(s).</source>
        <translation>
            <numerusform>%n 個のノートを録音しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;MIDI</source>
        <translation>MIDI(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>録音(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Jam: Call and Response</source>
        <translation>ジャム：コール＆レスポンス(&amp;J)</translation>
    </message>
    <message>
        <source>Record what is played on the MIDI input into the selected track (R)</source>
        <translation>MIDI 入力で演奏したものを選択中のトラックに録音します（R）</translation>
    </message>
    <message>
        <source>Play a phrase over the loop region; the model answers the next time round (J)</source>
        <translation>ループ範囲でフレーズを弾くと、次の周でモデルが応えます（J）</translation>
    </message>
    <message>
        <source>No MIDI system: {0}</source>
        <translation>MIDI システムがありません：{0}</translation>
    </message>
    <message>
        <source>No input</source>
        <translation>入力なし</translation>
    </message>
    <message>
        <source>Input: {0} (a port DAWs on this computer can play into)</source>
        <translation>入力：{0}（このコンピューターの DAW が演奏を送るポート）</translation>
    </message>
    <message>
        <source>Input: {0}</source>
        <translation>入力：{0}</translation>
    </message>
    <message>
        <source>No MIDI input found: connect a keyboard and open this menu again</source>
        <translation>MIDI 入力が見つかりません。キーボードをつないで、このメニューをもう一度開いてください</translation>
    </message>
    <message>
        <source>No output</source>
        <translation>出力なし</translation>
    </message>
    <message>
        <source>Output: {0} (a port for DAWs on this computer)</source>
        <translation>出力：{0}（このコンピューターの DAW 用のポート）</translation>
    </message>
    <message>
        <source>Output: {0}</source>
        <translation>出力：{0}</translation>
    </message>
    <message>
        <source>Count-in Bar</source>
        <translation>カウントイン（1 小節）</translation>
    </message>
    <message>
        <source>Metronome</source>
        <translation>メトロノーム</translation>
    </message>
    <message>
        <source>Quantize Recording to the Grid</source>
        <translation>録音をグリッドにクオンタイズ</translation>
    </message>
    <message>
        <source>Continuous Jam: the Model Keeps Playing</source>
        <translation>連続ジャム：モデルが弾き続ける</translation>
    </message>
    <message>
        <source>Built-in Synth Plays Too</source>
        <translation>内蔵シンセでも鳴らす</translation>
    </message>
    <message>
        <source>Hear the Input (Local Monitor)</source>
        <translation>入力を聴く（ローカルモニター）</translation>
    </message>
    <message>
        <source>MIDI</source>
        <translation>MIDI</translation>
    </message>
    <message>
        <source>Playing from {0}</source>
        <translation>{0} から演奏します</translation>
    </message>
    <message>
        <source>MIDI input off</source>
        <translation>MIDI 入力オフ</translation>
    </message>
    <message>
        <source>The song also plays to {0}</source>
        <translation>曲を {0} にも送ります</translation>
    </message>
    <message>
        <source>MIDI output off</source>
        <translation>MIDI 出力オフ</translation>
    </message>
    <message>
        <source>Choose a MIDI input in the MIDI menu first.</source>
        <translation>先に MIDI メニューで MIDI 入力を選んでください。</translation>
    </message>
    <message>
        <source>SoundFont {path}: {problem}</source>
        <translation>SoundFont {path}: {problem}</translation>
    </message>
    <message>
        <source>the PortAudio library is not installed (Debian/Ubuntu: libportaudio2)</source>
        <translation>PortAudio ライブラリがインストールされていません（Debian/Ubuntu: libportaudio2）</translation>
    </message>
    <message>
        <source>the sounddevice package is not installed</source>
        <translation>sounddevice パッケージがインストールされていません</translation>
    </message>
    <message>
        <source>no audio output device was found</source>
        <translation>音声出力デバイスが見つかりませんでした</translation>
    </message>
    <message>
        <source>the audio output could not be opened ({reason})</source>
        <translation>音声出力を開けませんでした（{reason}）</translation>
    </message>
    <message>
        <source>the player was closed</source>
        <translation>プレーヤーは閉じられています</translation>
    </message>
    <message>
        <source>the song lasts {hours:.1f} hours; rendering stops at {limit} hours</source>
        <translation>曲の長さが {hours:.1f} 時間あります。書き出しは {limit} 時間までです</translation>
    </message>
    <message>
        <source>Raise its tempo, or export a part of it.</source>
        <translation>テンポを上げるか、曲の一部を書き出してください。</translation>
    </message>
    <message>
        <source>rendering was cancelled</source>
        <translation>書き出しを取り消しました</translation>
    </message>
    <message>
        <source>{path}: can only write audio as .wav or .flac</source>
        <translation>{path}: 音声は .wav か .flac でしか書き出せません</translation>
    </message>
    <message>
        <source>{path}: cannot write in {folder}: {reason}</source>
        <translation>{path}: {folder} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>{path}: writing FLAC needs the soundfile package (pip install soundfile); use .wav instead</source>
        <translation>{path}: FLAC の書き出しには soundfile パッケージが必要です（pip install soundfile）。代わりに .wav を使ってください</translation>
    </message>
    <message>
        <source>pretty_midi is not installed, so its General MIDI SoundFont is missing</source>
        <translation>pretty_midi がインストールされていないため、その General MIDI SoundFont がありません</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>is a folder, not a SoundFont</source>
        <translation>SoundFont ではなくフォルダーです</translation>
    </message>
    <message>
        <source>{problem}; using {name} instead</source>
        <translation>{problem}。代わりに {name} を使います</translation>
    </message>
    <message>
        <source>not a SoundFont (no RIFF header); choose an .sf2 or .sf3 file</source>
        <translation>SoundFont ではありません（RIFF ヘッダーがありません）。.sf2 か .sf3 のファイルを選んでください</translation>
    </message>
    <message>
        <source>a RIFF file, but not a SoundFont (.sf2/.sf3)</source>
        <translation>RIFF ファイルですが、SoundFont（.sf2/.sf3）ではありません</translation>
    </message>
    <message>
        <source>truncated: the header promises {promised} bytes but the file has {size}</source>
        <translation>途中で切れています。ヘッダーには {promised} バイトとありますが、ファイルは {size} バイトです</translation>
    </message>
    <message>
        <source>corrupt: its {section} section is missing</source>
        <translation>壊れています。{section} セクションがありません</translation>
    </message>
    <message>
        <source>corrupt: its {table} table is missing</source>
        <translation>壊れています。{table} テーブルがありません</translation>
    </message>
    <message>
        <source>corrupt: its {table} table has a broken size</source>
        <translation>壊れています。{table} テーブルのサイズがおかしくなっています</translation>
    </message>
    <message>
        <source>truncated inside a chunk header</source>
        <translation>チャンクヘッダーの途中で切れています</translation>
    </message>
    <message>
        <source>truncated or corrupt: chunk {chunk!r} runs past the end of its section</source>
        <translation>途中で切れているか壊れています。チャンク {chunk!r} がセクションの終わりを越えています</translation>
    </message>
    <message>
        <source>FluidSynth is not available ({reason}); install libfluidsynth3 (Debian/Ubuntu) and pyfluidsynth</source>
        <translation>FluidSynth が使えません（{reason}）。libfluidsynth3（Debian/Ubuntu）と pyfluidsynth をインストールしてください</translation>
    </message>
    <message>
        <source>FluidSynth could not load it</source>
        <translation>FluidSynth で読み込めませんでした</translation>
    </message>
    <message>
        <source>the recovery file cannot be read (its JSON is nested too deeply)</source>
        <translation>復元用ファイルを読めません（JSON の入れ子が深すぎます）</translation>
    </message>
    <message>
        <source>the recovery file cannot be read ({reason})</source>
        <translation>復元用ファイルを読めません（{reason}）</translation>
    </message>
    <message>
        <source>song</source>
        <translation>曲</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>トラックの一覧</translation>
    </message>
    <message>
        <source>the song has {count} tracks; a song can have up to {limit}</source>
        <translation>曲にトラックが {count} 個あります。曲のトラックは {limit} 個までです</translation>
    </message>
    <message>
        <source>track</source>
        <translation>トラック</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>ノートの一覧</translation>
    </message>
    <message>
        <source>track name</source>
        <translation>トラック名</translation>
    </message>
    <message>
        <source>program</source>
        <translation>音色番号</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>track colour</source>
        <translation>トラックの色</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>soloed</source>
        <translation>ソロ</translation>
    </message>
    <message>
        <source>tempos</source>
        <translation>テンポの一覧</translation>
    </message>
    <message>
        <source>tempo</source>
        <translation>テンポ</translation>
    </message>
    <message>
        <source>tempo tick</source>
        <translation>テンポのティック</translation>
    </message>
    <message>
        <source>the song changes time signature {count} times</source>
        <translation>曲の拍子が {count} 回変わります</translation>
    </message>
    <message>
        <source>time signature</source>
        <translation>拍子</translation>
    </message>
    <message>
        <source>time signature tick</source>
        <translation>拍子のティック</translation>
    </message>
    <message>
        <source>time signature numerator</source>
        <translation>拍子の分子</translation>
    </message>
    <message>
        <source>time signature denominator</source>
        <translation>拍子の分母</translation>
    </message>
    <message>
        <source>chords</source>
        <translation>コードの一覧</translation>
    </message>
    <message>
        <source>chord</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>chord tick</source>
        <translation>コードのティック</translation>
    </message>
    <message>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>not a Composer project file</source>
        <translation>Composer のプロジェクトファイルではありません</translation>
    </message>
    <message>
        <source>unknown project format version {version}</source>
        <translation>不明なプロジェクト形式のバージョン {version} です</translation>
    </message>
    <message>
        <source>made by a newer Composer (project format {version}; this version reads up to {supported})</source>
        <translation>新しい Composer で作られています（プロジェクト形式 {version}。このバージョンが読めるのは {supported} までです）</translation>
    </message>
    <message>
        <source>songs</source>
        <translation>曲の一覧</translation>
    </message>
    <message>
        <source>the project holds {count} songs; a project holds up to {limit}</source>
        <translation>プロジェクトに曲が {count} 曲あります。プロジェクトに入る曲は {limit} 曲までです</translation>
    </message>
    <message>
        <source>the project holds more than {limit:,} notes</source>
        <translation>プロジェクトのノートが {limit:,} 個を超えています</translation>
    </message>
    <message>
        <source>damaged song data ({problem})</source>
        <translation>曲のデータが壊れています（{problem}）</translation>
    </message>
    <message>
        <source>the project holds no song</source>
        <translation>プロジェクトに曲がありません</translation>
    </message>
    <message>
        <source>cannot write in {folder}: no such folder</source>
        <translation>{folder} に書き込めません。フォルダーがありません</translation>
    </message>
    <message>
        <source>could not write the file: {reason}</source>
        <translation>ファイルを書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>project file</source>
        <translation>プロジェクトファイル</translation>
    </message>
    <message>
        <source>not a Composer project file (its JSON is nested too deeply)</source>
        <translation>Composer のプロジェクトファイルではありません（JSON の入れ子が深すぎます）</translation>
    </message>
    <message>
        <source>not a Composer project file (not valid JSON: {reason})</source>
        <translation>Composer のプロジェクトファイルではありません（正しい JSON ではありません: {reason}）</translation>
    </message>
    <message>
        <source>(a list)</source>
        <translation>（リスト）</translation>
    </message>
    <message>
        <source>(an object)</source>
        <translation>（オブジェクト）</translation>
    </message>
    <message>
        <source>{what} {value} is not a whole number</source>
        <translation>{what} {value} は整数ではありません</translation>
    </message>
    <message>
        <source>{what} {value} is outside {low} to {high}</source>
        <translation>{what} {value} が {low}〜{high} の範囲外です</translation>
    </message>
    <message>
        <source>{what} {value} is not a number</source>
        <translation>{what} {value} は数ではありません</translation>
    </message>
    <message>
        <source>{what} {value} is not text</source>
        <translation>{what} {value} はテキストではありません</translation>
    </message>
    <message>
        <source>{what} {value} is not true or false</source>
        <translation>{what} {value} は true でも false でもありません</translation>
    </message>
    <message>
        <source>{what} is not a list</source>
        <translation>{what} がリストではありません</translation>
    </message>
    <message>
        <source>a {what} is not a list of {size} values</source>
        <translation>{what} が {size} 個の値のリストではありません</translation>
    </message>
    <message>
        <source>a {what} is not an object</source>
        <translation>{what} がオブジェクトではありません</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>note start</source>
        <translation>ノートの開始位置</translation>
    </message>
    <message>
        <source>note pitch</source>
        <translation>ノートのピッチ</translation>
    </message>
    <message>
        <source>note duration</source>
        <translation>ノートの長さ</translation>
    </message>
    <message>
        <source>note velocity</source>
        <translation>ノートのベロシティ</translation>
    </message>
    <message>
        <source>tempo {qpm:g} qpm at tick {tick} is outside {low:.2f} to {high:g} qpm</source>
        <translation>ティック {tick} のテンポ {qpm:g} qpm が {low:.2f}〜{high:g} qpm の範囲外です</translation>
    </message>
    <message>
        <source>unknown chord symbol {figure!r}: {problem}</source>
        <translation>不明なコード記号 {figure!r}: {problem}</translation>
    </message>
    <message>
        <source>degree {degree} is already in the chord</source>
        <translation>{degree} 度はすでにコードに入っています</translation>
    </message>
    <message>
        <source>degree {degree} is not in the chord</source>
        <translation>{degree} 度はコードに入っていません</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>空です</translation>
    </message>
    <message>
        <source>a chord starts with a note name A-G (or is N.C.)</source>
        <translation>コードは音名 A〜G で始まります（または N.C. です）</translation>
    </message>
    <message>
        <source>mixed sharps and flats on the root</source>
        <translation>ルートにシャープとフラットが混ざっています</translation>
    </message>
    <message>
        <source>cannot read {rest!r} after the root (kinds look like m, 7, maj7, m7b5, dim7, sus4, 6, 9; then b9, #11, add9 or no3; then /E for a bass)</source>
        <translation>ルートの後の {rest!r} を読めません（種類は m、7、maj7、m7b5、dim7、sus4、6、9 など、続いて b9、#11、add9、no3 など、最後にベースを /E のように書きます）</translation>
    </message>
    <message>
        <source>basic_improv and attention_improv take major, minor, augmented and diminished chords (with any extensions) and N.C.; use chord_pitches_improv for sus, power and other chords.</source>
        <translation>basic_improv と attention_improv が受け付けるのは、メジャー、マイナー、オーギュメント、ディミニッシュのコード（テンションは自由）と N.C. です。sus、パワーコードなどには chord_pitches_improv を使ってください。</translation>
    </message>
    <message>
        <source>chord {figure!r} is not a standard triad (major, minor, augmented or diminished)</source>
        <translation>コード {figure!r} は標準の三和音（メジャー、マイナー、オーギュメント、ディミニッシュ）ではありません</translation>
    </message>
    <message>
        <source>no chord symbols given (write them separated by spaces, e.g. &quot;C G Am F&quot;)</source>
        <translation>コード記号がありません（&quot;C G Am F&quot; のようにスペースで区切って書いてください）</translation>
    </message>
    <message>
        <source>steps per chord must be at least 1, not {steps}</source>
        <translation>コードごとのステップ数は 1 以上にしてください（{steps} ではなく）</translation>
    </message>
    <message>
        <source>{chords} chords x {steps} steps is over this app&apos;s limit of {limit} steps</source>
        <translation>{chords} コード × {steps} ステップは、このアプリの上限 {limit} ステップを超えています</translation>
    </message>
    <message>
        <source>unknown drum pitch: {pitch}</source>
        <translation>不明なドラムのピッチ: {pitch}</translation>
    </message>
    <message>
        <source>Check that it is a MIDI, MusicXML, ABC or Humdrum file and that it is not damaged, or choose another.</source>
        <translation>MIDI、MusicXML、ABC、Humdrum のいずれかのファイルで、壊れていないことを確かめるか、別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Choose a bundle made for this model by Magenta or by this app, or use the shipped one.</source>
        <translation>このモデル用に Magenta またはこのアプリで作られたバンドルを選ぶか、同梱のバンドルを使ってください。</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>Write hparams as name=value pairs separated by commas, e.g. &quot;batch_size=64,rnn_layer_sizes=[64,64]&quot;.</source>
        <translation>hparams は name=value の組をコンマで区切って書いてください（例: &quot;batch_size=64,rnn_layer_sizes=[64,64]&quot;）。</translation>
    </message>
    <message>
        <source>Fix the primer at the marked character; see --help for the notation.</source>
        <translation>印の付いた文字のところでプライマーを直してください。書き方は --help を見てください。</translation>
    </message>
    <message>
        <source>{problem} (at character {position}){pointer}</source>
        <translation>{problem}（{position} 文字目）{pointer}</translation>
    </message>
    <message>
        <source>Change the song&apos;s time signature, or choose a model with a finer grid.</source>
        <translation>曲の拍子を変えるか、より細かいグリッドのモデルを選んでください。</translation>
    </message>
    <message>
        <source>{time_signature} at {steps_per_quarter} steps per quarter gives {steps:g} steps per bar, not a whole number</source>
        <translation>{time_signature} 拍子を 4 分音符あたり {steps_per_quarter} ステップにすると 1 小節が {steps:g} ステップになり、整数になりません</translation>
    </message>
    <message>
        <source>two notes start at step {step} and polyphony is not ignored</source>
        <translation>ステップ {step} で 2 つのノートが始まっていますが、ポリフォニーを無視する設定になっていません</translation>
    </message>
    <message>
        <source>is a folder, not a music file</source>
        <translation>音楽ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>unsupported file type; readable types are {suffixes}</source>
        <translation>対応していないファイル形式です。読める形式は {suffixes} です</translation>
    </message>
    <message>
        <source>can only write MIDI files (.mid)</source>
        <translation>書き出せるのは MIDI ファイル（.mid）だけです</translation>
    </message>
    <message>
        <source>no root</source>
        <translation>ルートがありません</translation>
    </message>
    <message>
        <source>MIDI song</source>
        <translation>MIDI の曲</translation>
    </message>
    <message>
        <source>corrupt or truncated MIDI data ({reason})</source>
        <translation>MIDI データが壊れているか途中で切れています（{reason}）</translation>
    </message>
    <message>
        <source>more than {limit} notes</source>
        <translation>ノートが {limit} 個を超えています</translation>
    </message>
    <message>
        <source>the end of the text</source>
        <translation>テキストの終わり</translation>
    </message>
    <message>
        <source>{value} is not {meaning}</source>
        <translation>{value} は{meaning}ではありません</translation>
    </message>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} は整数ではありません</translation>
    </message>
    <message>
        <source>expected a number, found {found}</source>
        <translation>数が来るはずのところに {found} があります</translation>
    </message>
    <message>
        <source>this {opener!r} is never closed with {closer!r}</source>
        <translation>この {opener!r} が {closer!r} で閉じられていません</translation>
    </message>
    <message>
        <source>{closer!r} does not match the {opener!r} it closes</source>
        <translation>{closer!r} が、閉じる対象の {opener!r} と合っていません</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or {closer!r}, found {found}</source>
        <translation>&apos;,&apos; か {closer!r} が来るはずのところに {found} があります</translation>
    </message>
    <message>
        <source>the {what} is empty</source>
        <translation>{what}が空です</translation>
    </message>
    <message>
        <source>this &apos;]&apos; has no &apos;[&apos; before it</source>
        <translation>この &apos;]&apos; の前に &apos;[&apos; がありません</translation>
    </message>
    <message>
        <source>this {closer!r} has nothing to close</source>
        <translation>この {closer!r} が閉じるものがありません</translation>
    </message>
    <message>
        <source>unexpected {found} after the {what}</source>
        <translation>{what}の後に予期しない {found} があります</translation>
    </message>
    <message>
        <source>melody primer</source>
        <translation>メロディーのプライマー</translation>
    </message>
    <message>
        <source>a melody primer is a flat list of numbers</source>
        <translation>メロディーのプライマーは数を並べただけのリストです</translation>
    </message>
    <message>
        <source>a melody event (-2 = no event, -1 = note off, 0..127 = a note)</source>
        <translation>メロディーのイベント（-2 = イベントなし、-1 = ノートオフ、0..127 = ノート）</translation>
    </message>
    <message>
        <source>drum primer</source>
        <translation>ドラムのプライマー</translation>
    </message>
    <message>
        <source>a drum pitch (0..127)</source>
        <translation>ドラムのピッチ（0..127）</translation>
    </message>
    <message>
        <source>pitches primer</source>
        <translation>ピッチのプライマー</translation>
    </message>
    <message>
        <source>a pitches primer is a flat list of MIDI pitches</source>
        <translation>ピッチのプライマーは MIDI ピッチを並べただけのリストです</translation>
    </message>
    <message>
        <source>a MIDI pitch (0..127)</source>
        <translation>MIDI ピッチ（0..127）</translation>
    </message>
    <message>
        <source>pitch {pitch} is listed twice</source>
        <translation>ピッチ {pitch} が 2 回書かれています</translation>
    </message>
    <message>
        <source>{figure!r} is not a chord symbol: {problem}</source>
        <translation>{figure!r} はコード記号ではありません: {problem}</translation>
    </message>
    <message>
        <source>there are no chords</source>
        <translation>コードがありません</translation>
    </message>
    <message>
        <source>not a readable musicxml file: the .mxl is not a zip archive ({reason})</source>
        <translation>読める MusicXML ファイルではありません。.mxl が zip アーカイブではありません（{reason}）</translation>
    </message>
    <message>
        <source>the .mxl archive holds {count} files; a score holds a few</source>
        <translation>.mxl アーカイブに {count} 個のファイルがあります。楽譜のファイルは数個のはずです</translation>
    </message>
    <message>
        <source>its score unpacks to {size:.0f} MB, more than a score ({limit} MB at most); the archive may be a zip bomb</source>
        <translation>楽譜を展開すると {size:.0f} MB になり、楽譜の上限（{limit} MB）を超えます。zip 爆弾の可能性があります</translation>
    </message>
    <message>
        <source>the .mxl archive holds no MusicXML score</source>
        <translation>.mxl アーカイブに MusicXML の楽譜がありません</translation>
    </message>
    <message>
        <source>the .mxl archive is damaged ({reason})</source>
        <translation>.mxl アーカイブが壊れています（{reason}）</translation>
    </message>
    <message>
        <source>{name} in the .mxl archive is larger than it says</source>
        <translation>.mxl アーカイブの {name} が表示されたサイズより大きくなっています</translation>
    </message>
    <message>
        <source>the XML declares entities, which MusicXML never needs; it was not read</source>
        <translation>XML がエンティティを宣言しています。MusicXML には不要なものなので、読み込みませんでした</translation>
    </message>
    <message>
        <source>not a readable musicxml file: damaged XML ({reason})</source>
        <translation>読める MusicXML ファイルではありません。XML が壊れています（{reason}）</translation>
    </message>
    <message>
        <source>not a readable musicxml file ({reason})</source>
        <translation>読める MusicXML ファイルではありません（{reason}）</translation>
    </message>
    <message>
        <source>timewise MusicXML is not supported; export it as partwise MusicXML</source>
        <translation>timewise の MusicXML には対応していません。partwise の MusicXML で書き出してください</translation>
    </message>
    <message>
        <source>not a MusicXML score (its document is a &lt;{tag}&gt;)</source>
        <translation>MusicXML の楽譜ではありません（文書は &lt;{tag}&gt; です）</translation>
    </message>
    <message>
        <source>it holds more than {limit:,} notes, more than this app reads; export fewer parts or a shorter excerpt</source>
        <translation>ノートが {limit:,} 個を超えていて、このアプリでは読めません。パートを減らすか、短い部分を書き出してください</translation>
    </message>
    <message>
        <source>a measure has {value} divisions per quarter note</source>
        <translation>4 分音符あたりの divisions が {value} の小節があります</translation>
    </message>
    <message>
        <source>a duration of {value} divisions ({quarters:.3g} quarter notes) is not a length a song can hold</source>
        <translation>{value} divisions（4 分音符 {quarters:.3g} 個分）の長さは曲で扱えません</translation>
    </message>
    <message>
        <source>countless</source>
        <translation>数えきれない</translation>
    </message>
    <message>
        <source>a time signature of {beats} beats is not one this app can use (1 to {limit} beats)</source>
        <translation>{beats} 拍の拍子はこのアプリでは使えません（1〜{limit} 拍）</translation>
    </message>
    <message>
        <source>it uses {count} different time signatures of more than {beats} beats; music21 takes a second over each, so this app reads scores with up to {limit}</source>
        <translation>{beats} 拍を超える拍子を {count} 種類使っています。music21 はそれぞれに 1 秒かかるため、このアプリが読めるのは {limit} 種類までの楽譜です</translation>
    </message>
    <message>
        <source>could not interpret the score ({reason})</source>
        <translation>楽譜を解釈できませんでした（{reason}）</translation>
    </message>
    <message>
        <source>the file holds no notes</source>
        <translation>ファイルにノートがありません</translation>
    </message>
    <message>
        <source>score</source>
        <translation>楽譜</translation>
    </message>
    <message>
        <source>not a readable {format} file ({reason})</source>
        <translation>読める {format} ファイルではありません（{reason}）</translation>
    </message>
    <message>
        <source>not a MIDI file (no MThd header)</source>
        <translation>MIDI ファイルではありません（MThd ヘッダーがありません）</translation>
    </message>
    <message>
        <source>its header chunk is {length} bytes long; a MIDI header has 6</source>
        <translation>ヘッダーチャンクが {length} バイトあります。MIDI のヘッダーは 6 バイトです</translation>
    </message>
    <message>
        <source>the file is cut short inside its header chunk</source>
        <translation>ファイルがヘッダーチャンクの途中で切れています</translation>
    </message>
    <message>
        <source>type 2 (multi-song) MIDI files are not supported; save it as type 1</source>
        <translation>タイプ 2（複数曲）の MIDI ファイルには対応していません。タイプ 1 で保存してください</translation>
    </message>
    <message>
        <source>unknown MIDI file type {type}</source>
        <translation>不明な MIDI ファイルのタイプ {type} です</translation>
    </message>
    <message>
        <source>SMPTE (frame-based) timing is not supported; export it with ticks per quarter</source>
        <translation>SMPTE（フレーム単位）のタイミングには対応していません。4 分音符あたりのティックで書き出してください</translation>
    </message>
    <message>
        <source>its header gives 0 ticks per quarter note; the header is damaged</source>
        <translation>ヘッダーの 4 分音符あたりのティックが 0 です。ヘッダーが壊れています</translation>
    </message>
    <message>
        <source>its header announces {count} tracks; this app reads files of up to {limit}</source>
        <translation>ヘッダーにはトラックが {count} 個あるとあります。このアプリが読めるのは {limit} 個までのファイルです</translation>
    </message>
    <message>
        <source>the file holds no tracks</source>
        <translation>ファイルにトラックがありません</translation>
    </message>
    <message>
        <source>its header announces {count} tracks but only {found} follow; the file is likely cut short</source>
        <translation>ヘッダーにはトラックが {count} 個あるとありますが、続くのは {found} 個だけです。ファイルが途中で切れている可能性があります</translation>
    </message>
    <message>
        <source>track {number}</source>
        <translation>トラック {number}</translation>
    </message>
    <message>
        <source>a {name} chunk</source>
        <translation>{name} チャンク</translation>
    </message>
    <message>
        <source>the chunk at byte {offset} (a damaged one)</source>
        <translation>{offset} バイト目のチャンク（壊れたもの）</translation>
    </message>
    <message>
        <source>{what} is cut short: its chunk announces {size} bytes but {found} follow</source>
        <translation>{what} が途中で切れています。チャンクには {size} バイトとありますが、続くのは {found} バイトです</translation>
    </message>
    <message>
        <source>delta time</source>
        <translation>デルタタイム</translation>
    </message>
    <message>
        <source>an event in track {track} runs past the end of its chunk</source>
        <translation>トラック {track} のイベントがチャンクの終わりを越えています</translation>
    </message>
    <message>
        <source>track {track} uses running status before any status byte</source>
        <translation>トラック {track} がステータスバイトより前にランニングステータスを使っています</translation>
    </message>
    <message>
        <source>sysex length</source>
        <translation>sysex の長さ</translation>
    </message>
    <message>
        <source>undefined status byte 0x{status:02X} in track {track}</source>
        <translation>トラック {track} に未定義のステータスバイト 0x{status:02X} があります</translation>
    </message>
    <message>
        <source>it holds more than {limit:,} events, more than a song this app can edit</source>
        <translation>イベントが {limit:,} 個を超えています。このアプリで編集できる曲より多すぎます</translation>
    </message>
    <message>
        <source>it holds more than {megabytes} MB of meta and system-exclusive data</source>
        <translation>メタイベントとシステムエクスクルーシブのデータが {megabytes} MB を超えています</translation>
    </message>
    <message>
        <source>too long: track {track} has an event at tick {tick:,}; the file is likely damaged</source>
        <translation>長すぎます。トラック {track} のティック {tick:,} にイベントがあります。ファイルが壊れている可能性があります</translation>
    </message>
    <message>
        <source>a {what} in track {track} is longer than the 4 bytes a MIDI file allows</source>
        <translation>トラック {track} の{what}が、MIDI ファイルで許される 4 バイトより長くなっています</translation>
    </message>
    <message>
        <source>meta event length</source>
        <translation>メタイベントの長さ</translation>
    </message>
    <message>
        <source>a tempo of 0 microseconds per quarter note at tick {tick} of track {track}</source>
        <translation>トラック {track} のティック {tick} に 4 分音符あたり 0 マイクロ秒のテンポがあります</translation>
    </message>
    <message>
        <source>it changes time signature more than {limit:,} times</source>
        <translation>拍子が {limit:,} 回を超えて変わります</translation>
    </message>
    <message>
        <source>{problem} (at tick {tick} of track {track})</source>
        <translation>{problem}（トラック {track} のティック {tick}）</translation>
    </message>
    <message>
        <source>time signature {numerator}/{denominator} is not one this app can use (1 to {limit} beats of a whole, half, quarter ... or 64th note)</source>
        <translation>拍子 {numerator}/{denominator} はこのアプリでは使えません（全音符、2 分音符、4 分音符…64 分音符を 1〜{limit} 拍にした拍子が使えます）</translation>
    </message>
    <message>
        <source>a huge number</source>
        <translation>巨大な数</translation>
    </message>
    <message>
        <source>it has {count} tracks; a song can have up to {limit}</source>
        <translation>トラックが {count} 個あります。曲のトラックは {limit} 個までです</translation>
    </message>
    <message>
        <source>it has {count} notes; a song can have up to {limit:,}</source>
        <translation>ノートが {count} 個あります。曲のノートは {limit:,} 個までです</translation>
    </message>
    <message>
        <source>it changes time signature {count} times; a song can change up to {limit:,} times</source>
        <translation>拍子が {count} 回変わります。曲の拍子の変更は {limit:,} 回までです</translation>
    </message>
    <message>
        <source>{problem} at tick {tick}</source>
        <translation>{problem}（ティック {tick}）</translation>
    </message>
    <message>
        <source>it lasts until tick {tick}, past the longest song this app can hold (tick {limit:,}, {bars:,} bars of 4/4); the file is likely damaged</source>
        <translation>ティック {tick} まで続き、このアプリで扱える最長の曲（ティック {limit:,}、4/4 拍子で {bars:,} 小節）を超えています。ファイルが壊れている可能性があります</translation>
    </message>
    <message>
        <source>is a folder, not a {kind}</source>
        <translation>{kind}ではなくフォルダーです</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>the file is too large ({size:.0f} MB) to be a {kind}</source>
        <translation>{kind}としては大きすぎるファイルです（{size:.0f} MB）</translation>
    </message>
    <message>
        <source>field number 0</source>
        <translation>フィールド番号が 0 です</translation>
    </message>
    <message>
        <source>truncated field</source>
        <translation>フィールドが途中で切れています</translation>
    </message>
    <message>
        <source>unsupported wire type {wire}</source>
        <translation>対応していないワイヤー型 {wire} です</translation>
    </message>
    <message>
        <source>a text field is not UTF-8</source>
        <translation>テキストのフィールドが UTF-8 ではありません</translation>
    </message>
    <message>
        <source>cannot read {prefix}.index ({reason})</source>
        <translation>{prefix}.index を読めません（{reason}）</translation>
    </message>
    <message>
        <source>{prefix}.index is implausibly large</source>
        <translation>{prefix}.index が大きすぎます</translation>
    </message>
    <message>
        <source>the data shard {name} is not beside the index</source>
        <translation>データのシャード {name} がインデックスの隣にありません</translation>
    </message>
    <message>
        <source>the folder holds no checkpoint (no model.ckpt-N.index, here, in train/ or in checkpoints/)</source>
        <translation>フォルダにチェックポイントがありません（ここにも train/ にも checkpoints/ にも model.ckpt-N.index がありません）</translation>
    </message>
    <message>
        <source>.mag bundle</source>
        <translation>.mag バンドル</translation>
    </message>
    <message>
        <source>not a .mag bundle (no generator id or no checkpoint inside)</source>
        <translation>.mag バンドルではありません（generator id かチェックポイントが入っていません）</translation>
    </message>
    <message>
        <source>the file is truncated</source>
        <translation>ファイルが途中で切れています</translation>
    </message>
    <message>
        <source>not a .mag bundle</source>
        <translation>.mag バンドルではありません</translation>
    </message>
    <message>
        <source>{problem} ({detail})</source>
        <translation>{problem}（{detail}）</translation>
    </message>
    <message>
        <source>a details field of {length} bytes</source>
        <translation>{length} バイトの説明フィールド</translation>
    </message>
    <message>
        <source>truncated varint</source>
        <translation>varint が途中で切れています</translation>
    </message>
    <message>
        <source>varint too long</source>
        <translation>varint が長すぎます</translation>
    </message>
    <message>
        <source>the metagraph&apos;s {what} is not UTF-8</source>
        <translation>metagraph の {what} が UTF-8 ではありません</translation>
    </message>
    <message>
        <source>the metagraph lists more than {limit} state tensors</source>
        <translation>metagraph に状態テンソルが {limit} を超えて載っています</translation>
    </message>
    <message>
        <source>a shape in the metagraph has more than {limit} dimensions</source>
        <translation>metagraph の形に {limit} を超える次元があります</translation>
    </message>
    <message>
        <source>varint longer than {bits} bits</source>
        <translation>varint が {bits} ビットより長いです</translation>
    </message>
    <message>
        <source>varint larger than {bits} bits</source>
        <translation>varint が {bits} ビットより大きいです</translation>
    </message>
    <message>
        <source>snappy block claims an implausible size</source>
        <translation>snappy ブロックのサイズがありえない値です</translation>
    </message>
    <message>
        <source>truncated snappy literal length</source>
        <translation>snappy のリテラル長が途中で切れています</translation>
    </message>
    <message>
        <source>snappy literal runs past its block</source>
        <translation>snappy のリテラルがブロックの終わりを越えています</translation>
    </message>
    <message>
        <source>truncated snappy copy</source>
        <translation>snappy のコピーが途中で切れています</translation>
    </message>
    <message>
        <source>snappy copy out of range</source>
        <translation>snappy のコピーが範囲外です</translation>
    </message>
    <message>
        <source>snappy block shorter than declared</source>
        <translation>snappy ブロックが宣言より短いです</translation>
    </message>
    <message>
        <source>block too short for its restart count</source>
        <translation>ブロックが短すぎて再開位置の数が入りません</translation>
    </message>
    <message>
        <source>block restart array does not fit</source>
        <translation>ブロックの再開位置の配列が収まりません</translation>
    </message>
    <message>
        <source>block restart point out of range</source>
        <translation>ブロックの再開位置が範囲外です</translation>
    </message>
    <message>
        <source>block entry shares more key than it has</source>
        <translation>ブロックのエントリーが持っている以上のキーを共有しています</translation>
    </message>
    <message>
        <source>block entry runs past its block</source>
        <translation>ブロックのエントリーがブロックの終わりを越えています</translation>
    </message>
    <message>
        <source>block keys out of order</source>
        <translation>ブロックのキーの順序が正しくありません</translation>
    </message>
    <message>
        <source>{size} bytes is too short for a table</source>
        <translation>{size} バイトではテーブルとして短すぎます</translation>
    </message>
    <message>
        <source>not a TensorFlow table (bad magic number)</source>
        <translation>TensorFlow のテーブルではありません（マジックナンバーが違います）</translation>
    </message>
    <message>
        <source>block at {offset} (+{size} bytes) runs past the end of the table</source>
        <translation>{offset} のブロック（+{size} バイト）がテーブルの終わりを越えています</translation>
    </message>
    <message>
        <source>checksum mismatch in the block at {offset}</source>
        <translation>{offset} のブロックのチェックサムが一致しません</translation>
    </message>
    <message>
        <source>unknown block compression type {kind}</source>
        <translation>不明なブロック圧縮の種類 {kind} です</translation>
    </message>
    <message>
        <source>cannot open it ({reason})</source>
        <translation>開けません（{reason}）</translation>
    </message>
    <message>
        <source>more than {limit} members in the tar</source>
        <translation>tar のメンバーが {limit} を超えています</translation>
    </message>
    <message>
        <source>not a tar archive, or a damaged one</source>
        <translation>tar アーカイブではないか、壊れています</translation>
    </message>
    <message>
        <source>not a readable tar ({error})</source>
        <translation>読める tar ではありません（{error}）</translation>
    </message>
    <message>
        <source>member {name} is implausibly large ({size} bytes)</source>
        <translation>メンバー {name} が大きすぎます（{size} バイト）</translation>
    </message>
    <message>
        <source>the tar is truncated inside member {name}</source>
        <translation>tar がメンバー {name} の途中で切れています</translation>
    </message>
    <message>
        <source>member {name} cannot be read ({error})</source>
        <translation>メンバー {name} を読めません（{error}）</translation>
    </message>
    <message>
        <source>{what} {value} does not fit in int{bits}</source>
        <translation>{what} {value} が int{bits} に収まりません</translation>
    </message>
    <message>
        <source>protobuf field number 0</source>
        <translation>protobuf のフィールド番号が 0 です</translation>
    </message>
    <message>
        <source>protobuf wire type {wire} is not used by checkpoints</source>
        <translation>protobuf のワイヤー型 {wire} はチェックポイントでは使われません</translation>
    </message>
    <message>
        <source>protobuf field runs past its message</source>
        <translation>protobuf のフィールドがメッセージの終わりを越えています</translation>
    </message>
    <message>
        <source>{what} has wire type {wire}, expected {wanted}</source>
        <translation>{what} のワイヤー型が {wire} です（{wanted} のはずです）</translation>
    </message>
    <message>
        <source>{what} is not UTF-8</source>
        <translation>{what} が UTF-8 ではありません</translation>
    </message>
    <message>
        <source>shape has more than {limit} dimensions</source>
        <translation>形の次元が {limit} を超えています</translation>
    </message>
    <message>
        <source>shape has an unknown or negative dimension ({size})</source>
        <translation>形に不明または負の次元があります（{size}）</translation>
    </message>
    <message>
        <source>shape of unknown rank</source>
        <translation>形のランクが不明です</translation>
    </message>
    <message>
        <source>slice has more than {limit} dimensions</source>
        <translation>スライスの次元が {limit} を超えています</translation>
    </message>
    <message>
        <source>{what} {value} is not a TensorFlow DataType</source>
        <translation>{what} {value} は TensorFlow の DataType ではありません</translation>
    </message>
    <message>
        <source>a tensor in the metadata has no name</source>
        <translation>メタデータに名前のないテンソルがあります</translation>
    </message>
    <message>
        <source>tensor {name!r} has no type in the metadata</source>
        <translation>テンソル {name!r} の型がメタデータにありません</translation>
    </message>
    <message>
        <source>entry has no dtype</source>
        <translation>エントリーに dtype がありません</translation>
    </message>
    <message>
        <source>entry has a negative shard, offset or size</source>
        <translation>エントリーのシャード、オフセット、サイズのどれかが負です</translation>
    </message>
    <message>
        <source>packed varints end mid-value</source>
        <translation>パックされた varint が値の途中で終わっています</translation>
    </message>
    <message>
        <source>packed varint longer than 64 bits</source>
        <translation>パックされた varint が 64 ビットより長いです</translation>
    </message>
    <message>
        <source>holds {found} values where its shape needs {count}</source>
        <translation>値が {found} 個ありますが、形からは {count} 個必要です</translation>
    </message>
    <message>
        <source>{dtype} tensors are not supported</source>
        <translation>{dtype} のテンソルには対応していません</translation>
    </message>
    <message>
        <source>tensor_content holds {size} bytes where its shape needs {needed}</source>
        <translation>tensor_content が {size} バイトですが、形からは {needed} バイト必要です</translation>
    </message>
    <message>
        <source>{dtype} values have the wrong wire type</source>
        <translation>{dtype} の値のワイヤー型が違います</translation>
    </message>
    <message>
        <source>{dtype} values have wire type {wire}</source>
        <translation>{dtype} の値のワイヤー型が {wire} です</translation>
    </message>
    <message>
        <source>{dtype} values out of range</source>
        <translation>{dtype} の値が範囲外です</translation>
    </message>
    <message>
        <source>holds {size} bytes where its shape needs {needed}</source>
        <translation>{size} バイトありますが、形からは {needed} バイト必要です</translation>
    </message>
    <message>
        <source>bool values other than 0 and 1</source>
        <translation>0 と 1 以外の bool 値があります</translation>
    </message>
    <message>
        <source>Choose the checkpoint as Magenta saved it (a .tar, or the model.ckpt-N files), or a .mag bundle.</source>
        <translation>Magenta が保存したままのチェックポイント（.tar か model.ckpt-N のファイル）か、.mag バンドルを選んでください。</translation>
    </message>
    <message>
        <source>cannot read tensor {tensor!r} of checkpoint {source}: {problem}</source>
        <translation>チェックポイント {source} のテンソル {tensor!r} を読めません: {problem}</translation>
    </message>
    <message>
        <source>cannot read checkpoint {source}: {problem}</source>
        <translation>チェックポイント {source} を読めません: {problem}</translation>
    </message>
    <message>
        <source>written for a newer reader (needs format version {version})</source>
        <translation>新しい読み込み側向けに書かれています（形式のバージョン {version} が必要です）</translation>
    </message>
    <message>
        <source>implausibly large shape {shape}</source>
        <translation>形 {shape} が大きすぎます</translation>
    </message>
    <message>
        <source>no data is stored for it</source>
        <translation>データが保存されていません</translation>
    </message>
    <message>
        <source>stored in {count} slices, more than {limit}</source>
        <translation>{count} 個のスライスに保存されていて、{limit} を超えています</translation>
    </message>
    <message>
        <source>a slice of rank {rank} for a tensor of rank {tensor_rank}</source>
        <translation>ランク {tensor_rank} のテンソルにランク {rank} のスライスがあります</translation>
    </message>
    <message>
        <source>slice {extents} lies outside the shape {shape}</source>
        <translation>スライス {extents} が形 {shape} の外にあります</translation>
    </message>
    <message>
        <source>two of its slices overlap</source>
        <translation>スライスのうち 2 つが重なっています</translation>
    </message>
    <message>
        <source>its slices do not cover the whole tensor</source>
        <translation>スライスがテンソル全体を覆っていません</translation>
    </message>
    <message>
        <source>no metadata entry (not a V1 checkpoint)</source>
        <translation>メタデータのエントリーがありません（V1 チェックポイントではありません）</translation>
    </message>
    <message>
        <source>the metadata entry holds no metadata</source>
        <translation>メタデータのエントリーにメタデータがありません</translation>
    </message>
    <message>
        <source>listed twice in the metadata</source>
        <translation>メタデータに 2 回載っています</translation>
    </message>
    <message>
        <source>the data of slice {extents} is missing</source>
        <translation>スライス {extents} のデータがありません</translation>
    </message>
    <message>
        <source>the entry of slice {extents} holds no data</source>
        <translation>スライス {extents} のエントリーにデータがありません</translation>
    </message>
    <message>
        <source>the entry of slice {extents} holds another tensor or slice</source>
        <translation>スライス {extents} のエントリーに別のテンソルかスライスが入っています</translation>
    </message>
    <message>
        <source>data of type {stored} for a {dtype} tensor</source>
        <translation>{dtype} のテンソルに {stored} 型のデータがあります</translation>
    </message>
    <message>
        <source>no header entry (not a V2 checkpoint index)</source>
        <translation>ヘッダーのエントリーがありません（V2 チェックポイントのインデックスではありません）</translation>
    </message>
    <message>
        <source>big-endian checkpoints are not supported</source>
        <translation>ビッグエンディアンのチェックポイントには対応していません</translation>
    </message>
    <message>
        <source>{num_shards} data shards</source>
        <translation>データのシャードが {num_shards} 個です</translation>
    </message>
    <message>
        <source>index keys out of order</source>
        <translation>インデックスのキーの順序が正しくありません</translation>
    </message>
    <message>
        <source>a sliced tensor&apos;s name is not UTF-8</source>
        <translation>スライスされたテンソルの名前が UTF-8 ではありません</translation>
    </message>
    <message>
        <source>tensor name {key!r} is not UTF-8</source>
        <translation>テンソル名 {key!r} が UTF-8 ではありません</translation>
    </message>
    <message>
        <source>stored in shard {number} of a checkpoint with {num_shards}</source>
        <translation>シャードが {num_shards} 個のチェックポイントで、シャード {number} に保存されています</translation>
    </message>
    <message>
        <source>data shard {number} is unavailable ({error})</source>
        <translation>データのシャード {number} を使えません（{error}）</translation>
    </message>
    <message>
        <source>data shard {number} is unavailable</source>
        <translation>データのシャード {number} を使えません</translation>
    </message>
    <message>
        <source>{size} bytes stored where its shape needs {needed}</source>
        <translation>{size} バイト保存されていますが、形からは {needed} バイト必要です</translation>
    </message>
    <message>
        <source>its data (at {offset}, {size} bytes) runs past the end of its shard</source>
        <translation>データ（{offset} から {size} バイト）がシャードの終わりを越えています</translation>
    </message>
    <message>
        <source>its shard is shorter than its index says</source>
        <translation>シャードがインデックスの示す長さより短いです</translation>
    </message>
    <message>
        <source>checksum mismatch in its data</source>
        <translation>データのチェックサムが一致しません</translation>
    </message>
    <message>
        <source>slice {extents} has type {dtype}</source>
        <translation>スライス {extents} の型が {dtype} です</translation>
    </message>
    <message>
        <source>no .index member in the tar</source>
        <translation>tar に .index のメンバーがありません</translation>
    </message>
    <message>
        <source>the tar lacks the data shard {missing}</source>
        <translation>tar にデータのシャード {missing} がありません</translation>
    </message>
    <message>
        <source>hparam {name}={value} is out of range: {rule}</source>
        <translation>hparam {name}={value} は範囲外です: {rule}</translation>
    </message>
    <message>
        <source>a batch holds 1 to 4096 sequences</source>
        <translation>1 バッチのシーケンス数は 1〜4096 です</translation>
    </message>
    <message>
        <source>each layer has 1 to 4096 units</source>
        <translation>各層のユニット数は 1〜4096 です</translation>
    </message>
    <message>
        <source>the keep probability is above 0 and at most 1</source>
        <translation>keep 確率は 0 より大きく 1 以下です</translation>
    </message>
    <message>
        <source>the attention length is 0 (none) to 4096 steps</source>
        <translation>アテンション長は 0（なし）〜4096 ステップです</translation>
    </message>
    <message>
        <source>the gradient clip norm is 0 or more</source>
        <translation>勾配クリップのノルムは 0 以上です</translation>
    </message>
    <message>
        <source>the learning rate is above 0 and at most 10</source>
        <translation>学習率は 0 より大きく 10 以下です</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false です</translation>
    </message>
    <message>
        <source>cannot read hparams at {rest!r}; expected name=value[,name=value]</source>
        <translation>hparams を {rest!r} の位置で読めません。name=value[,name=value] の形で書いてください</translation>
    </message>
    <message>
        <source>unknown hparam {name!r}; known: {known}</source>
        <translation>不明な hparam {name!r} です。使えるもの: {known}</translation>
    </message>
    <message>
        <source>bad value {raw!r} for hparam {name!r}</source>
        <translation>hparam {name!r} の値 {raw!r} が正しくありません</translation>
    </message>
    <message>
        <source>tensor {name!r} {problem}; this is not a MusicVAE checkpoint this app can read</source>
        <translation>テンソル {name!r} は{problem}。このアプリが読める MusicVAE のチェックポイントではありません</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <source>is {dtype}, not float32</source>
        <translation>float32 ではなく {dtype} です</translation>
    </message>
    <message>
        <source>has shape {shape}, expected {expected}</source>
        <translation>形が {shape} です（{expected} のはずです）</translation>
    </message>
    <message>
        <source>holds NaN or infinite values</source>
        <translation>NaN または無限大の値を含んでいます</translation>
    </message>
    <message>
        <source>has {count} values, not 4 gate blocks</source>
        <translation>値が {count} 個あり、4 つのゲートブロックに分けられません</translation>
    </message>
    <message>
        <source>has {rows} rows for {units} units</source>
        <translation>ユニット {units} に対して行が {rows} しかありません</translation>
    </message>
    <message>
        <source>more than {limit} encoder layers</source>
        <translation>エンコーダーの層が {limit} を超えています</translation>
    </message>
    <message>
        <source>has {units} units, forward has {forward}</source>
        <translation>ユニットが {units} ですが、順方向は {forward} です</translation>
    </message>
    <message>
        <source>more than {limit} layers under {scope}</source>
        <translation>{scope} の下の層が {limit} を超えています</translation>
    </message>
    <message>
        <source>this MusicVAE has more than one conductor level, which this app cannot run</source>
        <translation>この MusicVAE にはコンダクターの階層が 2 つ以上あり、このアプリでは実行できません</translation>
    </message>
    <message>
        <source>has shape {shape}, an empty NADE</source>
        <translation>形が {shape} で、空の NADE です</translation>
    </message>
    <message>
        <source>reads {inputs} inputs, expected {outputs} outputs + {z} z (+ controls)</source>
        <translation>入力を {inputs} 読みますが、出力 {outputs} + z {z}（+ コントロール）のはずです</translation>
    </message>
    <message>
        <source>reads {inputs} inputs, expected {outputs} outputs + {z} z</source>
        <translation>入力を {inputs} 読みますが、出力 {outputs} + z {z} のはずです</translation>
    </message>
    <message>
        <source>more than {limit} split core decoders</source>
        <translation>分割されたコアデコーダーが {limit} を超えています</translation>
    </message>
    <message>
        <source>layers of {sizes} units and a NADE</source>
        <translation>ユニット {sizes} の層と NADE</translation>
    </message>
    <message>
        <source>layers of {sizes} units</source>
        <translation>ユニット {sizes} の層</translation>
    </message>
    <message>
        <source>core decoder {index} has {layers}, core decoder 0 of {first_sizes}; Magenta builds them all as categorical decoders from dec_rnn_size, so this is not a MusicVAE checkpoint this app can read</source>
        <translation>コアデコーダー {index} は{layers}、コアデコーダー 0 はユニット {first_sizes} です。Magenta はすべてを dec_rnn_size からカテゴリカルなデコーダーとして作るので、このアプリが読める MusicVAE のチェックポイントではありません</translation>
    </message>
    <message>
        <source>Leave out --config to use the checkpoint&apos;s own, or give the checkpoint of that config.</source>
        <translation>--config を省いてチェックポイント自身の config を使うか、その config のチェックポイントを指定してください。</translation>
    </message>
    <message>
        <source>unknown MusicVAE config {config!r}; known: {known}</source>
        <translation>不明な MusicVAE の config {config!r} です。使えるもの: {known}</translation>
    </message>
    <message>
        <source>split core decoders of depths {depths} fit no MusicVAE config this app runs (hierdec-trio_16bar splits {trio_depths})</source>
        <translation>深さ {depths} に分割されたコアデコーダーに合う MusicVAE の config はこのアプリにありません（hierdec-trio_16bar の分割は {trio_depths}）</translation>
    </message>
    <message>
        <source>a hierarchical trio MusicVAE with one core decoder is not among the configs this app runs (hierdec-trio_16bar has one core decoder each for melody, bass and drums)</source>
        <translation>コアデコーダーが 1 つの階層型トリオ MusicVAE は、このアプリが実行できる config にありません（hierdec-trio_16bar はメロディ、ベース、ドラムにそれぞれコアデコーダーを持ちます）</translation>
    </message>
    <message>
        <source>input depth {input_depth} and output depth {output_depth}</source>
        <translation>入力の深さ {input_depth}、出力の深さ {output_depth}</translation>
    </message>
    <message>
        <source>{what} with a NADE</source>
        <translation>{what}、NADE あり</translation>
    </message>
    <message>
        <source>{what} and {count} controls</source>
        <translation>{what}、コントロール {count}</translation>
    </message>
    <message>
        <source>{what} in a hierarchical decoder</source>
        <translation>{what}、階層型デコーダー</translation>
    </message>
    <message>
        <source>{what} fit no MusicVAE config this app runs ({known})</source>
        <translation>{what} に合う MusicVAE の config はこのアプリにありません（{known}）</translation>
    </message>
    <message>
        <source>{source} is a {found} checkpoint, not {wanted}</source>
        <translation>{source} は {wanted} ではなく {found} のチェックポイントです</translation>
    </message>
    <message>
        <source>{source} does not have the sizes --hparams gives: {problem}</source>
        <translation>{source} のサイズが --hparams の指定と違います: {problem}</translation>
    </message>
    <message>
        <source>hparam max_seq_len={length} is longer than {config}&apos;s {bars} bars ({steps} steps), all its conductor can decode</source>
        <translation>hparam max_seq_len={length} が、{config} のコンダクターが生成できる {bars} 小節（{steps} ステップ）より長いです</translation>
    </message>
    <message>
        <source>Give a MIDI file in 4/4 with at least a bar of the music this model plays (a melody or drums).</source>
        <translation>このモデルが扱う音楽（メロディまたはドラム）が 1 小節以上ある 4/4 拍子の MIDI ファイルを指定してください。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>no {bars}-bar window lies within bars {first} to {last}; windows start at bars {starts}</source>
        <translation>{first}〜{last} 小節に収まる {bars} 小節の区間がありません。区間の開始小節: {starts}</translation>
    </message>
    <message>
        <source>the song is in {metre}; MusicVAE&apos;s converters read only 4/4 (16 steps a bar)</source>
        <translation>曲の拍子が {metre} です。MusicVAE のコンバーターは 4/4 拍子（1 小節 16 ステップ）しか読めません</translation>
    </message>
    <message>
        <source>no metre</source>
        <translation>拍子なし</translation>
    </message>
    <message>
        <source>melody class {value} is outside 0..{highest}</source>
        <translation>メロディのクラス {value} が 0..{highest} の範囲外です</translation>
    </message>
    <message>
        <source>no melody of {bars} bars or more was found</source>
        <translation>{bars} 小節以上のメロディが見つかりません</translation>
    </message>
    <message>
        <source>drum class {value} is outside 0..{highest}</source>
        <translation>ドラムのクラス {value} が 0..{highest} の範囲外です</translation>
    </message>
    <message>
        <source>no drum track of {bars} bars or more was found</source>
        <translation>{bars} 小節以上のドラムトラックが見つかりません</translation>
    </message>
    <message>
        <source>a drum roll must be [steps, {classes}], got {shape}</source>
        <translation>ドラムロールは [steps, {classes}] のはずですが、{shape} です</translation>
    </message>
    <message>
        <source>encoder inputs must be [batch, time, {depth}], got {shape}</source>
        <translation>エンコーダーの入力は [batch, time, {depth}] のはずですが、{shape} です</translation>
    </message>
    <message>
        <source>lengths {lengths} do not fit inputs of {steps} steps</source>
        <translation>長さ {lengths} が {steps} ステップの入力に合いません</translation>
    </message>
    <message>
        <source>the song changes tempo; Magenta&apos;s GrooveConverter reads only a single tempo</source>
        <translation>曲の途中でテンポが変わります。Magenta の GrooveConverter は一定のテンポしか読めません</translation>
    </message>
    <message>
        <source>no drum notes were found (only pitches outside the drum map: {pitches})</source>
        <translation>ドラムの音符が見つかりません（ドラムマップにない音高だけです: {pitches}）</translation>
    </message>
    <message>
        <source>no drum notes were found</source>
        <translation>ドラムの音符が見つかりません</translation>
    </message>
    <message>
        <source>no drum part of {bars} bars or more was found</source>
        <translation>{bars} 小節以上のドラムパートが見つかりません</translation>
    </message>
    <message>
        <source>a groove tensor must be [steps, {depth}], got {shape}</source>
        <translation>グルーヴのテンソルは [steps, {depth}] のはずですが、{shape} です</translation>
    </message>
    <message>
        <source>{config} is not a GrooVAE config; regrooving needs one (groovae_...)</source>
        <translation>{config} は GrooVAE の config ではありません。グルーヴ付けには GrooVAE（groovae_...）が必要です</translation>
    </message>
    <message>
        <source>{config} changes the hits by design, so it cannot keep them</source>
        <translation>{config} は打音を変えるためのモデルなので、打音をそのまま残せません</translation>
    </message>
    <message>
        <source>Keep the hits with a humanize GrooVAE.</source>
        <translation>打音を残すには humanize の GrooVAE を使ってください。</translation>
    </message>
    <message>
        <source>Use Magenta&apos;s MusicVAE hparam names (music_vae_generate --help lists the sizes that matter), with lists in brackets, e.g. enc_rnn_size=[512].</source>
        <translation>Magenta の MusicVAE の hparam 名を使い（関係するサイズは music_vae_generate --help に出ます）、リストは角括弧で書いてください（例: enc_rnn_size=[512]）。</translation>
    </message>
    <message>
        <source>Leave the sizes out of --hparams (they are read from the checkpoint), or give the checkpoint they describe.</source>
        <translation>--hparams からサイズを省く（チェックポイントから読み取ります）か、そのサイズのチェックポイントを指定してください。</translation>
    </message>
    <message>
        <source>unconditional MusicVAEs (conditional=false) are not supported</source>
        <translation>条件なしの MusicVAE（conditional=false）には対応していません</translation>
    </message>
    <message>
        <source>cuDNN checkpoints (use_cudnn=true) are not supported; Magenta deprecated them too</source>
        <translation>cuDNN のチェックポイント（use_cudnn=true）には対応していません。Magenta でも非推奨になっています</translation>
    </message>
    <message>
        <source>residual encoders (residual_encoder=true) are not supported</source>
        <translation>残差エンコーダー（residual_encoder=true）には対応していません</translation>
    </message>
    <message>
        <source>residual decoders (residual_decoder=true) are not supported</source>
        <translation>残差デコーダー（residual_decoder=true）には対応していません</translation>
    </message>
    <message>
        <source>hparam max_seq_len={length} is out of range: 1 to {limit} steps</source>
        <translation>hparam max_seq_len={length} は範囲外です: 1〜{limit} ステップにしてください</translation>
    </message>
    <message>
        <source>hparam {name}={value} is out of range: sizes are 1 to {limit}</source>
        <translation>hparam {name}={value} は範囲外です: サイズは 1〜{limit} です</translation>
    </message>
    <message>
        <source>{name} {given} (the checkpoint has {actual})</source>
        <translation>{name} {given}（チェックポイントでは {actual}）</translation>
    </message>
    <message>
        <source>{items}, {item}</source>
        <translation>{items}、{item}</translation>
    </message>
    <message>
        <source>this checkpoint takes no controls</source>
        <translation>このチェックポイントはコントロールを受け取りません</translation>
    </message>
    <message>
        <source>this checkpoint decodes with controls ({depth} per step, e.g. the hits of a drum part): give them</source>
        <translation>このチェックポイントはコントロール（1 ステップに {depth}、たとえばドラムパートの打点）を使って生成します。コントロールを指定してください</translation>
    </message>
    <message>
        <source>controls must be [{batch}, steps, {depth}], got {shape}</source>
        <translation>コントロールは [{batch}, steps, {depth}] のはずですが、{shape} です</translation>
    </message>
    <message>
        <source>z must be [batch, {size}], got {shape}</source>
        <translation>z は [batch, {size}] のはずですが、{shape} です</translation>
    </message>
    <message>
        <source>length must be 1 to {limit} steps, got {length}</source>
        <translation>長さは 1〜{limit} ステップにしてください（{length} になっています）</translation>
    </message>
    <message>
        <source>temperature must be 0 or more, got {temperature}</source>
        <translation>温度は 0 以上にしてください（{temperature} になっています）</translation>
    </message>
    <message>
        <source>this checkpoint is not a GrooVAE (output depth {depth})</source>
        <translation>このチェックポイントは GrooVAE ではありません（出力の深さ {depth}）</translation>
    </message>
    <message>
        <source>the controls hold no steps</source>
        <translation>コントロールにステップがありません</translation>
    </message>
    <message>
        <source>the hits to keep must be [{batch}, {length} or more, {drums}], got {shape}</source>
        <translation>残す打音は [{batch}, {length} 以上, {drums}] の形が必要ですが、{shape} でした</translation>
    </message>
    <message>
        <source>this checkpoint has no NADE decoder</source>
        <translation>このチェックポイントには NADE デコーダーがありません</translation>
    </message>
    <message>
        <source>this checkpoint&apos;s decoder is not categorical: use decode_nade or decode_groove</source>
        <translation>このチェックポイントのデコーダーはカテゴリカルではありません。decode_nade か decode_groove を使ってください</translation>
    </message>
    <message>
        <source>steering works on single-part decoders, not on a trio&apos;s</source>
        <translation>誘導は単一パートのデコーダーで使えます。トリオのデコーダーでは使えません</translation>
    </message>
    <message>
        <source>an interpolation needs at least 2 steps, got {steps}</source>
        <translation>補間には 2 ステップ以上が必要です（{steps} になっています）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>中止しました</translation>
    </message>
    <message>
        <source>no pitch the model can play is in the chosen key and range</source>
        <translation>選んだキーと音域には、モデルが弾ける音高がありません</translation>
    </message>
    <message>
        <source>Widen the pitch range or choose another key.</source>
        <translation>音域を広げるか、別のキーを選んでください。</translation>
    </message>
    <message>
        <source>{config} decodes over the hits of a drum part, so it cannot sample from nothing</source>
        <translation>{config} はドラムパートの打点に沿って生成するので、何もないところからはサンプルを作れません</translation>
    </message>
    <message>
        <source>Use Groove on a drum track with this checkpoint.</source>
        <translation>このチェックポイントでは、ドラムトラックに Groove を使ってください。</translation>
    </message>
    <message>
        <source>the drum part has no notes to groove</source>
        <translation>ドラムパートにグルーヴを付ける音符がありません</translation>
    </message>
    <message>
        <source>Select drum notes, or a drum track with notes, and try again.</source>
        <translation>ドラムの音符か、音符のあるドラムトラックを選んで、もう一度試してください。</translation>
    </message>
    <message>
        <source>drum pitches {pitches} are outside {config}&apos;s drum map</source>
        <translation>ドラムの音高 {pitches} は {config} のドラムマップの外にあります</translation>
    </message>
    <message>
        <source>GrooVAE checkpoints groove a drum part; they do not {tool} here</source>
        <translation>GrooVAE のチェックポイントはドラムパートにグルーヴを付けるもので、ここでは{tool}ことはできません</translation>
    </message>
    <message>
        <source>Open a melody, drum or trio MusicVAE checkpoint for this tool.</source>
        <translation>このツールにはメロディー、ドラム、トリオの MusicVAE チェックポイントを開いてください。</translation>
    </message>
    <message>
        <source>make variations</source>
        <translation>バリエーションを作る</translation>
    </message>
    <message>
        <source>similarity must be between 0 and 1, not {value}</source>
        <translation>類似度は 0 から 1 の間にしてください（{value} ではなく）</translation>
    </message>
    <message>
        <source>interpolate</source>
        <translation>補間する</translation>
    </message>
    <message>
        <source>bass</source>
        <translation>ベース</translation>
    </message>
    <message>
        <source>a pitched track with a GM program {low}-{high} (piano, chromatic percussion, organ or guitar)</source>
        <translation>GM プログラム {low}-{high} の音高のあるトラック（ピアノ、クロマチック・パーカッション、オルガン、ギター）</translation>
    </message>
    <message>
        <source>a track with a bass program {low}-{high}</source>
        <translation>ベースのプログラム {low}-{high} のトラック</translation>
    </message>
    <message>
        <source>a drum track (MIDI channel 10)</source>
        <translation>ドラムトラック（MIDI チャンネル 10）</translation>
    </message>
    <message>
        <source>Give a 4/4 MIDI file with a melody (GM program 0-31), a bass (program 32-39) and drums (channel 10) that play together for 16 bars, with gaps of at most 2 bars.</source>
        <translation>メロディ（GM プログラム 0-31）、ベース（プログラム 32-39）、ドラム（チャンネル 10）が 16 小節いっしょに演奏する（休みは 2 小節まで）4/4 拍子の MIDI ファイルを指定してください。</translation>
    </message>
    <message>
        <source>the song is in {metre}; MusicVAE&apos;s trio converter reads only 4/4</source>
        <translation>曲の拍子が {metre} です。MusicVAE のトリオのコンバーターは 4/4 拍子しか読めません</translation>
    </message>
    <message>
        <source>{part} ({where})</source>
        <translation>{part}（{where}）</translation>
    </message>
    <message>
        <source>no {part}</source>
        <translation>{part}</translation>
    </message>
    <message>
        <source>{parts} and no {part}</source>
        <translation>{parts}、{part}</translation>
    </message>
    <message>
        <source>{parts} was found; tracks with programs {programs} are neither melody nor bass</source>
        <translation>{parts}が見つかりません。プログラム {programs} のトラックはメロディでもベースでもありません</translation>
    </message>
    <message>
        <source>{parts} was found</source>
        <translation>{parts}が見つかりません</translation>
    </message>
    <message>
        <source>melody, bass and drums never play together for {bars} bars (with gaps of at most {gap} bars)</source>
        <translation>メロディ、ベース、ドラムが {bars} 小節いっしょに演奏するところがありません（休みは {gap} 小節まで）</translation>
    </message>
    <message>
        <source>a {part} class is outside 0..{highest}</source>
        <translation>{part}のクラスが 0..{highest} の範囲外です</translation>
    </message>
    <message>
        <source>it was made for the model {model!r}, which this app does not know; known models: {known}</source>
        <translation>このアプリが知らないモデル {model!r} 用に作られています。使えるモデル: {known}</translation>
    </message>
    <message>
        <source>it is a {model} bundle, not {wanted}; choose the {model} model or another bundle</source>
        <translation>{wanted} ではなく {model} のバンドルです。{model} モデルを選ぶか、別のバンドルを選んでください</translation>
    </message>
    <message>
        <source>its metagraph is damaged ({problem})</source>
        <translation>metagraph が壊れています（{problem}）</translation>
    </message>
    <message>
        <source>the checkpoint does not hold a usable network: {problem}</source>
        <translation>チェックポイントに使えるネットワークがありません: {problem}</translation>
    </message>
    <message>
        <source>its network takes {inputs} inputs and predicts {classes} classes, but the {model} encoding has {encoding_inputs} inputs and {encoding_classes} classes</source>
        <translation>ネットワークの入力は {inputs}、予測するクラスは {classes} ですが、{model} のエンコーディングは入力 {encoding_inputs}、クラス {encoding_classes} です</translation>
    </message>
    <message>
        <source>the bundle</source>
        <translation>バンドル</translation>
    </message>
    <message>
        <source>its checkpoint cannot be read; the file may be damaged ({problem})</source>
        <translation>チェックポイントを読めません。ファイルが壊れている可能性があります（{problem}）</translation>
    </message>
    <message>
        <source>its attention history state {state} is {length} steps long, over the {limit} steps this app allows (Magenta&apos;s models use 32 to 40)</source>
        <translation>アテンション履歴の状態 {state} が {length} ステップあり、このアプリの上限 {limit} ステップを超えています（Magenta のモデルは 32〜40 です）</translation>
    </message>
    <message>
        <source>unknown model {model!r}; known models: {known}</source>
        <translation>不明なモデル {model!r} です。使えるモデル: {known}</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} はフォルダではありません</translation>
    </message>
    <message>
        <source>{folder} holds no readable music files</source>
        <translation>{folder} に読める音楽ファイルがありません</translation>
    </message>
    <message>
        <source>{source} has no drum notes (MIDI channel 10) to use as a primer</source>
        <translation>{source} にはプライマーに使えるドラムの音符（MIDI チャンネル 10）がありません</translation>
    </message>
    <message>
        <source>Choose a file with a drum track, or a melody model.</source>
        <translation>ドラムのトラックがあるファイルを選ぶか、メロディのモデルを使ってください。</translation>
    </message>
    <message>
        <source>{source} has no melody notes to use as a primer</source>
        <translation>{source} にはプライマーに使えるメロディの音符がありません</translation>
    </message>
    <message>
        <source>Choose a file with a melodic track, or a drum model.</source>
        <translation>メロディのトラックがあるファイルを選ぶか、ドラムのモデルを使ってください。</translation>
    </message>
    <message>
        <source>{outputs} outputs x beam {beam} x branch {branch} = {rows:,} sequences of {steps} steps would need about {gib:,.1f} GiB of memory at once, over this app&apos;s limit of {limit} GiB</source>
        <translation>出力 {outputs} × ビーム {beam} × 分岐 {branch} = {rows:,} 本の {steps} ステップのシーケンスには一度に約 {gib:,.1f} GiB のメモリが必要で、このアプリの上限 {limit} GiB を超えます</translation>
    </message>
    <message>
        <source>Ask for fewer outputs, a smaller beam or fewer steps.</source>
        <translation>出力の数、ビーム幅、ステップ数のどれかを減らしてください。</translation>
    </message>
    <message>
        <source>it is a {model} bundle, not {wanted}</source>
        <translation>{wanted} ではなく {model} のバンドルです</translation>
    </message>
    <message>
        <source>no bundle ships with this app for {model} yet; give one with --bundle_file</source>
        <translation>{model} のバンドルはまだこのアプリに同梱されていません。--bundle_file で指定してください</translation>
    </message>
    <message>
        <source>the primer is {primer_steps} steps long, which is not shorter than the {steps} steps requested; ask for more steps or shorten the primer</source>
        <translation>プライマーが {primer_steps} ステップあり、指定した {steps} ステップより短くありません。ステップ数を増やすか、プライマーを短くしてください</translation>
    </message>
    <message>
        <source>generation was cancelled</source>
        <translation>生成を中止しました</translation>
    </message>
    <message>
        <source>the length must be at least one step, not {steps}</source>
        <translation>長さは 1 ステップ以上にしてください（{steps} になっています）</translation>
    </message>
    <message>
        <source>the temperature must be above 0, not {temperature}</source>
        <translation>温度は 0 より大きくしてください（{temperature} になっています）</translation>
    </message>
    <message>
        <source>beam_size must be at least 1, not {value}</source>
        <translation>beam_size は 1 以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>branch_factor must be at least 1, not {value}</source>
        <translation>branch_factor は 1 以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>steps_per_iteration must be at least 1, not {value}</source>
        <translation>steps_per_iteration は 1 以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>num_outputs must be between 1 and 1024, not {value}</source>
        <translation>num_outputs は 1〜1024 にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>the tempo must be above 0 qpm, not {qpm}</source>
        <translation>テンポは 0 qpm より大きくしてください（{qpm} になっています）</translation>
    </message>
    <message>
        <source>{model} does not take backing chords; an Improv RNN model does</source>
        <translation>{model} は伴奏のコードを使いません。コードを使うのは Improv RNN のモデルです</translation>
    </message>
    <message>
        <source>{model} generates over backing chords; give them (one per step)</source>
        <translation>{model} は伴奏のコードに沿って生成します。コードを指定してください（1 ステップに 1 つ）</translation>
    </message>
    <message>
        <source>On the command line use improv_rnn_generate, which takes --backing_chords=&quot;C G Am F&quot; and --steps_per_chord.</source>
        <translation>コマンドラインでは improv_rnn_generate を使ってください。--backing_chords=&quot;C G Am F&quot; と --steps_per_chord を指定できます。</translation>
    </message>
    <message>
        <source>{chord_steps} backing chord steps do not cover the {steps} steps asked for; the chords set the length</source>
        <translation>伴奏のコード {chord_steps} ステップでは、指定した {steps} ステップに足りません。長さはコードで決まります</translation>
    </message>
    <message>
        <source>unknown scale {scale!r}; known: {known}</source>
        <translation>不明なスケール {scale!r} です。使えるもの: {known}</translation>
    </message>
    <message>
        <source>tonic must be a pitch class 0..11, not {tonic}</source>
        <translation>主音はピッチクラス 0..11 にしてください（{tonic} になっています）</translation>
    </message>
    <message>
        <source>pitch range {low}..{high} is not within 0..127</source>
        <translation>音域 {low}..{high} が 0..127 の範囲に入っていません</translation>
    </message>
    <message>
        <source>the primer has no events</source>
        <translation>プライマーにイベントがありません</translation>
    </message>
    <message>
        <source>tensor {name} holds {dtype} values, not floating-point weights</source>
        <translation>テンソル {name} の値は {dtype} で、浮動小数点の重みではありません</translation>
    </message>
    <message>
        <source>missing variable {name}</source>
        <translation>変数 {name} がありません</translation>
    </message>
    <message>
        <source>tensor {name} has shape {shape}; its rank should be {ranks}</source>
        <translation>テンソル {name} の形は {shape} です。ランクは {ranks} であるべきです</translation>
    </message>
    <message>
        <source>tensor {name} holds NaN or infinite values (the training diverged)</source>
        <translation>テンソル {name} に NaN または無限大の値があります（学習が発散しました）</translation>
    </message>
    <message>
        <source>no LSTM layers found (expected rnn/multi_rnn_cell/cell_N/basic_lstm_cell/kernel)</source>
        <translation>LSTM の層が見つかりません（rnn/multi_rnn_cell/cell_N/basic_lstm_cell/kernel があるはずです）</translation>
    </message>
    <message>
        <source>LSTM layers are not numbered 0..N-1: {numbers}</source>
        <translation>LSTM の層の番号が 0..N-1 になっていません: {numbers}</translation>
    </message>
    <message>
        <source>the attention history length (attn_length) is unknown</source>
        <translation>アテンション履歴の長さ（attn_length）が分かりません</translation>
    </message>
    <message>
        <source>tensor {name} has shape {shape}, but {because} it should be {expected}</source>
        <translation>テンソル {name} の形は {shape} ですが、{because} {expected} のはずです</translation>
    </message>
    <message>
        <source>a positive multiple of {gates} (one block per LSTM gate)</source>
        <translation>{gates} の正の倍数（LSTM のゲートごとに 1 ブロック）</translation>
    </message>
    <message>
        <source>at least one value</source>
        <translation>1 つ以上の値</translation>
    </message>
    <message>
        <source>tensor {name} has shape {shape}; its length should be {what}</source>
        <translation>テンソル {name} の形は {shape} です。長さは {what} であるべきです</translation>
    </message>
    <message>
        <source>tensor {name} has shape {shape}: with the {units} units of {bias} it leaves no rows for the inputs</source>
        <translation>テンソル {name} の形は {shape} です。{bias} のユニット {units} を除くと入力の行が残りません</translation>
    </message>
    <message>
        <source>for {inputs} inputs ({bias}) and an attention size of {size} ({size_bias})</source>
        <translation>入力 {inputs}（{bias}）とアテンションサイズ {size}（{size_bias}）からすると</translation>
    </message>
    <message>
        <source>for an attention vector of {vector} ({vector_tensor})</source>
        <translation>アテンションベクトル {vector}（{vector_tensor}）からすると</translation>
    </message>
    <message>
        <source>for the {query} values of the wrapped cells&apos; state and {vector_source}</source>
        <translation>包まれたセルの状態の値 {query} と{vector_source}</translation>
    </message>
    <message>
        <source>for an attention size of {size} ({size_bias}) and {vector_source}</source>
        <translation>アテンションサイズ {size}（{size_bias}）と{vector_source}</translation>
    </message>
    <message>
        <source>for the wrapped cell&apos;s {outputs} outputs and an attention size of {size} ({size_bias})</source>
        <translation>包まれたセルの出力 {outputs} とアテンションサイズ {size}（{size_bias}）からすると</translation>
    </message>
    <message>
        <source>the inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>layer {index}</source>
        <translation>層 {index}</translation>
    </message>
    <message>
        <source>the attention output</source>
        <translation>アテンションの出力</translation>
    </message>
    <message>
        <source>for {values} values from {source} and the {units} units of {bias}</source>
        <translation>{source}からの値 {values} と {bias} のユニット {units} からすると</translation>
    </message>
    <message>
        <source>for a top layer of {units} units and the {classes} classes of fully_connected/biases</source>
        <translation>最上層のユニット {units} と fully_connected/biases のクラス {classes} からすると</translation>
    </message>
    <message>
        <source>could not write the bundle: {reason}</source>
        <translation>バンドルを書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読めません: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a model card, and the model card would replace it</source>
        <translation>{path} はモデルカードではないため、モデルカードで上書きすることはできません</translation>
    </message>
    <message>
        <source>Move that file, or choose another --output name.</source>
        <translation>そのファイルを移動するか、別の --output の名前を選んでください。</translation>
    </message>
    <message>
        <source>could not be read ({error})</source>
        <translation>読めませんでした（{error}）</translation>
    </message>
    <message>
        <source>melodies shorter than {min_bars} bars</source>
        <translation>{min_bars} 小節より短いメロディ</translation>
    </message>
    <message>
        <source>melodies with fewer than {min_unique_pitches} different pitches</source>
        <translation>異なる音高が {min_unique_pitches} 個未満のメロディ</translation>
    </message>
    <message>
        <source>polyphonic parts (chords; melodies must be one note at a time)</source>
        <translation>ポリフォニーのパート（和音。メロディは一度に 1 音でなければなりません）</translation>
    </message>
    <message>
        <source>drum parts shorter than {min_bars} bars</source>
        <translation>{min_bars} 小節より短いドラムパート</translation>
    </message>
    <message>
        <source>songs without a drum track</source>
        <translation>ドラムトラックのない曲</translation>
    </message>
    <message>
        <source>songs without a melodic (non-drum) track</source>
        <translation>メロディ（ドラム以外）のトラックがない曲</translation>
    </message>
    <message>
        <source>songs in a time signature that does not fit the step grid</source>
        <translation>ステップの格子に合わない拍子の曲</translation>
    </message>
    <message>
        <source>songs without chord symbols (Improv RNN trains on melodies over chords)</source>
        <translation>コードネームのない曲（Improv RNN はコード付きのメロディで学習します）</translation>
    </message>
    <message>
        <source>melodies where no chord is written</source>
        <translation>コードが書かれていないメロディ</translation>
    </message>
    <message>
        <source>passages shorter than 80 steps (five bars of 16ths)</source>
        <translation>80 ステップ（16 分音符で 5 小節）より短いパッセージ</translation>
    </message>
    <message>
        <source>passages longer than 512 steps (Polyphony RNN leaves them out)</source>
        <translation>512 ステップより長いパッセージ（Polyphony RNN は学習に使いません）</translation>
    </message>
    <message>
        <source>pieces for more than one instrument (program)</source>
        <translation>複数の楽器（プログラム）を使う曲</translation>
    </message>
    <message>
        <source>30-second spans with fewer than 32 performance events</source>
        <translation>演奏イベントが 32 個未満の 30 秒区間</translation>
    </message>
    <message>
        <source>performances for more than one instrument (program)</source>
        <translation>複数の楽器（プログラム）を使う演奏</translation>
    </message>
    <message>
        <source>{items}; {item}</source>
        <translation>{items}、{item}</translation>
    </message>
    <message>
        <source>{count} {reason}</source>
        <translation>{reason} {count} 件</translation>
    </message>
    <message>
        <source>skipped {count} unreadable file(s): {files} (and {more} more)</source>
        <translation>読めないファイル {count} 件を飛ばしました: {files}（ほか {more} 件）</translation>
    </message>
    <message>
        <source>skipped {count} unreadable file(s): {files}</source>
        <translation>読めないファイル {count} 件を飛ばしました: {files}</translation>
    </message>
    <message>
        <source>read {files} file(s): {train} training and {held_out} held-out sequences</source>
        <translation>{files} 件のファイルを読みました: 学習用 {train}、評価用 {held_out} のシーケンス</translation>
    </message>
    <message>
        <source>{summary}; left out {reasons}</source>
        <translation>{summary}。除外: {reasons}</translation>
    </message>
    <message>
        <source>no notes found</source>
        <translation>音符が見つかりません</translation>
    </message>
    <message>
        <source>input folder {folder} does not exist</source>
        <translation>入力フォルダ {folder} がありません</translation>
    </message>
    <message>
        <source>{folder} holds no MIDI, MusicXML (.xml/.mxl), ABC or Humdrum files</source>
        <translation>{folder} に MIDI、MusicXML（.xml/.mxl）、ABC、Humdrum のファイルがありません</translation>
    </message>
    <message>
        <source>no input given: name at least one folder of music files</source>
        <translation>入力が指定されていません。音楽ファイルのフォルダを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>lead sheets</source>
        <translation>リードシート</translation>
    </message>
    <message>
        <source>melodies</source>
        <translation>メロディ</translation>
    </message>
    <message>
        <source>polyphonic pieces</source>
        <translation>ポリフォニーの曲</translation>
    </message>
    <message>
        <source>drum tracks</source>
        <translation>ドラムトラック</translation>
    </message>
    <message>
        <source>performances</source>
        <translation>演奏</translation>
    </message>
    <message>
        <source>none of the {count} file(s) could be read; {unreadable}</source>
        <translation>{count} 件のファイルがどれも読めませんでした。{unreadable}</translation>
    </message>
    <message>
        <source>no usable {kind} in {count} file(s): {why}</source>
        <translation>{count} 件のファイルに使える{kind}がありません: {why}</translation>
    </message>
    <message>
        <source>no usable {kind}: every extracted sequence was shorter than two steps</source>
        <translation>使える{kind}がありません: 取り出したシーケンスがすべて 2 ステップより短いです</translation>
    </message>
    <message>
        <source>output {output} should end in .mag</source>
        <translation>出力 {output} の名前は .mag で終わる必要があります</translation>
    </message>
    <message>
        <source>cannot write {output}: folder {folder} does not exist</source>
        <translation>{output} を書き込めません: フォルダ {folder} がありません</translation>
    </message>
    <message>
        <source>cannot write in {folder}: {reason}</source>
        <translation>{folder} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>--steps must be between 1 and {limit}, not {steps}</source>
        <translation>--steps は 1〜{limit} にしてください（{steps} になっています）</translation>
    </message>
    <message>
        <source>--eval-every must be at least 1 step, not {value}</source>
        <translation>--eval-every は 1 ステップ以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>--checkpoint-every must be at least 1 step, not {value}</source>
        <translation>--checkpoint-every は 1 ステップ以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>the time limit must be above 0</source>
        <translation>時間制限は 0 より大きくしてください</translation>
    </message>
    <message>
        <source>--seed must be 0 or more, not {value}</source>
        <translation>--seed は 0 以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>--workers must be at least 1, not {value}</source>
        <translation>--workers は 1 以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>--window must be 8 events or more, not {value}</source>
        <translation>--window は 8 イベント以上にしてください（{value} になっています）</translation>
    </message>
    <message>
        <source>cannot write the metrics log {log}: {reason}</source>
        <translation>メトリクスのログ {log} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>Give --log-metrics a file in a folder you can write to.</source>
        <translation>--log-metrics には書き込めるフォルダにあるファイルを指定してください。</translation>
    </message>
    <message>
        <source>could not save a checkpoint in {folder}: {reason}</source>
        <translation>{folder} にチェックポイントを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>cancelled while reading the corpus</source>
        <translation>コーパスの読み込み中に中止しました</translation>
    </message>
    <message>
        <source>cancelled at step {step}; rerun with the same run folder to resume</source>
        <translation>ステップ {step} で中止しました。同じ実行フォルダでもう一度実行すると再開します</translation>
    </message>
    <message>
        <source>could not write the metrics log {log}: {reason}</source>
        <translation>メトリクスのログ {log} に書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Rerun with --restart to start this run over, or pass a new --run-dir.</source>
        <translation>--restart を付けて実行し直して最初からやり直すか、新しい --run-dir を指定してください。</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem})</source>
        <translation>{path} が壊れています（{problem}）</translation>
    </message>
    <message>
        <source>it is not complete JSON</source>
        <translation>JSON が完全ではありません</translation>
    </message>
    <message>
        <source>could not write {path}: {reason}</source>
        <translation>{path} を書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>it does not say it was made by {maker}</source>
        <translation>{maker} が作ったという記録がありません</translation>
    </message>
    <message>
        <source>{doing} {folder}: it was not made by composer-app train (it has no {marker})</source>
        <translation>{folder} は composer-app train が作ったフォルダではないため（{marker} がありません）、{doing}</translation>
    </message>
    <message>
        <source>Pass the run folder it made (OUTPUT.run beside the output by default) or a new, empty one as --run-dir.</source>
        <translation>--run-dir には、学習が作った実行フォルダ（既定では出力の隣の OUTPUT.run）か、新しい空のフォルダを指定してください。</translation>
    </message>
    <message>
        <source>--run-dir {folder} is a file, not a folder</source>
        <translation>--run-dir {folder} はフォルダではなくファイルです</translation>
    </message>
    <message>
        <source>Pass a new folder as --run-dir.</source>
        <translation>--run-dir には新しいフォルダを指定してください。</translation>
    </message>
    <message>
        <source>will not train in</source>
        <translation>ここでは学習しません</translation>
    </message>
    <message>
        <source>cannot make the run folder {folder}: {reason}</source>
        <translation>実行フォルダ {folder} を作れません: {reason}</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>its {key!r} is missing or not {kind}</source>
        <translation>{key!r} がないか、{kind} ではありません</translation>
    </message>
    <message>
        <source>{folder} holds a run with different settings or data</source>
        <translation>{folder} には設定かデータの違う実行が入っています</translation>
    </message>
    <message>
        <source>Pass a new --run-dir, or rerun with --restart to start this run over.</source>
        <translation>新しい --run-dir を指定するか、--restart を付けて実行し直して最初からやり直してください。</translation>
    </message>
    <message>
        <source>TensorFlow cannot read it as its list of checkpoints</source>
        <translation>TensorFlow がチェックポイントの一覧として読めません</translation>
    </message>
    <message>
        <source>the checkpoint {prefix} (its .index and .data files) is damaged ({reason})</source>
        <translation>チェックポイント {prefix}（.index と .data のファイル）が壊れています（{reason}）</translation>
    </message>
    <message>
        <source>could not delete {path}: {reason}</source>
        <translation>{path} を削除できませんでした: {reason}</translation>
    </message>
    <message>
        <source>--restart: {folder} is a file, not a run folder; it was left as it is</source>
        <translation>--restart: {folder} は実行フォルダではなくファイルです。そのままにしました</translation>
    </message>
    <message>
        <source>Pass the run folder that composer-app train made, or a new --run-dir.</source>
        <translation>composer-app train が作った実行フォルダか、新しい --run-dir を指定してください。</translation>
    </message>
    <message>
        <source>--restart will not delete</source>
        <translation>--restart でも削除しません</translation>
    </message>
    <message>
        <source>cannot continue training {path}: {problem}</source>
        <translation>{path} の学習を続けられません: {problem}</translation>
    </message>
    <message>
        <source>Choose a .mag bundle made for the same model.</source>
        <translation>同じモデル用に作られた .mag バンドルを選んでください。</translation>
    </message>
    <message>
        <source>Jam needs sound: playback is off on this computer.</source>
        <translation>ジャムには音が必要ですが、このコンピューターでは再生できません。</translation>
    </message>
    <message>
        <source>Set a loop region of a bar or two first (drag in the ruler).</source>
        <translation>先に 1〜2 小節のループ範囲を設定してください（ルーラーをドラッグ）。</translation>
    </message>
    <message>
        <source>Jam: the model keeps playing the next bars; play along.</source>
        <translation>ジャム：モデルが次の小節を弾き続けます。一緒に弾いてください。</translation>
    </message>
    <message>
        <source>Jam: play a phrase over the loop; the model answers the next time round.</source>
        <translation>ジャム：ループに合わせてフレーズを弾いてください。次の周でモデルが応えます。</translation>
    </message>
    <message numerus="yes">
        <source>Jam ended: %n answer(s) are in the results.</source>
        <translation>
            <numerusform>ジャムを終えました。%n 個の応答が結果に入っています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add the Jam track</source>
        <translation>ジャムのトラックを追加</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>ジャム</translation>
    </message>
    <message>
        <source>Jam answer {0}</source>
        <translation>ジャムの応答 {0}</translation>
    </message>
    <message>
        <source>{model} cannot continue a sequence, so it cannot jam</source>
        <translation>{model} は続きを作れないので、ジャムには使えません</translation>
    </message>
    <message>
        <source>the loop is shorter than one step of {model}</source>
        <translation>ループが {model} の 1 ステップより短いです</translation>
    </message>
    <message>
        <source>Make the loop region at least a beat long.</source>
        <translation>ループ範囲を 1 拍以上にしてください。</translation>
    </message>
    <message>
        <source>{model} jams over the chord lane, and it has no chords in the loop</source>
        <translation>{model} はコードレーンのコードに沿ってジャムしますが、ループ範囲にコードがありません</translation>
    </message>
    <message>
        <source>Type chords in the chord lane over the loop region, then jam again.</source>
        <translation>ループ範囲の上のコードレーンにコードを入力してから、もう一度ジャムしてください。</translation>
    </message>
    <message>
        <source>Chords</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>The chord lane: double-click it to type chords; this menu plays them</source>
        <translation>コードレーン: ダブルクリックでコードを入力します。このメニューでコードを鳴らせます</translation>
    </message>
    <message>
        <source>Play chords on a track</source>
        <translation>コードをトラックで鳴らす</translation>
    </message>
    <message>
        <source>Add a track named Chords that plays the lane&apos;s chords as block chords and follows every chord edit; mute it in the track list</source>
        <translation>レーンのコードをブロック・コードで鳴らす「Chords」トラックを追加します。コードを編集するたびに更新されます。トラックリストでミュートできます</translation>
    </message>
    <message>
        <source>Write a root A–G (with # or b), then a kind such as m, 7, maj7, m7, m7b5, dim7, sus4 or 6, optionally /bass as in G/B; N.C. means no chord.</source>
        <translation>ルート音 A〜G（# や b 付きも可）に続けて m、7、maj7、m7、m7b5、dim7、sus4、6 などの種類を書き、必要なら G/B のように /ベース音を付けます。N.C. はコードなしです。</translation>
    </message>
    <message>
        <source>Change chord to {0}</source>
        <translation>コードを {0} に変更</translation>
    </message>
    <message>
        <source>Add chord {0}</source>
        <translation>コード {0} を追加</translation>
    </message>
    <message>
        <source>Move chord {0}</source>
        <translation>コード {0} を移動</translation>
    </message>
    <message>
        <source>Delete chord {0}</source>
        <translation>コード {0} を削除</translation>
    </message>
    <message>
        <source>C, Am7, G/B, N.C.</source>
        <translation>C、Am7、G/B、N.C.</translation>
    </message>
    <message>
        <source>Chords: double-click to type a chord (C, Am7, G/B, N.C.) on a beat; drag a chord to move it; Delete removes the selected one</source>
        <translation>コード: 拍の上でダブルクリックしてコード（C、Am7、G/B、N.C.）を入力、ドラッグで移動、Delete キーで選択中のコードを削除します</translation>
    </message>
    <message>
        <source>Edit chord…</source>
        <translation>コードを編集…</translation>
    </message>
    <message>
        <source>Delete chord</source>
        <translation>コードを削除</translation>
    </message>
    <message>
        <source>Add chord here…</source>
        <translation>ここにコードを追加…</translation>
    </message>
    <message>
        <source>Type chords in the chord lane first (double-click it).</source>
        <translation>まずコードレーンにコードを入力してください（ダブルクリック）。</translation>
    </message>
    <message>
        <source>The chords play on track {0}; mute it in the track list to silence them.</source>
        <translation>コードはトラック {0} で鳴ります。止めるにはトラックリストでミュートしてください。</translation>
    </message>
    <message>
        <source>{0} makes a melody over chords, and the chord lane is empty.</source>
        <translation>{0} はコードに沿ってメロディを生成しますが、コードレーンが空です。</translation>
    </message>
    <message>
        <source>Double-click the chord lane above the roll to type chords (C, Am7, G/B, N.C.), then generate again.</source>
        <translation>ピアノロール上部のコードレーンをダブルクリックしてコード（C、Am7、G/B、N.C.）を入力し、もう一度生成してください。</translation>
    </message>
    <message>
        <source>The chord lane has no chords where the new melody goes (from bar {0:g}).</source>
        <translation>新しいメロディが入る位置（{0:g} 小節目から）にコードがありません。</translation>
    </message>
    <message>
        <source>Type chords in the chord lane over those bars, or move the playhead to your chords.</source>
        <translation>その小節のコードレーンにコードを入力するか、再生ヘッドをコードのある位置へ移動してください。</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Even (all 12)</source>
        <translation>均等（12 音すべて）</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>長調</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>短調</translation>
    </message>
    <message>
        <source>How much of each pitch class (C to B) the performance should use</source>
        <translation>演奏で各ピッチクラス（C〜B）をどれだけ使うか</translation>
    </message>
    <message>
        <source>training needs TensorFlow, which this copy of Composer does not include</source>
        <translation>学習には TensorFlow が必要ですが、この Composer には含まれていません</translation>
    </message>
    <message>
        <source>Generating works without it. To train models, run Composer from its source folder (bash scripts/run-app.sh installs TensorFlow; see the README).</source>
        <translation>生成は TensorFlow なしで動きます。モデルを学習するには、ソースフォルダーから Composer を起動してください（bash scripts/run-app.sh が TensorFlow をインストールします。README を参照）。</translation>
    </message>
    <message>
        <source>Jam works with Melody, Drums, Improv, Polyphony and Performance RNN, not MusicVAE: bring one of their tabs to the front in the Generate panel.</source>
        <translation>ジャムは Melody・Drums・Improv・Polyphony・Performance RNN で使えます（MusicVAE は使えません）。生成パネルでそのいずれかのタブを前面に出してください。</translation>
    </message>
    <message>
        <source>Note density over the performance: drag across the columns to draw it (each column is an eighth of the length), or use the arrow keys</source>
        <translation>演奏全体での音の密度：列の上をドラッグして描きます（一列が長さの 8 分の 1）。矢印キーでも変えられます</translation>
    </message>
    <message>
        <source>Note density over time</source>
        <translation>時間による音の密度</translation>
    </message>
    <message>
        <source>the note encoding needs a primer with notes: Magenta&apos;s generator cannot start a note performance from silence</source>
        <translation>ノートエンコーディングには音符のあるプライマーが必要です。Magenta の生成は無音からノート単位の演奏を始められません</translation>
    </message>
    <message>
        <source>Give a primer whose gaps and notes last at most 10 s.</source>
        <translation>音符の間隔と長さがどれも 10 秒以内のプライマーを指定してください。</translation>
    </message>
    <message>
        <source>a gap of {steps} steps (10 ms each) between note onsets is over the note encoding&apos;s {most}</source>
        <translation>音符の開始の間隔 {steps} ステップ（1 ステップ 10 ms）が、ノートエンコーディングの上限 {most} を超えています</translation>
    </message>
    <message>
        <source>a note of {steps} steps (10 ms each) is over the note encoding&apos;s {most}</source>
        <translation>長さ {steps} ステップ（1 ステップ 10 ms）の音符が、ノートエンコーディングの上限 {most} を超えています</translation>
    </message>
    <message>
        <source>read {done}/{total} files</source>
        <translation>{done}/{total} 個のファイルを読み込みました</translation>
    </message>
    <message>
        <source>no {bars}-bar windows of {kind} in {count} file(s)</source>
        <translation>{count} 個のファイルに {bars} 小節の{kind}のウィンドウがありません</translation>
    </message>
    <message>
        <source>MusicVAE reads 4/4 music only, and melodies from a file of several parts only from those of programs 0 to 31 (piano to guitar), as Magenta&apos;s training does; pass --tracks first when each file&apos;s first part is its melody.</source>
        <translation>MusicVAE は Magenta の学習と同じく 4/4 拍子の曲だけを読み、複数パートのファイルのメロディーはプログラム 0〜31（ピアノからギターまで）のパートからだけ読みます。各ファイルの最初のパートがメロディーなら --tracks first を指定してください。</translation>
    </message>
    <message>
        <source>{config} reads 4/4 melodies of {bars} bars or more, as Magenta&apos;s training does; pass --tracks first when each file&apos;s first part is its melody.</source>
        <translation>{config} は Magenta の学習と同じく、{bars} 小節以上の 4/4 拍子のメロディーを読みます。各ファイルの最初のパートがメロディーなら --tracks first を指定してください。</translation>
    </message>
    <message>
        <source>{train} training and {held} held-out windows from {files} file(s)</source>
        <translation>{files} 個のファイルから学習用 {train} 個、評価用 {held} 個のウィンドウ</translation>
    </message>
    <message>
        <source>resumed at step {step}</source>
        <translation>ステップ {step} から学習を再開しました</translation>
    </message>
    <message>
        <source>starting from the weights of {path}</source>
        <translation>{path} の重みから学習を始めます</translation>
    </message>
    <message>
        <source>the loss became {value} at step {step}</source>
        <translation>ステップ {step} で損失が {value} になりました</translation>
    </message>
    <message>
        <source>Lower learning_rate in --hparams and rerun with --restart.</source>
        <translation>--hparams で learning_rate を下げ、--restart を付けて再実行してください。</translation>
    </message>
    <message>
        <source>stopped at step {step}</source>
        <translation>ステップ {step} で停止しました</translation>
    </message>
    <message>
        <source>time limit reached at step {step}</source>
        <translation>ステップ {step} で制限時間に達しました</translation>
    </message>
    <message>
        <source>writing {path}</source>
        <translation>{path} を書き出しています</translation>
    </message>
    <message>
        <source>the MusicVAE trainer builds {trainable}; {config} is not among them yet</source>
        <translation>MusicVAE の学習で作れるのは {trainable} です。{config} はまだ含まれていません</translation>
    </message>
    <message>
        <source>hparam sampling_schedule={value} is not one of {known}</source>
        <translation>hparam sampling_schedule={value} は {known} のいずれでもありません</translation>
    </message>
    <message>
        <source>hparam sampling_rate={rate} does not fit sampling_schedule={schedule} (constant: 0 to 1, exponential: between 0 and 1, inverse_sigmoid: 1 or more)</source>
        <translation>hparam sampling_rate={rate} は sampling_schedule={schedule} に合いません（constant: 0〜1、exponential: 0 と 1 の間、inverse_sigmoid: 1 以上）</translation>
    </message>
    <message>
        <source>hparam clip_mode={value} is not value or global_norm</source>
        <translation>hparam clip_mode={value} は value でも global_norm でもありません</translation>
    </message>
    <message>
        <source>hparams dropout_keep_prob (0 to 1), batch_size (1 or more) and learning_rate (above 0) are out of range</source>
        <translation>hparam dropout_keep_prob（0〜1）、batch_size（1 以上）、learning_rate（0 より大）が範囲外です</translation>
    </message>
    <message>
        <source>hparam max_seq_len={length} does not fit {config}: its hierarchical decoder decodes {bars} bars of {steps} steps, so max_seq_len must be {total}</source>
        <translation>hparam max_seq_len={length} は {config} に合いません。階層デコーダーは {steps} ステップの小節を {bars} 個デコードするので、max_seq_len は {total} にしてください</translation>
    </message>
    <message>
        <source>MusicVAE 2-bar melody</source>
        <translation>MusicVAE 2 小節メロディー</translation>
    </message>
    <message>
        <source>MusicVAE 2-bar drums</source>
        <translation>MusicVAE 2 小節ドラム</translation>
    </message>
    <message>
        <source>GrooVAE: humanize 2-bar drums</source>
        <translation>GrooVAE: 2 小節のドラムを人間らしく (ヒューマナイズ)</translation>
    </message>
    <message>
        <source>GrooVAE: drumify a tapped rhythm (2 bars)</source>
        <translation>GrooVAE: タップしたリズムをドラムに (2 小節)</translation>
    </message>
    <message>
        <source>GrooVAE: add a hi-hat (2 bars)</source>
        <translation>GrooVAE: ハイハットを加える (2 小節)</translation>
    </message>
    <message>
        <source>MusicVAE 16-bar melody (hierarchical)</source>
        <translation>MusicVAE 16 小節メロディー (階層型)</translation>
    </message>
    <message>
        <source>Small (fast): z 64, LSTMs of 128, batches of 64</source>
        <translation>小 (速い): z 64、LSTM 128、バッチ 64</translation>
    </message>
    <message>
        <source>As Magenta&apos;s: z {0}, encoder LSTM {1}, decoder LSTM {2}, batches of {3}</source>
        <translation>Magenta と同じ: z {0}、エンコーダー LSTM {1}、デコーダー LSTM {2}、バッチ {3}</translation>
    </message>
    <message>
        <source>Tiny: a try-out in seconds (z 4, LSTMs of 8)</source>
        <translation>極小: 数秒で試す (z 4、LSTM 8)</translation>
    </message>
    <message>
        <source>MusicVAE ({0})</source>
        <translation>MusicVAE ({0})</translation>
    </message>
    <message numerus="yes">
        <source>MusicVAE learns %n-bar melodies from 4/4 music (from the parts of programs 0 to 31, piano to guitar).</source>
        <translation>
            <numerusform>MusicVAE は 4/4 拍子の曲から %n 小節のメロディーを学習します (プログラム 0〜31、ピアノからギターまでのパートから)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MusicVAE learns %n-bar melodies from 4/4 music (from every part of each file that is long enough).</source>
        <translation>
            <numerusform>MusicVAE は 4/4 拍子の曲から %n 小節のメロディーを学習します (各ファイルの十分に長いすべてのパートから)。</numerusform>
        </translation>
    </message>
    <message>
        <source>GrooVAE learns how drummers play (timing and dynamics) from 2-bar windows of performed drum parts, such as the Groove MIDI Dataset&apos;s: give it drum recordings, not quantized patterns.</source>
        <translation>GrooVAE は、Groove MIDI Dataset のような演奏されたドラムパートの 2 小節ずつから、ドラマーの叩き方 (タイミングと強弱) を学習します。クオンタイズしたパターンではなく、ドラムの演奏の録音を与えてください。</translation>
    </message>
    <message numerus="yes">
        <source>MusicVAE learns %n-bar drum patterns from the drum parts of 4/4 music.</source>
        <translation>
            <numerusform>MusicVAE は 4/4 拍子の曲のドラムパートから %n 小節のドラムパターンを学習します。</numerusform>
        </translation>
    </message>
    <message>
        <source>MusicVAE learns from 4/4 music.</source>
        <translation>MusicVAE は 4/4 拍子の曲から学習します。</translation>
    </message>
    <message>
        <source>It writes a checkpoint (.tar) for the MusicVAE tab of the Generate panel.</source>
        <translation>生成パネルの MusicVAE タブで使うチェックポイント (.tar) を書き出します。</translation>
    </message>
    <message>
        <source>cannot start from {path}: {problem}</source>
        <translation>{path} から学習を始められません: {problem}</translation>
    </message>
    <message>
        <source>Choose a MusicVAE checkpoint (.tar) of the same config, or of one with the same network.</source>
        <translation>同じ config、または同じネットワークの config の MusicVAE チェックポイント (.tar) を選んでください。</translation>
    </message>
    <message>
        <source>{path} does not have the sizes --hparams gives: {problem}</source>
        <translation>{path} は --hparams で指定したサイズではありません: {problem}</translation>
    </message>
    <message>
        <source>Leave the sizes out of --hparams: the checkpoint&apos;s apply.</source>
        <translation>--hparams からサイズを外してください。チェックポイントのサイズが使われます。</translation>
    </message>
    <message>
        <source>cannot start from {path}: tensor {name!r} {problem}</source>
        <translation>{path} から学習を始められません: テンソル {name!r} は{problem}</translation>
    </message>
    <message>
        <source>Learn from windows of</source>
        <translation>区切って学習:</translation>
    </message>
    <message>
        <source> events</source>
        <translation> イベントずつ</translation>
    </message>
    <message>
        <source>Cuts long pieces (chorales, piano performances) into windows, which gives many more training steps an hour. Off: whole pieces, as Magenta learns. Held-out figures always score whole pieces.</source>
        <translation>長い曲（コラールやピアノ演奏）を区切って学習します。1時間あたりの学習ステップがずっと多くなります。オフ: Magenta と同じく曲全体で学習します。評価用の数値は常に曲全体で計算します。</translation>
    </message>
</context>
<context>
    <name>busy</name>
    <message>
        <source>Please wait</source>
        <translation>お待ちください</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Something went wrong</source>
        <translation>問題が起きました</translation>
    </message>
    <message>
        <source>Composer ran into a bug (not your doing). Your work is still open; save it to be safe.</source>
        <translation>Composer に不具合が起きました（操作のせいではありません）。作業はまだ開いています。念のため保存してください。</translation>
    </message>
    <message>
        <source>The details were written to {0}.</source>
        <translation>詳細は {0} に書き出しました。</translation>
    </message>
    <message>
        <source>The details were printed to the terminal.</source>
        <translation>詳細はターミナルに出力しました。</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>ファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>{0} already exists. Replace it?</source>
        <translation>{0} はすでにあります。置き換えますか？</translation>
    </message>
</context>
<context>
    <name>gm</name>
    <message>
        <source>Acoustic Grand Piano</source>
        <translation>アコースティック・グランド・ピアノ</translation>
    </message>
    <message>
        <source>Bright Acoustic Piano</source>
        <translation>ブライト・アコースティック・ピアノ</translation>
    </message>
    <message>
        <source>Electric Grand Piano</source>
        <translation>エレクトリック・グランド・ピアノ</translation>
    </message>
    <message>
        <source>Honky-tonk Piano</source>
        <translation>ホンキートンク・ピアノ</translation>
    </message>
    <message>
        <source>Electric Piano 1</source>
        <translation>エレクトリック・ピアノ 1</translation>
    </message>
    <message>
        <source>Electric Piano 2</source>
        <translation>エレクトリック・ピアノ 2</translation>
    </message>
    <message>
        <source>Harpsichord</source>
        <translation>ハープシコード</translation>
    </message>
    <message>
        <source>Clavinet</source>
        <translation>クラビネット</translation>
    </message>
    <message>
        <source>Celesta</source>
        <translation>チェレスタ</translation>
    </message>
    <message>
        <source>Glockenspiel</source>
        <translation>グロッケンシュピール</translation>
    </message>
    <message>
        <source>Music Box</source>
        <translation>オルゴール</translation>
    </message>
    <message>
        <source>Vibraphone</source>
        <translation>ビブラフォン</translation>
    </message>
    <message>
        <source>Marimba</source>
        <translation>マリンバ</translation>
    </message>
    <message>
        <source>Xylophone</source>
        <translation>シロフォン</translation>
    </message>
    <message>
        <source>Tubular Bells</source>
        <translation>チューブラー・ベル</translation>
    </message>
    <message>
        <source>Dulcimer</source>
        <translation>ダルシマー</translation>
    </message>
    <message>
        <source>Drawbar Organ</source>
        <translation>ドローバー・オルガン</translation>
    </message>
    <message>
        <source>Percussive Organ</source>
        <translation>パーカッシブ・オルガン</translation>
    </message>
    <message>
        <source>Rock Organ</source>
        <translation>ロック・オルガン</translation>
    </message>
    <message>
        <source>Church Organ</source>
        <translation>チャーチ・オルガン</translation>
    </message>
    <message>
        <source>Reed Organ</source>
        <translation>リード・オルガン</translation>
    </message>
    <message>
        <source>Accordion</source>
        <translation>アコーディオン</translation>
    </message>
    <message>
        <source>Harmonica</source>
        <translation>ハーモニカ</translation>
    </message>
    <message>
        <source>Tango Accordion</source>
        <translation>タンゴ・アコーディオン</translation>
    </message>
    <message>
        <source>Acoustic Guitar (nylon)</source>
        <translation>アコースティック・ギター（ナイロン弦）</translation>
    </message>
    <message>
        <source>Acoustic Guitar (steel)</source>
        <translation>アコースティック・ギター（スチール弦）</translation>
    </message>
    <message>
        <source>Electric Guitar (jazz)</source>
        <translation>エレクトリック・ギター（ジャズ）</translation>
    </message>
    <message>
        <source>Electric Guitar (clean)</source>
        <translation>エレクトリック・ギター（クリーン）</translation>
    </message>
    <message>
        <source>Electric Guitar (muted)</source>
        <translation>エレクトリック・ギター（ミュート）</translation>
    </message>
    <message>
        <source>Overdriven Guitar</source>
        <translation>オーバードライブ・ギター</translation>
    </message>
    <message>
        <source>Distortion Guitar</source>
        <translation>ディストーション・ギター</translation>
    </message>
    <message>
        <source>Guitar Harmonics</source>
        <translation>ギター・ハーモニクス</translation>
    </message>
    <message>
        <source>Acoustic Bass</source>
        <translation>アコースティック・ベース</translation>
    </message>
    <message>
        <source>Electric Bass (finger)</source>
        <translation>エレクトリック・ベース（指弾き）</translation>
    </message>
    <message>
        <source>Electric Bass (pick)</source>
        <translation>エレクトリック・ベース（ピック）</translation>
    </message>
    <message>
        <source>Fretless Bass</source>
        <translation>フレットレス・ベース</translation>
    </message>
    <message>
        <source>Slap Bass 1</source>
        <translation>スラップ・ベース 1</translation>
    </message>
    <message>
        <source>Slap Bass 2</source>
        <translation>スラップ・ベース 2</translation>
    </message>
    <message>
        <source>Synth Bass 1</source>
        <translation>シンセ・ベース 1</translation>
    </message>
    <message>
        <source>Synth Bass 2</source>
        <translation>シンセ・ベース 2</translation>
    </message>
    <message>
        <source>Violin</source>
        <translation>バイオリン</translation>
    </message>
    <message>
        <source>Viola</source>
        <translation>ビオラ</translation>
    </message>
    <message>
        <source>Cello</source>
        <translation>チェロ</translation>
    </message>
    <message>
        <source>Contrabass</source>
        <translation>コントラバス</translation>
    </message>
    <message>
        <source>Tremolo Strings</source>
        <translation>トレモロ・ストリングス</translation>
    </message>
    <message>
        <source>Pizzicato Strings</source>
        <translation>ピチカート・ストリングス</translation>
    </message>
    <message>
        <source>Orchestral Harp</source>
        <translation>オーケストラ・ハープ</translation>
    </message>
    <message>
        <source>Timpani</source>
        <translation>ティンパニ</translation>
    </message>
    <message>
        <source>String Ensemble 1</source>
        <translation>ストリングス・アンサンブル 1</translation>
    </message>
    <message>
        <source>String Ensemble 2</source>
        <translation>ストリングス・アンサンブル 2</translation>
    </message>
    <message>
        <source>Synth Strings 1</source>
        <translation>シンセ・ストリングス 1</translation>
    </message>
    <message>
        <source>Synth Strings 2</source>
        <translation>シンセ・ストリングス 2</translation>
    </message>
    <message>
        <source>Choir Aahs</source>
        <translation>クワイア・アー</translation>
    </message>
    <message>
        <source>Voice Oohs</source>
        <translation>ボイス・ウー</translation>
    </message>
    <message>
        <source>Synth Choir</source>
        <translation>シンセ・クワイア</translation>
    </message>
    <message>
        <source>Orchestra Hit</source>
        <translation>オーケストラ・ヒット</translation>
    </message>
    <message>
        <source>Trumpet</source>
        <translation>トランペット</translation>
    </message>
    <message>
        <source>Trombone</source>
        <translation>トロンボーン</translation>
    </message>
    <message>
        <source>Tuba</source>
        <translation>チューバ</translation>
    </message>
    <message>
        <source>Muted Trumpet</source>
        <translation>ミュート・トランペット</translation>
    </message>
    <message>
        <source>French Horn</source>
        <translation>フレンチ・ホルン</translation>
    </message>
    <message>
        <source>Brass Section</source>
        <translation>ブラス・セクション</translation>
    </message>
    <message>
        <source>Synth Brass 1</source>
        <translation>シンセ・ブラス 1</translation>
    </message>
    <message>
        <source>Synth Brass 2</source>
        <translation>シンセ・ブラス 2</translation>
    </message>
    <message>
        <source>Soprano Sax</source>
        <translation>ソプラノ・サックス</translation>
    </message>
    <message>
        <source>Alto Sax</source>
        <translation>アルト・サックス</translation>
    </message>
    <message>
        <source>Tenor Sax</source>
        <translation>テナー・サックス</translation>
    </message>
    <message>
        <source>Baritone Sax</source>
        <translation>バリトン・サックス</translation>
    </message>
    <message>
        <source>Oboe</source>
        <translation>オーボエ</translation>
    </message>
    <message>
        <source>English Horn</source>
        <translation>イングリッシュ・ホルン</translation>
    </message>
    <message>
        <source>Bassoon</source>
        <translation>バスーン</translation>
    </message>
    <message>
        <source>Clarinet</source>
        <translation>クラリネット</translation>
    </message>
    <message>
        <source>Piccolo</source>
        <translation>ピッコロ</translation>
    </message>
    <message>
        <source>Flute</source>
        <translation>フルート</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>リコーダー</translation>
    </message>
    <message>
        <source>Pan Flute</source>
        <translation>パン・フルート</translation>
    </message>
    <message>
        <source>Blown Bottle</source>
        <translation>ボトル・ブロー</translation>
    </message>
    <message>
        <source>Shakuhachi</source>
        <translation>尺八</translation>
    </message>
    <message>
        <source>Whistle</source>
        <translation>口笛</translation>
    </message>
    <message>
        <source>Ocarina</source>
        <translation>オカリナ</translation>
    </message>
    <message>
        <source>Lead 1 (square)</source>
        <translation>リード 1（矩形波）</translation>
    </message>
    <message>
        <source>Lead 2 (sawtooth)</source>
        <translation>リード 2（ノコギリ波）</translation>
    </message>
    <message>
        <source>Lead 3 (calliope)</source>
        <translation>リード 3（カリオペ）</translation>
    </message>
    <message>
        <source>Lead 4 (chiff)</source>
        <translation>リード 4（チフ）</translation>
    </message>
    <message>
        <source>Lead 5 (charang)</source>
        <translation>リード 5（チャランゴ）</translation>
    </message>
    <message>
        <source>Lead 6 (voice)</source>
        <translation>リード 6（ボイス）</translation>
    </message>
    <message>
        <source>Lead 7 (fifths)</source>
        <translation>リード 7（5 度）</translation>
    </message>
    <message>
        <source>Lead 8 (bass + lead)</source>
        <translation>リード 8（ベース＋リード）</translation>
    </message>
    <message>
        <source>Pad 1 (new age)</source>
        <translation>パッド 1（ニューエイジ）</translation>
    </message>
    <message>
        <source>Pad 2 (warm)</source>
        <translation>パッド 2（ウォーム）</translation>
    </message>
    <message>
        <source>Pad 3 (polysynth)</source>
        <translation>パッド 3（ポリシンセ）</translation>
    </message>
    <message>
        <source>Pad 4 (choir)</source>
        <translation>パッド 4（クワイア）</translation>
    </message>
    <message>
        <source>Pad 5 (bowed)</source>
        <translation>パッド 5（ボウ）</translation>
    </message>
    <message>
        <source>Pad 6 (metallic)</source>
        <translation>パッド 6（メタリック）</translation>
    </message>
    <message>
        <source>Pad 7 (halo)</source>
        <translation>パッド 7（ヘイロー）</translation>
    </message>
    <message>
        <source>Pad 8 (sweep)</source>
        <translation>パッド 8（スウィープ）</translation>
    </message>
    <message>
        <source>FX 1 (rain)</source>
        <translation>効果音 1（雨）</translation>
    </message>
    <message>
        <source>FX 2 (soundtrack)</source>
        <translation>効果音 2（サウンドトラック）</translation>
    </message>
    <message>
        <source>FX 3 (crystal)</source>
        <translation>効果音 3（クリスタル）</translation>
    </message>
    <message>
        <source>FX 4 (atmosphere)</source>
        <translation>効果音 4（アトモスフィア）</translation>
    </message>
    <message>
        <source>FX 5 (brightness)</source>
        <translation>効果音 5（ブライトネス）</translation>
    </message>
    <message>
        <source>FX 6 (goblins)</source>
        <translation>効果音 6（ゴブリン）</translation>
    </message>
    <message>
        <source>FX 7 (echoes)</source>
        <translation>効果音 7（エコー）</translation>
    </message>
    <message>
        <source>FX 8 (sci-fi)</source>
        <translation>効果音 8（サイエンス・フィクション）</translation>
    </message>
    <message>
        <source>Sitar</source>
        <translation>シタール</translation>
    </message>
    <message>
        <source>Banjo</source>
        <translation>バンジョー</translation>
    </message>
    <message>
        <source>Shamisen</source>
        <translation>三味線</translation>
    </message>
    <message>
        <source>Koto</source>
        <translation>琴</translation>
    </message>
    <message>
        <source>Kalimba</source>
        <translation>カリンバ</translation>
    </message>
    <message>
        <source>Bagpipe</source>
        <translation>バグパイプ</translation>
    </message>
    <message>
        <source>Fiddle</source>
        <translation>フィドル</translation>
    </message>
    <message>
        <source>Shanai</source>
        <translation>シャナイ</translation>
    </message>
    <message>
        <source>Tinkle Bell</source>
        <translation>ティンクル・ベル</translation>
    </message>
    <message>
        <source>Agogo</source>
        <translation>アゴゴ</translation>
    </message>
    <message>
        <source>Steel Drums</source>
        <translation>スチール・ドラム</translation>
    </message>
    <message>
        <source>Woodblock</source>
        <translation>ウッドブロック</translation>
    </message>
    <message>
        <source>Taiko Drum</source>
        <translation>太鼓</translation>
    </message>
    <message>
        <source>Melodic Tom</source>
        <translation>メロディック・タム</translation>
    </message>
    <message>
        <source>Synth Drum</source>
        <translation>シンセ・ドラム</translation>
    </message>
    <message>
        <source>Reverse Cymbal</source>
        <translation>リバース・シンバル</translation>
    </message>
    <message>
        <source>Guitar Fret Noise</source>
        <translation>ギター・フレット・ノイズ</translation>
    </message>
    <message>
        <source>Breath Noise</source>
        <translation>ブレス・ノイズ</translation>
    </message>
    <message>
        <source>Seashore</source>
        <translation>海辺</translation>
    </message>
    <message>
        <source>Bird Tweet</source>
        <translation>鳥のさえずり</translation>
    </message>
    <message>
        <source>Telephone Ring</source>
        <translation>電話のベル</translation>
    </message>
    <message>
        <source>Helicopter</source>
        <translation>ヘリコプター</translation>
    </message>
    <message>
        <source>Applause</source>
        <translation>拍手</translation>
    </message>
    <message>
        <source>Gunshot</source>
        <translation>銃声</translation>
    </message>
    <message>
        <source>Acoustic Bass Drum</source>
        <translation>アコースティック・バスドラム</translation>
    </message>
    <message>
        <source>Bass Drum 1</source>
        <translation>バスドラム 1</translation>
    </message>
    <message>
        <source>Side Stick</source>
        <translation>サイドスティック</translation>
    </message>
    <message>
        <source>Acoustic Snare</source>
        <translation>アコースティック・スネア</translation>
    </message>
    <message>
        <source>Hand Clap</source>
        <translation>ハンドクラップ</translation>
    </message>
    <message>
        <source>Electric Snare</source>
        <translation>エレクトリック・スネア</translation>
    </message>
    <message>
        <source>Low Floor Tom</source>
        <translation>ロー・フロアタム</translation>
    </message>
    <message>
        <source>Closed Hi-Hat</source>
        <translation>クローズド・ハイハット</translation>
    </message>
    <message>
        <source>High Floor Tom</source>
        <translation>ハイ・フロアタム</translation>
    </message>
    <message>
        <source>Pedal Hi-Hat</source>
        <translation>ペダル・ハイハット</translation>
    </message>
    <message>
        <source>Low Tom</source>
        <translation>ロー・タム</translation>
    </message>
    <message>
        <source>Open Hi-Hat</source>
        <translation>オープン・ハイハット</translation>
    </message>
    <message>
        <source>Low-Mid Tom</source>
        <translation>ローミッド・タム</translation>
    </message>
    <message>
        <source>Hi-Mid Tom</source>
        <translation>ハイミッド・タム</translation>
    </message>
    <message>
        <source>Crash Cymbal 1</source>
        <translation>クラッシュ・シンバル 1</translation>
    </message>
    <message>
        <source>High Tom</source>
        <translation>ハイ・タム</translation>
    </message>
    <message>
        <source>Ride Cymbal 1</source>
        <translation>ライド・シンバル 1</translation>
    </message>
    <message>
        <source>Chinese Cymbal</source>
        <translation>チャイニーズ・シンバル</translation>
    </message>
    <message>
        <source>Ride Bell</source>
        <translation>ライド・ベル</translation>
    </message>
    <message>
        <source>Tambourine</source>
        <translation>タンバリン</translation>
    </message>
    <message>
        <source>Splash Cymbal</source>
        <translation>スプラッシュ・シンバル</translation>
    </message>
    <message>
        <source>Cowbell</source>
        <translation>カウベル</translation>
    </message>
    <message>
        <source>Crash Cymbal 2</source>
        <translation>クラッシュ・シンバル 2</translation>
    </message>
    <message>
        <source>Vibraslap</source>
        <translation>ビブラスラップ</translation>
    </message>
    <message>
        <source>Ride Cymbal 2</source>
        <translation>ライド・シンバル 2</translation>
    </message>
    <message>
        <source>Hi Bongo</source>
        <translation>ハイ・ボンゴ</translation>
    </message>
    <message>
        <source>Low Bongo</source>
        <translation>ロー・ボンゴ</translation>
    </message>
    <message>
        <source>Mute Hi Conga</source>
        <translation>ミュート・ハイ・コンガ</translation>
    </message>
    <message>
        <source>Open Hi Conga</source>
        <translation>オープン・ハイ・コンガ</translation>
    </message>
    <message>
        <source>Low Conga</source>
        <translation>ロー・コンガ</translation>
    </message>
    <message>
        <source>High Timbale</source>
        <translation>ハイ・ティンバレス</translation>
    </message>
    <message>
        <source>Low Timbale</source>
        <translation>ロー・ティンバレス</translation>
    </message>
    <message>
        <source>High Agogo</source>
        <translation>ハイ・アゴゴ</translation>
    </message>
    <message>
        <source>Low Agogo</source>
        <translation>ロー・アゴゴ</translation>
    </message>
    <message>
        <source>Cabasa</source>
        <translation>カバサ</translation>
    </message>
    <message>
        <source>Maracas</source>
        <translation>マラカス</translation>
    </message>
    <message>
        <source>Short Whistle</source>
        <translation>ショート・ホイッスル</translation>
    </message>
    <message>
        <source>Long Whistle</source>
        <translation>ロング・ホイッスル</translation>
    </message>
    <message>
        <source>Short Guiro</source>
        <translation>ショート・ギロ</translation>
    </message>
    <message>
        <source>Long Guiro</source>
        <translation>ロング・ギロ</translation>
    </message>
    <message>
        <source>Claves</source>
        <translation>クラベス</translation>
    </message>
    <message>
        <source>Hi Wood Block</source>
        <translation>ハイ・ウッドブロック</translation>
    </message>
    <message>
        <source>Low Wood Block</source>
        <translation>ロー・ウッドブロック</translation>
    </message>
    <message>
        <source>Mute Cuica</source>
        <translation>ミュート・クイーカ</translation>
    </message>
    <message>
        <source>Open Cuica</source>
        <translation>オープン・クイーカ</translation>
    </message>
    <message>
        <source>Mute Triangle</source>
        <translation>ミュート・トライアングル</translation>
    </message>
    <message>
        <source>Open Triangle</source>
        <translation>オープン・トライアングル</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>キック</translation>
    </message>
    <message>
        <source>Snare</source>
        <translation>スネア</translation>
    </message>
    <message>
        <source>Mid Tom</source>
        <translation>ミッド・タム</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>クラッシュ</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>ライド</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Melody RNN (basic)</source>
        <translation>Melody RNN（ベーシック）</translation>
    </message>
    <message>
        <source>Melody RNN with one-hot encoding.</source>
        <translation>ワンホット表現の Melody RNN。</translation>
    </message>
    <message>
        <source>Melody RNN (mono)</source>
        <translation>Melody RNN（モノ）</translation>
    </message>
    <message>
        <source>Monophonic RNN with one-hot encoding over the full MIDI range.</source>
        <translation>MIDI の全音域をワンホット表現で扱う単旋律の RNN。</translation>
    </message>
    <message>
        <source>Melody RNN (lookback)</source>
        <translation>Melody RNN（ルックバック）</translation>
    </message>
    <message>
        <source>Melody RNN with lookback encoding: it notices and repeats patterns from 1 and 2 bars ago.</source>
        <translation>ルックバック表現の Melody RNN：1 小節前と 2 小節前のパターンに気づき、繰り返します。</translation>
    </message>
    <message>
        <source>Melody RNN (attention)</source>
        <translation>Melody RNN（アテンション）</translation>
    </message>
    <message>
        <source>Melody RNN with lookback encoding and attention: it keeps longer-term structure.</source>
        <translation>ルックバック表現とアテンションを持つ Melody RNN：より長い構造を保ちます。</translation>
    </message>
    <message>
        <source>Drums RNN (drum kit)</source>
        <translation>Drums RNN（ドラムキット）</translation>
    </message>
    <message>
        <source>Drums RNN over a 9-piece kit (kick, snare, hi-hats, toms, cymbals), with attention.</source>
        <translation>9 点キット（キック、スネア、ハイハット、タム、シンバル）を扱う、アテンション付きの Drums RNN。</translation>
    </message>
    <message>
        <source>Drums RNN (one drum)</source>
        <translation>Drums RNN（単一ドラム）</translation>
    </message>
    <message>
        <source>Drums RNN that plays a single drum: when to hit, not which drum.</source>
        <translation>1 つのドラムだけを鳴らす Drums RNN：どのドラムかではなく、いつ叩くかを決めます。</translation>
    </message>
    <message>
        <source>Improv RNN (basic)</source>
        <translation>Improv RNN（ベーシック）</translation>
    </message>
    <message>
        <source>Melody over backing chords; each chord is read as its triad (major, minor, augmented, diminished).</source>
        <translation>伴奏コードの上のメロディ。各コードは三和音（長・短・増・減）として読みます。</translation>
    </message>
    <message>
        <source>Improv RNN (attention)</source>
        <translation>Improv RNN（アテンション）</translation>
    </message>
    <message>
        <source>Melody over backing chords (read as triads), with attention and the key-aware melody encoding.</source>
        <translation>伴奏コード（三和音として読む）の上のメロディ。アテンションと調を考慮したメロディ表現を使います。</translation>
    </message>
    <message>
        <source>Improv RNN (chord pitches)</source>
        <translation>Improv RNN（コード構成音）</translation>
    </message>
    <message>
        <source>Melody over backing chords, hearing each chord&apos;s root, pitches and bass: any chord symbol works.</source>
        <translation>伴奏コードの上のメロディ。各コードの根音・構成音・ベース音を聞くので、どのコード記号でも使えます。</translation>
    </message>
    <message>
        <source>Polyphony RNN</source>
        <translation>Polyphony RNN</translation>
    </message>
    <message>
        <source>Polyphonic music (chords, voices) on a 16th-note grid: continues a part, or harmonises a melody.</source>
        <translation>16分音符のグリッド上のポリフォニー（和音・声部）：パートの続きを生成したり、メロディーに和声を付けたりします。</translation>
    </message>
    <message>
        <source>Performance RNN</source>
        <translation>Performance RNN</translation>
    </message>
    <message>
        <source>Expressive piano in 10 ms steps, with timing but no dynamics.</source>
        <translation>10 ミリ秒ステップの表情豊かなピアノ演奏。タイミングはありますが、強弱はありません。</translation>
    </message>
    <message>
        <source>Performance RNN (dynamics)</source>
        <translation>Performance RNN（強弱つき）</translation>
    </message>
    <message>
        <source>Expressive piano in 10 ms steps, with timing and 32 levels of loudness.</source>
        <translation>10 ミリ秒ステップの表情豊かなピアノ演奏。タイミングと 32 段階の強弱があります。</translation>
    </message>
    <message>
        <source>Performance RNN (dynamics, compact)</source>
        <translation>Performance RNN（強弱つき・コンパクト）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, fed the event&apos;s class number instead of a one-hot vector.</source>
        <translation>強弱つきの Performance RNN。ワンホットベクトルの代わりにイベントのクラス番号を入力します。</translation>
    </message>
    <message>
        <source>Performance RNN (dynamics, modulo)</source>
        <translation>Performance RNN（強弱つき・モジュロ）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, its inputs as points on circles (pitch, pitch class, shift, velocity).</source>
        <translation>強弱つきの Performance RNN。入力を円周上の点（音高・ピッチクラス・時間シフト・ベロシティ）で表します。</translation>
    </message>
    <message>
        <source>Performance RNN (dynamics, note encoding)</source>
        <translation>Performance RNN（強弱つき・ノートエンコーディング）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, one event per note: its onset, pitch, loudness and length.</source>
        <translation>強弱つきの Performance RNN。1 つの音符を 1 つのイベント（開始時刻・音高・強さ・長さ）で表します。</translation>
    </message>
    <message>
        <source>Performance RNN (note density)</source>
        <translation>Performance RNN（音符密度）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, steered by notes per second.</source>
        <translation>強弱つきの Performance RNN。1 秒あたりの音符数で誘導します。</translation>
    </message>
    <message>
        <source>Performance RNN (pitch classes)</source>
        <translation>Performance RNN（ピッチクラス）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, steered by a pitch-class histogram.</source>
        <translation>強弱つきの Performance RNN。ピッチクラスのヒストグラムで誘導します。</translation>
    </message>
    <message>
        <source>Performance RNN (density and pitch classes)</source>
        <translation>Performance RNN（密度とピッチクラス）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, steered by notes per second and a pitch-class histogram.</source>
        <translation>強弱つきの Performance RNN。1 秒あたりの音符数とピッチクラスのヒストグラムで誘導します。</translation>
    </message>
    <message>
        <source>Performance RNN (optional conditioning)</source>
        <translation>Performance RNN（条件づけ任意）</translation>
    </message>
    <message>
        <source>Performance RNN with dynamics, steered by density and pitch classes, or free where conditioning is off.</source>
        <translation>強弱つきの Performance RNN。密度とピッチクラスで誘導し、条件づけをオフにした区間では自由に演奏します。</translation>
    </message>
    <message>
        <source>Monophonic RNN with one-hot encoding.</source>
        <translation>ワンホット表現の単旋律 RNN。</translation>
    </message>
    <message>
        <source>Melody RNN with lookback encoding.</source>
        <translation>ルックバック表現の Melody RNN。</translation>
    </message>
    <message>
        <source>Melody RNN with lookback encoding and attention.</source>
        <translation>ルックバック表現とアテンションを持つ Melody RNN。</translation>
    </message>
    <message>
        <source>Drums RNN with multiple drums and binary counters.</source>
        <translation>複数のドラムとバイナリカウンターを使う Drums RNN。</translation>
    </message>
    <message>
        <source>Drums RNN with a single drum type.</source>
        <translation>1 種類のドラムだけを扱う Drums RNN。</translation>
    </message>
    <message>
        <source>{0} files of OpenScore Lieder, OpenEWLD, Bach chorales, O&apos;Neill&apos;s, Ryan&apos;s Mammoth, Aird&apos;s Airs (CC0 and public domain)</source>
        <translation>OpenScore Lieder、OpenEWLD、バッハのコラール、O&apos;Neill&apos;s、Ryan&apos;s Mammoth、Aird&apos;s Airs の {0} ファイル（CC0 およびパブリックドメイン）</translation>
    </message>
    <message>
        <source>{0} files of OpenEWLD and OpenScore Lieder (public domain and CC0)</source>
        <translation>OpenEWLD と OpenScore Lieder の {0} ファイル（パブリックドメインと CC0）</translation>
    </message>
    <message>
        <source>{0} Bach chorales of music21&apos;s corpus (public domain)</source>
        <translation>バッハのコラール {0} 曲（music21 のコーパス、パブリックドメイン）</translation>
    </message>
    <message>
        <source>ASAP piano performances (CC BY-NC-SA 4.0: non-commercial use only)</source>
        <translation>ASAP のピアノ演奏（CC BY-NC-SA 4.0：非営利目的の利用に限る）</translation>
    </message>
    <message>
        <source>the Groove MIDI Dataset (CC BY 4.0, Gillick et al. 2019)</source>
        <translation>Groove MIDI Dataset（CC BY 4.0、Gillick ほか 2019）</translation>
    </message>
    <message>
        <source>major</source>
        <translation>メジャー（長音階）</translation>
    </message>
    <message>
        <source>natural minor</source>
        <translation>ナチュラルマイナー（自然的短音階）</translation>
    </message>
    <message>
        <source>harmonic minor</source>
        <translation>ハーモニックマイナー（和声的短音階）</translation>
    </message>
    <message>
        <source>dorian</source>
        <translation>ドリアン</translation>
    </message>
    <message>
        <source>mixolydian</source>
        <translation>ミクソリディアン</translation>
    </message>
    <message>
        <source>major pentatonic</source>
        <translation>メジャーペンタトニック</translation>
    </message>
    <message>
        <source>minor pentatonic</source>
        <translation>マイナーペンタトニック</translation>
    </message>
    <message>
        <source>blues</source>
        <translation>ブルース</translation>
    </message>
    <message>
        <source>Trained by composer-app on {data}: {sequences} sequences, {steps} steps</source>
        <translation>composer-app が {data} で学習：{sequences} シーケンス、{steps} ステップ</translation>
    </message>
    <message>
        <source>Trained by composer-app: {sequences} sequences, {steps} steps</source>
        <translation>composer-app で学習：{sequences} シーケンス、{steps} ステップ</translation>
    </message>
    <message>
        <source> (weights of step {step}, the best held-out)</source>
        <translation>（評価用データで最良だったステップ {step} の重み）</translation>
    </message>
    <message>
        <source>; held-out perplexity {perplexity:.3f}, accuracy {accuracy:.3f}</source>
        <translation>。評価用データのパープレキシティ {perplexity:.3f}、正解率 {accuracy:.3f}</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
</TS>
