"""Training events RNNs from folders of music: corpus reading and caching, datasets, the train loop, model cards."""
