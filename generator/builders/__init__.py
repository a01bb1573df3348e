"""Turning the generated tree into a site: the project's paths, writing the tree, what
changed and what depends on it, the MkDocs plugin and the staged swap."""
