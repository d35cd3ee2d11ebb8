"""``python -m policyparse``: the command line."""

from policyparse.cli import main

raise SystemExit(main())
