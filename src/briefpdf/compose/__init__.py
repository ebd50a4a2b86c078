"""Stage 3, compose: a model and a theme become flowables that know their semantic role."""
