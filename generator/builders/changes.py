"""What changed, and what depends on it: the one place the build's dependency rules live.

Every build (`mkdocs build`, `mkdocs build --dirty`, each rebuild of `mkdocs serve`)
keeps a `Ledger` of what it read and made, each thing under a key: a hash of everything
it was made from. The next build makes again only what has a new key:

- a digest or register entry is parsed again only when its bytes (or the article text
  a digest's quotes are checked against) changed; a digest is resolved against the
  register again only when it or an entry it uses changed;
- a story's pages of the generated tree depend on the story (resolved: the register's
  names are in it) and on `tree_globals` (the templates, the site settings, the map
  data, this package's code);
- a list page (home, people, a person, a topic) depends on what it shows of each item:
  a story by its key, a person by their name, kind and counts; plus `about`, what else
  the page shows (a person's name and links, which the page's head also shows);
- the actors that look like one another (`identity.find_matches`) depend on every
  actor's id, kind, spellings and `distinct_from`;
- a built HTML page depends on its generated page's key and on `site_globals`: the
  MkDocs configuration, the theme (Material's version and our overrides), the site's
  address, and the title of each navigation entry that takes it from its page;
- a search shard depends on the built pages in it (`website.search`).

A changed template, setting or theme changes a global key, and so everything. Keys are
content hashes, never modification times, so a cache restored into a fresh clone (a CI
job) is as good as one kept on disk.

The ledger is saved in the project's cache folder (`.cache/explainer/` by default)
after each successful build, and only then: a failed build leaves the last good one.
While serving it is also kept in memory from one rebuild to the next.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..digest.identity import Identity, Match, find_matches
from ..digest.loading import Digest, Problem, read_digest
from ..digest.register import Entry, Register, read_entry, resolve
from ..digest.schema import Story
from ..parallel import fork_map
from ..website.catalog import Appearance, Person
from .staging import remove_tree

log = logging.getLogger("mkdocs.plugins.explainer")

LEDGER_FILE = "ledger.pickle"
DIGESTS = "digests"
"""The store's folder of digests read, one file each, named by its key."""
FORMAT = 1
"""Bumped when the ledger's shape changes: an older ledger is then not used."""
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pydantic")
"""Libraries whose version changes what a build makes."""


def hash_of(*parts: Any) -> str:
    """A key: the hash of `parts` (bytes as they are, models as JSON, the rest by repr)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, bytes):
            data = part
        elif isinstance(part, BaseModel):
            data = part.model_dump_json().encode()
        else:
            data = repr(part).encode()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def file_key(path: Path | str) -> str:
    """The key of one file's bytes ('' when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return hash_of(handle.read())
    except OSError:
        return ""


def folder_key(*folders: Path) -> str:
    """The key of every file under `folders`: their names and bytes."""
    parts: list[Any] = []
    for folder in folders:
        if folder.is_file():
            parts += [folder.name, folder.read_bytes()]
            continue
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return hash_of(*parts)


@cache
def code_key() -> str:
    """This package's own code and the libraries it builds with."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            versions.append((name, None))
    return hash_of(FORMAT, folder_key(Path(__file__).resolve().parents[1]), versions)


def story_key(story: Story) -> str:
    """Everything a story's own pages show: the story, resolved against the register."""
    return hash_of(story)


def item_key(item: Any, story_keys: dict[str, str]) -> Any:
    """What a list page shows of an item: a story by its key (an actor's part in a
    story is in the story), a person by their name, kind and counts."""
    if isinstance(item, Story):
        return story_keys[item.id]
    if isinstance(item, Appearance):
        return (story_keys[item.story.id], item.actor.id)
    if isinstance(item, Person):
        return (item.id, item.name, item.kind, len(item.appearances), item.quote_count)
    return item


def listing_key(
    template: str, paths: list[str], about: tuple, items: list[Any], story_keys: dict[str, str]
) -> str:
    """A page of a list: its template, the list's pages, what else it shows, its items."""
    return hash_of(template, paths, about, [item_key(item, story_keys) for item in items])


class Made(NamedTuple):
    """A file a build made: the key of its inputs, and the file as it was written (a
    file changed since, by hand or by another program, is not taken as made)."""

    key: str
    mtime_ns: int
    size: int
    scripts: tuple[str, ...] = ()
    """Of a built page: the hashes of its inline scripts (for the security policy)."""


def made(path: Path | str, key: str, scripts: tuple[str, ...] = ()) -> Made | None:
    """A record of the file at `path`, made with `key` (None if it is not there)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return Made(key, stat.st_mtime_ns, stat.st_size, scripts)


def still(record: Made | None, key: str, path: Path | str) -> bool:
    """Whether the file at `path` is the one made with `key` (and left alone since)."""
    if record is None or record.key != key:
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return (stat.st_mtime_ns, stat.st_size) == (record.mtime_ns, record.size)


def site_key(tree_globals: str, config_files: list[Path], theme: list[Path], settings: Any) -> str:
    """`Ledger.site_globals`: what every built page depends on besides its page of the
    tree: the generated tree's global key, the MkDocs configuration files, the theme's
    folders (our overrides and metadata templates, a project's own), and `settings`
    (the site's address, the titles of navigation entries that take them from their
    page). Material's and MkDocs' versions are in `code_key`."""
    return hash_of(tree_globals, [file_key(p) for p in config_files], folder_key(*theme), settings)


def built_key(tree: Made | None, source: Path | str) -> str:
    """A built page's key: its page of the tree's key, or the page's bytes when it has
    none (a page made without one, such as `about.md`). With `site_globals`."""
    return tree.key if tree is not None else file_key(source)


def static_key(source: Path | str) -> str:
    """A file copied into the site as it is (a theme's asset, a share card): the file
    it is copied from, as it is now. A change of theme changes `site_globals`."""
    try:
        stat = os.stat(source)
    except OSError:
        return ""
    return hash_of(str(source), stat.st_mtime_ns, stat.st_size)


@dataclass
class Ledger:
    """What the last build read and made, each under its key (see the module's docstring)."""

    code: str = field(default_factory=code_key)
    digests: dict[Path, tuple[str, dict[Path, str], Digest | None]] = field(default_factory=dict)
    """A digest file -> (its bytes' key, its article texts' keys, the digest read; None
    once `release`d)."""
    entries: dict[Path, tuple[str, Entry]] = field(default_factory=dict)
    """A register entry file -> (its bytes' key, the entry read)."""
    resolved: dict[str, tuple[str, Digest]] = field(default_factory=dict)
    """A digest (by its file as messages show it) -> (the key of it and of the register
    entries it uses, the digest resolved). Kept in memory only (while serving):
    resolving again costs less than reading it back."""
    tree: dict[str, Made] = field(default_factory=dict)
    """A page of the generated tree (`stories/x/index.md`) -> how it was made."""
    site: dict[str, Made] = field(default_factory=dict)
    """A file of the built site (`stories/x/index.html`) -> how it was made."""
    matches: tuple[str, list[tuple]] | None = None
    """The actors that look like one (`find_matches`, by their ids), under the key of
    every actor."""
    tree_globals: str = ""
    """The key of what every page of `tree` depends on: the templates, the site
    settings, the map data, this code (`Project.tree_key`)."""
    site_globals: str = ""
    """The key of what every page of `site` depends on besides its page of the tree:
    the MkDocs configuration and theme, the site's address (`site_key`)."""
    _digest_keys: dict[str, str] = field(default_factory=dict, repr=False)
    """This build's digests: file as shown -> key (set by `read_digests`)."""
    _entry_keys: dict[Path, tuple[str, str]] = field(default_factory=dict, repr=False)
    """This build's register entries: path -> (key, file as shown)."""
    _unsaved: set[Path] = field(default_factory=set, repr=False)
    """Digests read in this build that the store does not have yet."""
    store: Path | None = field(default=None, repr=False)
    """The cache folder: each digest read is kept in it, one file each (`DIGESTS`), so
    that saving the ledger does not write every digest again."""

    def __getstate__(self) -> dict:
        """What is saved: all but the digests (in the store) and this build's notes."""
        state = dict(self.__dict__)
        for name in ("digests", "resolved", "_digest_keys", "_entry_keys", "_unsaved", "store"):
            state.pop(name)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(Ledger().__dict__)
        self.__dict__.update(state)

    def handed_over(self) -> dict:
        """What generating the tree reads and changes, this build's notes included, to
        `take` in another process: all but the built site's records (`site`), which
        only the builder's steps change (at 10,000 stories, a second less to pass)."""
        return {name: value for name, value in self.__dict__.items() if name != "site"}

    def take(self, held: dict) -> None:
        """Hold what another process's ledger held (`handed_over`)."""
        self.__dict__.update(held)

    # -- reading the inputs --------------------------------------------------------------

    def read_digests(
        self, paths: list[Path], display: dict[Path, str]
    ) -> list[tuple[Digest | None, list[Problem]]]:
        """`read_digest` of each path: from the ledger (or its store on disk) when the
        file and its article texts are unchanged, else read now (on the machine's
        cores, for many)."""
        results: dict[Path, tuple[Digest | None, list[Problem]]] = {}
        todo: list[tuple[Path, str]] = []
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError:
                data = None
            # the code's key too: a store entry is read back only by the code that wrote it
            key = hash_of(self.code, str(path), display[path], data) if data is not None else ""
            known = self.digests.get(path)
            if known is None or known[0] != key or known[2] is None:
                known = self._stored(key)
            if known and all(file_key(p) == k for p, k in known[1].items()):
                self.digests[path] = known
                results[path] = (known[2], [])
                self._digest_keys[known[2].file] = key
            else:
                todo.append((path, key))
        read = fork_map(lambda item: read_digest(item[0], display[item[0]]), todo)
        for (path, key), (digest, problems) in zip(todo, read, strict=True):
            results[path] = (digest, problems)
            if digest is None:
                self.digests.pop(path, None)
                continue
            texts = [path.parent / s.text_file for s in digest.story.sources if s.text_file]
            self.digests[path] = (key, {p: file_key(p) for p in texts}, digest)
            self._digest_keys[digest.file] = key
            self._unsaved.add(path)
        return [results[path] for path in paths]

    def _stored(self, key: str) -> tuple[str, dict[Path, str], Digest] | None:
        """A digest read by an earlier build, from the store (None if it has none)."""
        if self.store is None or not key:
            return None
        try:
            with open(self.store / DIGESTS / f"{key}.pickle", "rb") as handle:
                known = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry is read again from the digest
            return None
        return known if isinstance(known, tuple) and known[0] == key else None

    def read_entry(self, path: Path, display: str) -> tuple[Entry | None, list[Problem]]:
        """`register.read_entry`, from the ledger when the file is unchanged."""
        key = file_key(path)
        self._entry_keys[path] = (key, display)
        known = self.entries.get(path)
        if known is not None and known[0] == key:
            return known[1], []
        entry, problems = read_entry(path, display)
        if entry is not None:
            self.entries[path] = (key, entry)
        else:
            self.entries.pop(path, None)
        return entry, problems

    def resolve_all(
        self, digests: list[Digest], register: Register
    ) -> list[tuple[Digest, list[Problem]]]:
        """`register.resolve` of each digest, from the ledger when the digest and every
        register entry its actors use are unchanged."""
        entry_keys = {file: key for key, file in self._entry_keys.values()}
        by_id = {i: entry_keys.get(e.file, hash_of(e.actor)) for i, e in register.entries.items()}
        results = []
        for digest in digests:
            used = [by_id.get(actor.id, "") for actor in digest.story.actors]
            key = hash_of(self._digest_keys.get(digest.file, id(digest)), used)
            known = self.resolved.get(digest.file)
            if known is not None and known[0] == key:
                results.append((known[1], []))
                continue
            resolved, problems = resolve(digest, register)
            if not problems and digest.file in self._digest_keys:
                self.resolved[digest.file] = (key, resolved)
            results.append((resolved, problems))
        return results

    def find_matches(self, found: dict[str, Identity]) -> list[Match]:
        """`identity.find_matches`, from the ledger when no actor's id, kind, spellings
        or `distinct_from` changed (a correction of a story's text changes none), with
        the matches pointed at this build's identities (where each is written)."""
        key = hash_of([(i.id, i.registered, i.kind, i.primary, list(i.spellings.items()),
                        sorted(i.distinct_from)) for i in found.values()])  # fmt: skip
        if self.matches is None or self.matches[0] != key:
            ids = [(m.old.id, m.new.id, m.old_key, m.new_key, m.certain,
                    m.via.id if m.via else None) for m in find_matches(found)]  # fmt: skip
            self.matches = (key, ids)
        return [
            Match(found[old], found[new], old_key, new_key, certain, found[via] if via else None)
            for old, new, old_key, new_key, certain, via in self.matches[1]
        ]

    def release(self) -> None:
        """Let go of the digests read (a build needs them no more once its pages are
        generated): those the store lacks are written to it first. The store is named by
        content, so a build that fails later leaves it correct; `save` removes what no
        digest uses any more."""
        if self.store is not None:
            self._store_unsaved(self.store)
        for path, (key, texts, _digest) in list(self.digests.items()):
            if path not in self._unsaved:
                self.digests[path] = (key, texts, None)
        self.resolved.clear()

    def _store_unsaved(self, folder: Path) -> None:
        store = folder / DIGESTS
        try:
            store.mkdir(parents=True, exist_ok=True)
            for path in sorted(self._unsaved):
                known = self.digests.get(path)
                if known is not None:
                    _write(store / f"{known[0]}.pickle", known)
                self._unsaved.discard(path)
        except OSError as error:  # kept in memory, for `save` to try again
            log.warning("explainer: could not write the build cache in %s (%s)", store, error)

    def forget_missing(self, digests: Iterable[Path]) -> None:
        """Drop what the ledger holds of digests that are gone."""
        present = set(digests)
        for path in [p for p in self.digests if p not in present]:
            del self.digests[path]
        shown = {known[2].file for known in self.digests.values() if known[2] is not None}
        for file in [f for f in self.resolved if f not in shown]:
            del self.resolved[file]

    # -- the generated tree and the site -------------------------------------------------

    def begin_tree(self, key: str) -> None:
        """Start generating with this global key: when it changed, no page of the tree
        is kept (what was read is: it depends on the files alone)."""
        if key != self.tree_globals:
            self.tree.clear()
        self.tree_globals = key

    def begin_site(self, key: str) -> None:
        """Start building the site with this global key: when it changed, no built page
        is kept."""
        if key != self.site_globals:
            self.site.clear()
        self.site_globals = key

    def forget_made(self) -> None:
        """The tree or the site no longer holds what the ledger says (a failed build was
        undone): make everything again next time."""
        self.tree.clear()
        self.site.clear()
        self.tree_globals = self.site_globals = ""

    # -- keeping it between builds -------------------------------------------------------

    @classmethod
    def load(cls, folder: Path) -> Ledger:
        """The ledger saved in `folder`, or an empty one (none yet, unreadable, or made
        by other code: then everything is made again, and nothing is lost)."""
        path = folder / LEDGER_FILE
        ledger = cls()
        try:
            with open(path, "rb") as handle:
                loaded = pickle.load(handle)
        except FileNotFoundError:
            loaded = None
        except Exception as error:  # a damaged cache costs time, never the build
            log.info("explainer: not using the build cache %s (%s)", path, error)
            loaded = None
        if isinstance(loaded, cls) and loaded.code == ledger.code:
            ledger = loaded
        elif loaded is not None:
            log.info("explainer: the build cache is from other code; building everything")
            remove_tree(folder / DIGESTS)
        ledger.store = folder
        return ledger

    def save(self, folder: Path) -> None:
        """Write the ledger to `folder` (whole or not at all), with the digests read in
        this build that the store lacks; digests no longer read leave the store."""
        try:
            self._store_unsaved(folder)
            store = folder / DIGESTS
            store.mkdir(parents=True, exist_ok=True)
            used = {f"{known[0]}.pickle" for known in self.digests.values()}
            for old in store.iterdir():
                if old.name not in used:
                    old.unlink(missing_ok=True)
            _write(folder / LEDGER_FILE, self)
        except OSError as error:
            log.warning("explainer: could not save the build cache in %s (%s)", folder, error)


def _write(target: Path, value: Any) -> None:
    """Pickle `value` to `target` whole or not at all."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
