"""What readers get: the pages of the generated tree, the catalog across stories,
feeds, metadata, search, the address scheme and escaping."""
