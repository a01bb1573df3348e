"""Where each page lives in the generated tree: the site's address scheme, in one place.

Ids and topic names become folder names under three list folders (`stories/`,
`people/`, `topics/`). Each of those folders also holds pages of the site's own
(`index.md`, and later pages of a long list under `page/`), so those names are
reserved for ids: an actor with the id `page` would otherwise write the people
index's second page. The site's other top-level names are reserved too, so that
no id depends on which folder it happens to live in today. `address` is what a page
path becomes on the built site, for finding two pages that would be written to one
address.
"""

from __future__ import annotations

from ..digest.names import slug

STORIES_DIR = "stories"
PEOPLE_DIR = "people"
TOPICS_DIR = "topics"
ARCHIVE_DIR = "archive"

RESERVED_NAMES = frozenset(
    {
        "index", "page", "archive", "about", "stories", "people", "topics", "actors",
        "articles", "assets", "search", "pagefind", "feed", "feeds", "sitemap", "404",
    }
)  # fmt: skip
"""Names that no id or topic may take: the site's own pages and folders (the list
folders' `index` and `page`, the top-level folders, the feeds, the search index)."""

MAX_TOPIC_LENGTH = 60
"""A tag becomes a folder name: 60 characters stay under every file system's limit
(255 bytes) even in a script of four bytes per character."""


def reserved_problem(name: str, folder: str) -> str | None:
    """Why `name` cannot be a folder of `folder`, or None when it can."""
    if name in RESERVED_NAMES:
        return (
            f"{name!r} is reserved: the site keeps it for its own pages, and `{folder}/{name}` "
            f"would be one of them (expected any other name; reserved: "
            f"{', '.join(sorted(RESERVED_NAMES))})"
        )
    return None


def topic_slug(tag: str) -> str:
    """`Wagner Group` -> `wagner-group`; `Беларусь` -> `belarus` (the project's one slug
    function, which transliterates)."""
    return slug(tag)


def story_dir(story_id: str) -> str:
    return f"{STORIES_DIR}/{story_id}"


def story_path(story_id: str) -> str:
    return f"{story_dir(story_id)}/index.md"


def person_path(actor_id: str) -> str:
    return f"{PEOPLE_DIR}/{actor_id}/index.md"


def topic_path(tag: str) -> str:
    return f"{TOPICS_DIR}/{topic_slug(tag)}/index.md"


def home_page(number: int) -> str:
    return "index.md" if number == 1 else f"{ARCHIVE_DIR}/{number}.md"


def people_page(number: int) -> str:
    return f"{PEOPLE_DIR}/index.md" if number == 1 else f"{PEOPLE_DIR}/page/{number}.md"


def folder_page(first: str, number: int) -> str:
    """Page `number` of a list kept in one folder: `<folder>/index.md`, `<folder>/2.md`."""
    return first if number == 1 else first.replace("index.md", f"{number}.md")


def address(path: str) -> str:
    """The address a generated file has on the built site (MkDocs' directory URLs):
    `a/index.md` and `a.md` are both `a/`; other files keep their name."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem
