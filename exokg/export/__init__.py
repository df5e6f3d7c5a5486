"""Writers of the build's outputs; every write is atomic (temporary file, then replace)."""
