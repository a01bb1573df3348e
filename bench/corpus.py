"""N valid, varied stories made from the seed digest, for benchmarks and tests.

Each story gets its own id, title, dates and topics; the seed's actors recur in every
story (as real newsrooms' do) alongside actors of its own, and every quote stays a
verbatim quote of the seed article, so the stories pass `explainer validate`.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "wagner-march-halted.yml"
PLACES = ["Minsk", "Kyiv", "Warsaw", "Vilnius", "Riga", "Tbilisi", "Yerevan", "Almaty", "Baku"]
THEMES = ["talks", "ceasefire", "sanctions", "election", "protests", "summit", "deal", "inquiry"]
TOPICS = [f"Topic {name}" for name in (*PLACES, *THEMES, "Energy", "Security", "Media", "Courts")]


def story_data(index: int, seed: dict[str, Any] | None = None) -> dict[str, Any]:
    data = copy.deepcopy(seed or yaml.safe_load(SEED.read_text(encoding="utf-8")))
    place, theme = PLACES[index % len(PLACES)], THEMES[(index // 3) % len(THEMES)]
    data["id"] = f"story-{index:04d}-{theme}-{place.lower()}"
    data["title"] = f"{place} {theme}: explainer number {index} on the stand-down"
    data["dek"] = f"Story {index}: what the {theme} in {place} means, drawn from the seed report."
    data["updated"] = dt.date(2024, 1, 1) + dt.timedelta(days=index % 700, hours=0)
    data["published"] = data["updated"] - dt.timedelta(days=index % 5)
    data["tags"] = [TOPICS[index % len(TOPICS)], TOPICS[(index * 7 + 3) % len(TOPICS)]]
    if data["tags"][0] == data["tags"][1]:
        data["tags"].pop()
    # Actors of its own: a spokesperson of its own, and a correspondent and an institute
    # shared by a few stories each.
    data["actors"] += [
        {
            "id": f"spokesperson-{index}",
            "name": f"Spokesperson {index}",
            "kind": "person",
            "role": f"Spoke for the {theme} in {place}",
        },
        {
            "id": f"correspondent-{index % 97}",
            "name": f"Correspondent {index % 97}",
            "kind": "person",
            "role": f"Reported from {place}",
        },
        {
            "id": f"institute-{index % 53}",
            "name": f"Institute {index % 53}",
            "kind": "organisation",
            "role": f"Commented on the {theme}",
        },
    ]
    return data


def make_corpus(content_dir: Path, count: int) -> list[Path]:
    """Write `count` digests (and the seed article they quote, and the actor register
    they name) into `content_dir`."""
    content_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEED.parent / "articles", content_dir / "articles", dirs_exist_ok=True)
    shutil.copytree(SEED.parent / "actors", content_dir / "actors", dirs_exist_ok=True)
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    paths = []
    for index in range(count):
        data = story_data(index, seed)
        path = content_dir / f"{data['id']}.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        paths.append(path)
    return paths
