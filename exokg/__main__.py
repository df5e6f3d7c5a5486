"""``python -m exokg`` runs the command line."""

from exokg.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
