<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n variation(s): click one to hear it in the song, Keep the one you like.</source>
        <translation>
            <numerusform>%n variation: click one to hear it in the song, Keep the one you like.</numerusform>
            <numerusform>%n variations: click one to hear it in the song, Keep the one you like.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Generate (%n queued)</source>
        <translation>
            <numerusform>Generate (%n queued)</numerusform>
            <numerusform>Generate (%n queued)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} / %n step(s)</source>
        <translation>
            <numerusform>{0} / %n step</numerusform>
            <numerusform>{0} / %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>harmony of %n note(s)</source>
        <translation>
            <numerusform>harmony of %n note</numerusform>
            <numerusform>harmony of %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variation(s) ready: {0}</source>
        <translation>
            <numerusform>%n variation ready: {0}</numerusform>
            <numerusform>%n variations ready: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {0}: %n note(s)</source>
        <translation>
            <numerusform>Opened {0}: %n note</numerusform>
            <numerusform>Opened {0}: %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n track(s) from {0}</source>
        <translation>
            <numerusform>Imported %n track from {0}</numerusform>
            <numerusform>Imported %n tracks from {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erase %n note(s)</source>
        <translation>
            <numerusform>Erase %n note</numerusform>
            <numerusform>Erase %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n note(s)</source>
        <translation>
            <numerusform>Delete %n note</numerusform>
            <numerusform>Delete %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quantized %n note(s) to {0}</source>
        <translation>
            <numerusform>Quantized %n note to {0}</numerusform>
            <numerusform>Quantized %n notes to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n note(s)</source>
        <translation>
            <numerusform>Duplicate %n note</numerusform>
            <numerusform>Duplicate %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) from Composer</source>
        <translation>
            <numerusform>%n note from Composer</numerusform>
            <numerusform>%n notes from Composer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n note(s)</source>
        <translation>
            <numerusform>Copied %n note</numerusform>
            <numerusform>Copied %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n note(s)</source>
        <translation>
            <numerusform>Cut %n note</numerusform>
            <numerusform>Cut %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n note(s)</source>
        <translation>
            <numerusform>Paste %n note</numerusform>
            <numerusform>Paste %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in song</source>
        <comment>notes in the whole song</comment>
        <translation>
            <numerusform>%n in song</numerusform>
            <numerusform>%n in song</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n bar</numerusform>
            <numerusform>%n bars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set length to %n bar(s)</source>
        <translation>
            <numerusform>Set length to %n bar</numerusform>
            <numerusform>Set length to %n bars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s): click one to hear it in the song, Keep the one you like.</source>
        <translation>
            <numerusform>%n clip: click it to hear it in the song, Keep it if you like it.</numerusform>
            <numerusform>%n clips: click one to hear it in the song, Keep the one you like.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} · {1} · %n folder(s) → {2}</source>
        <translation>
            <numerusform>{0} · {1} · %n folder → {2}</numerusform>
            <numerusform>{0} · {1} · %n folders → {2}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n note(s).</source>
        <translation>
            <numerusform>Recorded %n note.</numerusform>
            <numerusform>Recorded %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jam ended: %n answer(s) are in the results.</source>
        <translation>
            <numerusform>Jam ended: %n answer is in the results.</numerusform>
            <numerusform>Jam ended: %n answers are in the results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MusicVAE learns %n-bar melodies from 4/4 music (from the parts of programs 0 to 31, piano to guitar).</source>
        <translation>
            <numerusform>MusicVAE learns %n-bar melodies from 4/4 music (from the parts of programs 0 to 31, piano to guitar).</numerusform>
            <numerusform>MusicVAE learns %n-bar melodies from 4/4 music (from the parts of programs 0 to 31, piano to guitar).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MusicVAE learns %n-bar melodies from 4/4 music (from every part of each file that is long enough).</source>
        <translation>
            <numerusform>MusicVAE learns %n-bar melodies from 4/4 music (from every part of each file that is long enough).</numerusform>
            <numerusform>MusicVAE learns %n-bar melodies from 4/4 music (from every part of each file that is long enough).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MusicVAE learns %n-bar drum patterns from the drum parts of 4/4 music.</source>
        <translation>
            <numerusform>MusicVAE learns %n-bar drum patterns from the drum parts of 4/4 music.</numerusform>
            <numerusform>MusicVAE learns %n-bar drum patterns from the drum parts of 4/4 music.</numerusform>
        </translation>
    </message>
</context>
</TS>
