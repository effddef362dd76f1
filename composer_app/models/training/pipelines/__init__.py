"""Magenta's data pipelines for the timed families (Polyphony and Performance RNN): from songs to event sequences."""
