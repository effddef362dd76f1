"""The Generate dock's panels for Polyphony RNN and Performance RNN, whose events carry time."""
