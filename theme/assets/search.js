// Site search on Pagefind, in Material's search box. Nothing is fetched until a reader
// focuses the box; then Pagefind loads only the index fragments a query needs.
// The index is the primary (the site's own pages, with pagefind.js) and, on a big site,
// the shards that pagefind/shards.json lists, newest stories first. Shards are merged
// into the primary (Pagefind's mergeIndex, on the primary's WebAssembly) only as a
// search needs them: the newest first, then twice as many each time until a query has
// a page of results; older stories when the reader asks for them.
(() => {
  "use strict";
  const form = document.forms.namedItem("site-search");
  if (!form) return;
  const input = form.elements.namedItem("query");
  const toggle = document.getElementById("__search");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const initial = meta.textContent.trim();
  const PAGE = 10; // results shown, and what a search merges older shards to reach
  let ready = null;
  let latest = 0;

  // The shards' list: none where there is no shards.json (an index from before shards).
  const shards = async (manifest) => {
    const response = await fetch(manifest);
    return response.ok ? (await response.json()).shards : [];
  };

  // The search: Pagefind with its shards (`merged` of them merged so far, newest first).
  const start = async () => {
    const script = new URL(form.dataset.pagefind, location.href);
    const baseUrl = new URL(form.dataset.root, location.href).pathname;
    const pagefind = await import(script.href);
    await pagefind.options({ baseUrl });
    const manifest = new URL("shards.json", script);
    const found = (await shards(manifest)).map((shard) => ({
      ...shard,
      url: new URL(shard.path, manifest).pathname,
    }));
    const index = { pagefind, baseUrl, shards: found, merged: 0, growing: null };
    try {
      await grow(index);
    } catch (error) {
      await pagefind.destroy?.(); // a shard that failed to merge fails every search
      throw error;
    }
    return index;
  };

  // Merge the next shards, as many as are merged already (at least one), one batch at
  // a time: a second merge of a shard would list each of its pages twice.
  const grow = (index) => {
    const batch = async () => {
      const next = index.shards.slice(index.merged, index.merged + Math.max(1, index.merged));
      await Promise.all(next.map((s) => index.pagefind.mergeIndex(s.url, { baseUrl: index.baseUrl })));
      index.merged += next.length;
    };
    index.growing = (index.growing ?? Promise.resolve()).then(batch);
    return index.growing;
  };

  // Once. After a failure (the network), a shard may be half merged, so a later
  // keystroke starts again from a fresh Pagefind.
  const reset = () => {
    const broken = ready;
    ready = null;
    broken?.then((index) => index.pagefind.destroy?.()).catch(() => {});
  };
  const failed = (error) => {
    reset();
    throw error;
  };
  const load = () => {
    ready ??= start().catch((error) => {
      ready = null;
      throw error;
    });
    return ready;
  };

  // Pagefind's excerpts are HTML with <mark> around the matches: keep only the text
  // and the marks, so nothing from a page can run here.
  const teaser = (html) => {
    const p = document.createElement("p");
    p.className = "md-search-result__teaser";
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    for (const node of parsed.body.firstChild.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(node.textContent);
      }
    }
    return p;
  };

  const entry = (url, title, excerpt) => {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url;
    const article = document.createElement("article");
    article.className = "md-search-result__article";
    const h = document.createElement("h2");
    h.className = "md-search-result__title";
    h.textContent = title;
    article.append(h, teaser(excerpt));
    a.append(article);
    li.append(a);
    return li;
  };

  const day = (iso) =>
    new Date(iso).toLocaleDateString(document.documentElement.lang || undefined, {
      timeZone: "UTC",
      year: "numeric",
      month: "long",
      day: "numeric",
    });

  // Older stories, on the reader's word: the next shards, and the search again.
  const older = (index) => {
    const li = document.createElement("li");
    li.className = "md-search-result__item ex-search-older";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Search older stories too";
    button.addEventListener("click", async () => {
      button.disabled = true;
      await grow(index).catch(reset); // the search below reports a failure
      show();
    });
    li.append(button);
    return li;
  };

  const show = async () => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      meta.textContent = initial;
      list.replaceChildren();
      return;
    }
    const index = await load();
    let search = await index.pagefind.debouncedSearch(query, {}, 150);
    if (search === null || mine !== latest) return;
    while (search.results.length < PAGE && index.merged < index.shards.length) {
      await grow(index).catch(failed);
      if (mine !== latest) return;
      search = await index.pagefind.search(query);
      if (mine !== latest) return;
    }
    const found = await Promise.all(search.results.slice(0, PAGE).map((r) => r.data()));
    if (mine !== latest) return;
    const rest = index.merged < index.shards.length;
    const since = rest ? index.shards[index.merged - 1]?.from : null;
    meta.textContent =
      (found.length ? `${search.results.length} matching page(s)` : "No matching pages") +
      (since ? ` in stories since ${day(since)}` : "");
    list.replaceChildren(
      ...found.flatMap((data) => [
        entry(data.url, data.meta.title || data.url, data.excerpt),
        ...data.sub_results
          .filter((sub) => sub.url !== data.url)
          .slice(0, 3)
          .map((sub) => entry(sub.url, `${data.meta.title} › ${sub.title}`, sub.excerpt)),
      ]),
      ...(rest ? [older(index)] : []),
    );
  };

  input.addEventListener("focus", () => {
    toggle.checked = true;
    load().catch(() => {}); // the search that needs it reports the failure
  });
  input.addEventListener("input", show);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    input.value = "";
    show();
    toggle.checked = false;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (event.key === "/" && document.activeElement?.tagName !== "INPUT") {
      event.preventDefault();
      input.focus();
    }
  });
})();
