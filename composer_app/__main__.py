"""`python -m composer_app` runs the same entry point as the `composer-app` command."""

import sys

from composer_app.cli.main import main

sys.exit(main())
