"""The packaged app's entry script: the same `main` as `composer-app`, which calls freeze_support() first."""

import sys

from composer_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
