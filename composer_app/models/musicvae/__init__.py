"""MusicVAE (Magenta's music_vae): checkpoints, the bidirectional encoder, the categorical decoder, the model API."""
