"""``python -m exokg`` runs the command line."""

from exokg.cli import main

raise SystemExit(main())
