"""The `explainer` command: validate digests, build the Markdown tree, print the schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loading import InputError, Problem
from .project import Project
from .schema import Story

SCHEMA_FILE = "story.schema.json"


def story_schema() -> str:
    """The digest's JSON Schema, as committed next to the digests."""
    schema = Story.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Explainer story digest"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


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
    print(f"{len(newsroom.stories)} story file(s) checked, no problems")
    return 0


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    try:
        _, _, stats = project.generate()
    except InputError as error:
        _report(error.problems)
        return 1
    print(
        f"{project.output_dir}: {stats.written} written, {stats.unchanged} unchanged, "
        f"{stats.removed} removed"
    )
    return 0


def cmd_schema(project: Project | None, args: argparse.Namespace) -> int:
    text = story_schema()
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
    validate = commands.add_parser(
        "validate", help="check digests and print every problem as file:line:column: field: message"
    )
    validate.add_argument("paths", nargs="*", help="digests to check (default: all of content/)")
    validate.set_defaults(run=cmd_validate)
    build = commands.add_parser("build", help="write the generated Markdown tree without MkDocs")
    build.set_defaults(run=cmd_build)
    schema = commands.add_parser("schema", help="print the digest's JSON Schema")
    schema.add_argument("-o", "--output", help="write it to this file instead")
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
