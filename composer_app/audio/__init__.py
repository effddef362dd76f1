"""Audio: FluidSynth synthesis, rendering to files and live output (no Qt)."""
