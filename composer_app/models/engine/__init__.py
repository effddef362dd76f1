"""The numpy inference engine every model family runs on: LSTM stacks, attention, dense layers and sampling."""
