"""The event-RNN family (Melody RNN, Drums RNN, ...): configs, network, bundles and generator."""
