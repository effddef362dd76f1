"""Training in the app: the Training panel, its live chart, and the `composer-app train` child it runs."""
