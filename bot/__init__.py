"""Vägvisaren: the project's own package (catalogue, routing, privacy, CLI, web)."""
