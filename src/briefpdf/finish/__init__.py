"""Stage 5, finish: metadata, packs, imposition, tagging, and writing files safely."""
