"""Turning the generated tree into a site: the project's paths, writing the tree,
the MkDocs plugin, the serve cache and the staged swap."""
