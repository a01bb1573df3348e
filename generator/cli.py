"""The `explainer` command: validate digests, build the Markdown tree, print the schema."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import jinja2
import yaml
from pydantic import BaseModel

from . import actors_command
from .builders.build import BUILDERS, BuildFailed, build_with
from .builders.project import Project
from .builders.staging import BuildLock, LockTimeout
from .digest.loading import InputError, Problem, read_digest
from .digest.register import Register, load_register, resolve, use_register_ids
from .digest.schema import SLUG_PATTERN, RegisteredActor, Story
from .drafting import Draft, NotAnArticle, draft_article, draft_digest, slug
from .drafting.into import add_to_story
from .website import theme

SCHEMA_FILE = "story.schema.json"
ACTOR_SCHEMA_FILE = "actor.schema.json"


def _schema(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def story_schema() -> str:
    """The digest's JSON Schema, as committed next to the digests."""
    return _schema(Story, "Explainer story digest")


def actor_schema() -> str:
    """A register entry's JSON Schema (`content/actors/<id>.yml`), committed beside the
    story's."""
    return _schema(RegisteredActor, "Explainer actor register entry")


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    files = len({p.file for p in problems})
    print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)


def cmd_validate(project: Project, args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or None
    if paths:
        missing = [Problem(str(p), 0, 0, "", "no such file") for p in paths if not p.is_file()]
        if missing:
            _report(missing)
            return 1
    try:
        _, newsroom = project.load(paths)
    except InputError as error:
        _report(error.problems)
        return 1
    for todo in newsroom.todos:
        print(todo)
    for match in newsroom.likely_duplicates:
        print(
            f"note: actors {match.describe()}: one actor? `explainer actors merge "
            f"{match.old.id} {match.new.id}`, or `distinct_from: [{match.new.id}]` in "
            f"{match.old.id!r} if not"
        )
    left = f"; {len(newsroom.todos)} TODO(s) left to write" if newsroom.todos else ""
    print(f"{len(newsroom.stories)} story file(s) checked, no problems{left}")
    return 0


def _refuse_existing(project: Project, story_id: str) -> Path | None:
    for suffix in (".yml", ".yaml"):
        existing = project.content_dir / f"{story_id}{suffix}"
        if existing.exists():
            return existing
    return None


def _check_id(story_id: str) -> str | None:
    if not re.fullmatch(SLUG_PATTERN, story_id) or len(story_id) > 80:
        return (
            f"{story_id!r} is not a valid story id (expected lower-case letters, digits and "
            "single hyphens, e.g. `wagner-march-halted`)"
        )
    return None


def cmd_new(project: Project, args: argparse.Namespace) -> int:
    problem = _check_id(args.story_id)
    existing = _refuse_existing(project, args.story_id)
    if problem or existing:
        print(f"explainer new: {problem or f'{existing} already exists; not overwriting it'}",
              file=sys.stderr)  # fmt: skip
        return 1
    skeleton = theme.starter("new-story.yml.j2")
    template = jinja2.Template(skeleton.read_text(encoding="utf-8"), keep_trailing_newline=True)
    target = project.content_dir / f"{args.story_id}.yml"
    target.write_text(template.render(id=args.story_id, today=dt.date.today()), "utf-8")
    print(f"wrote {target}\nnext: fill in the TODOs, then run `explainer validate {target}`")
    return 0


MAX_ARTICLE_BYTES = 200_000
"""An article to draft from: a long read is about 100 KB of text."""


def _read_article(article: Path) -> str:
    """The article's text; ValueError says why it cannot be drafted from."""
    try:
        info = article.stat()
    except OSError as error:
        raise ValueError(f"cannot read {article} ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{article} is not a regular file (expected a UTF-8 text or HTML file)")
    if info.st_size > MAX_ARTICLE_BYTES:
        raise ValueError(
            f"{article} is {info.st_size:,} bytes (expected an article of at most "
            f"{MAX_ARTICLE_BYTES:,} bytes of plain text)"
        )
    try:
        return article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read {article} ({error}; expected UTF-8 text)") from None


def cmd_draft(project: Project, args: argparse.Namespace) -> int:
    article = Path(args.article)
    try:
        text = _read_article(article)
    except ValueError as error:
        print(f"explainer draft: {error}", file=sys.stderr)
        return 1
    try:
        draft = draft_article(text)
    except NotAnArticle as error:
        print(f"explainer draft: {article} does not look like an article: {error}",
              file=sys.stderr)  # fmt: skip
        return 1
    if args.outlet:
        draft.outlet = args.outlet
    if args.into:
        return _draft_into(project, args, article, draft)
    story_id = args.id or slug(draft.title)[:60].strip("-")
    problem = _check_id(story_id)
    existing = _refuse_existing(project, story_id)
    if problem or existing:
        print(f"explainer draft: {problem or f'{existing} already exists; not overwriting it'}",
              file=sys.stderr)  # fmt: skip
        return 1
    text = draft.text
    copy = project.content_dir / "articles" / f"{story_id}.txt"
    if copy.exists() and copy.read_text(encoding="utf-8") != text:
        print(f"explainer draft: {copy} already exists; not overwriting it", file=sys.stderr)
        return 1
    try:
        register = load_register(project.content_dir, project.display)
    except InputError as error:
        _report(error.problems)
        print("explainer draft: the actor register has problems; nothing was written",
              file=sys.stderr)  # fmt: skip
        return 1
    data = draft_digest(draft, story_id, f"articles/{story_id}.txt", dt.date.today())
    from_register = use_register_ids(data, register)
    target = project.content_dir / f"{story_id}.yml"
    header = (
        "# yaml-language-server: $schema=story.schema.json\n"
        f"# Drafted by `explainer draft` from {article.name}: check every quote's speaker\n"
        "# (a guessed one says so in its context), then replace the TODOs.\n"
        + (f"# Actors found in the register: {', '.join(from_register)}\n"
           if from_register else "")
        + (f"# Dates the article mentions, for the timeline: {', '.join(draft.dates)}\n"
           if draft.dates else "")
        + "\n"
    )  # fmt: skip
    digest = header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88)
    problems = _check_draft(digest, text, target, copy, project.root, register)
    if problems:
        _report(problems)
        print(
            "explainer draft: the draft would not validate, so nothing was written; "
            "check that the headline is on the first line and paragraphs are separated "
            "by blank lines",
            file=sys.stderr,
        )
        return 1
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(text, encoding="utf-8")
    target.write_text(digest, encoding="utf-8")
    guesses = sum(q.guess for q in draft.quotes)
    print(
        f"wrote {target} ({len(draft.quotes)} quotes, {guesses} speaker(s) guessed, "
        f"{len(data['actors'])} actors) and {copy}\n"
        f"next: `explainer validate {target}` lists what is left to write"
    )
    return 0


def _draft_into(project: Project, args: argparse.Namespace, article: Path, draft: Draft) -> int:
    """`explainer draft ARTICLE --into STORY`: the article added to a story as a source."""
    target = project.content_dir / f"{args.into}.yml"
    if not target.is_file():
        print(f"explainer draft: there is no story {args.into!r} ({target} does not exist)",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        register = load_register(project.content_dir, project.display)
    except InputError as error:
        _report(error.problems)
        return 1
    original = target.read_text(encoding="utf-8")
    data = draft_digest(draft, args.into, "", dt.date.today())
    use_register_ids(data, register)
    stem = f"{args.into}-{slug(draft.outlet or article.stem)}"[:80]
    copy = project.content_dir / "articles" / f"{stem}.txt"
    n = 2
    while copy.exists() and copy.read_text(encoding="utf-8") != draft.text:
        copy, n = copy.with_name(f"{stem}-{n}.txt"), n + 1
    addition = add_to_story(original, data, f"articles/{copy.name}")
    problems = _check_into(addition.text, target, project, register,
                           {copy.name: draft.text})  # fmt: skip
    if problems:
        _report(problems)
        print("explainer draft: the story would not validate with this article added, so "
              "nothing was written", file=sys.stderr)  # fmt: skip
        return 1
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(draft.text, encoding="utf-8")
    target.write_text(addition.text, encoding="utf-8")
    print(
        f"added source {addition.source_id!r} to {target}: {len(addition.added)} quotes "
        f"({len(addition.linked)} linked as renderings of quotes the story has), "
        f"{len(addition.skipped)} already there, {len(addition.new_actors)} new actors; "
        f"the article is in {copy}\nnext: `explainer validate {target}`"
    )
    return 0


def _check_into(text: str, target: Path, project: Project, register: Register,
                articles: dict[str, str]) -> list[Problem]:  # fmt: skip
    """The story with the addition, validated in a scratch copy of content/."""
    shown = target.relative_to(project.root) if target.is_relative_to(project.root) else target
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        articles_dir = project.content_dir / "articles"
        if articles_dir.is_dir():
            shutil.copytree(articles_dir, folder / "articles")
        (folder / "articles").mkdir(exist_ok=True)
        for name, body in articles.items():
            (folder / "articles" / name).write_text(body, encoding="utf-8")
        (folder / target.name).write_text(text, encoding="utf-8")
        story, problems = read_digest(folder / target.name, str(shown))
    return resolve(story, register)[1] if story is not None else problems


def _check_draft(
    digest: str, article: str, target: Path, copy: Path, root: Path, register: Register
) -> list[Problem]:
    """Validate a draft before it is written: in a scratch folder laid out like content/,
    with problems reported against the file it would become."""
    shown = target.relative_to(root) if target.is_relative_to(root) else target
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "articles").mkdir()
        (folder / "articles" / copy.name).write_text(article, encoding="utf-8")
        (folder / target.name).write_text(digest, encoding="utf-8")
        draft, problems = read_digest(folder / target.name, str(shown))
    return resolve(draft, register)[1] if draft is not None else problems


def cmd_generate(project: Project, args: argparse.Namespace) -> int:
    lock = BuildLock(project.root)
    try:
        lock.acquire(
            on_wait=lambda message: print(f"explainer generate: {message}", file=sys.stderr)
        )
        _, _, stats = project.generate()
    except LockTimeout as error:
        print(f"explainer generate: {error}", file=sys.stderr)
        return 1
    except InputError as error:
        _report(error.problems)
        return 1
    finally:
        lock.release()
    print(
        f"{project.output_dir}: {stats.written} written, {stats.unchanged} unchanged, "
        f"{stats.removed} removed"
    )
    return 0


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    def say(message: str) -> None:
        print(f"explainer build: {message}", file=sys.stderr)

    try:
        build_with(project, args.config.resolve(), args.builder, say, args.republish)
    except (BuildFailed, LockTimeout) as error:
        say(f"{error}; the last site is unchanged")
        return 1
    except InputError as error:
        _report(error.problems)
        say("nothing was built; the last site is unchanged")
        return 1
    return 0


STARTER_FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "site_config.yml": "site_config.yml",
    ".gitignore": "gitignore",
}
"""What `explainer init` writes (path in the project -> file in the theme's starter/)."""


def cmd_init(project: Project | None, args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    writes = {folder / name: theme.starter(starter).read_text("utf-8")
              for name, starter in STARTER_FILES.items()}  # fmt: skip
    writes[folder / "content" / SCHEMA_FILE] = story_schema()
    writes[folder / "content" / ACTOR_SCHEMA_FILE] = actor_schema()
    writes[folder / "generated" / ".gitignore"] = "*\n!.gitignore\n"
    existing = [str(path) for path in writes if path.exists()]
    if existing:
        print(f"explainer init: {', '.join(existing)} already exist(s); not overwriting",
              file=sys.stderr)  # fmt: skip
        return 1
    for path, text in writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    here = "" if folder == Path(".") else f"cd {folder} && "
    print(
        f"started an explainer project in {folder}: mkdocs.yml, site_config.yml, content/\n"
        f"next: {here}explainer new my-story-id, then mkdocs serve"
    )
    return 0


def cmd_schema(project: Project | None, args: argparse.Namespace) -> int:
    text = actor_schema() if args.actor else story_schema()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="explainer", description="Turn YAML story digests into an explainer site."
    )
    main.add_argument(
        "-f",
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the project's mkdocs.yml (default: ./mkdocs.yml)",
    )
    commands = main.add_subparsers(dest="command", required=True)
    init = commands.add_parser(
        "init", help="start a project: mkdocs.yml, site_config.yml and content/ in a folder"
    )
    init.add_argument("folder", nargs="?", default=".", help="where (default: here)")
    init.set_defaults(run=cmd_init, standalone=True)
    validate = commands.add_parser(
        "validate", help="check digests and print every problem as file:line:column: field: message"
    )
    validate.add_argument("paths", nargs="*", help="digests to check (default: all of content/)")
    validate.set_defaults(run=cmd_validate)
    build = commands.add_parser(
        "build", help="build the site: generate, run a builder, finish every page, swap it in"
    )
    build.add_argument(
        "--with",
        dest="builder",
        choices=BUILDERS,
        default="mkdocs",
        help="the builder (default: mkdocs)",
    )
    build.add_argument(
        "--republish",
        action="store_true",
        help="build again only what changed since the last build, whose site, generated "
        "tree and cache are kept (`mkdocs build --dirty`; the same site as a full build)",
    )
    build.set_defaults(run=cmd_build)
    generate = commands.add_parser(
        "generate", help="write the generated Markdown tree only (for a builder run by hand)"
    )
    generate.set_defaults(run=cmd_generate)
    new = commands.add_parser(
        "new", help="start a digest: content/<story-id>.yml with every section"
    )
    new.add_argument("story_id")
    new.set_defaults(run=cmd_new)
    draft = commands.add_parser(
        "draft", help="draft a digest from a plain-text article: quotes, speakers, actors"
    )
    draft.add_argument(
        "article", help="the article: a UTF-8 text file (headline first) or a saved web page"
    )
    draft.add_argument("--id", help="the story id (default: from the headline)")
    draft.add_argument("--outlet", help="the publication, when the article does not say")
    draft.add_argument(
        "--into",
        metavar="STORY",
        help="add the article to an existing story as another source instead",
    )
    draft.set_defaults(run=cmd_draft)
    actors_command.add_parser(commands)
    schema = commands.add_parser("schema", help="print the digest's JSON Schema")
    schema.add_argument("-o", "--output", help="write it to this file instead")
    schema.add_argument(
        "--actor", action="store_true", help="the schema of an actor register entry instead"
    )
    schema.set_defaults(run=cmd_schema, standalone=True)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "standalone", False):
        return args.run(None, args)
    try:
        project = Project.from_mkdocs(args.config)
    except InputError as error:
        _report(error.problems)
        return 1
    return args.run(project, args)


if __name__ == "__main__":
    sys.exit(main())
