"""explainer: YAML digests of news stories to an MkDocs + Material explainer site."""
