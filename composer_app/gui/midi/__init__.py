"""MIDI devices in the window: the MIDI menu (input and output ports) and recording from a keyboard."""
