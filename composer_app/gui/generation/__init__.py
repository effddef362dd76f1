"""Generation in the app: the model panel, background jobs, the controller and the results strip."""
