"""A first draft of a digest from an article: quotes, speakers, actors, metadata.

Rules, not a model: `article` reads the input (text or a saved web page), `quotes` finds
the quoted passages, `actors` the people and bodies, `attribution` who said each quote,
`interview` the answers of a Q&A, `digest` writes the draft as a digest and `into` adds
an article to a story that has one already. Whatever the rules are unsure of is marked
for the editor."""

from __future__ import annotations

from .article import NotAnArticle, read_article
from .digest import draft_digest
from .draft import Draft, DraftQuote, draft_article, draft_from
from .slugs import slug

__all__ = [
    "Draft",
    "DraftQuote",
    "NotAnArticle",
    "draft_article",
    "draft_digest",
    "draft_from",
    "read_article",
    "slug",
]
