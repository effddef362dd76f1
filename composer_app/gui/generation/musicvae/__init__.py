"""The Generate panel's MusicVAE tab: checkpoints, tools, clip pickers and the controller that runs them."""
