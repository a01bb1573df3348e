// Site search on Pagefind, in Material's search box. Nothing is fetched until a reader
// focuses the box; then Pagefind loads only the index fragments a query needs.
// The index is the primary (the site's own pages, with pagefind.js) and, on a big site,
// the shards that pagefind/shards.json lists: each is merged into the primary
// (Pagefind's mergeIndex, on the primary's WebAssembly) before the first search.
(() => {
  "use strict";
  const form = document.forms.namedItem("site-search");
  if (!form) return;
  const input = form.elements.namedItem("query");
  const toggle = document.getElementById("__search");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const initial = meta.textContent.trim();
  let ready = null;
  let latest = 0;

  // The shards' list: none where there is no shards.json (an index from before shards).
  const shards = async (manifest) => {
    const response = await fetch(manifest);
    return response.ok ? (await response.json()).shards : [];
  };

  const start = async () => {
    const script = new URL(form.dataset.pagefind, location.href);
    const baseUrl = new URL(form.dataset.root, location.href).pathname;
    const pagefind = await import(script.href);
    try {
      await pagefind.options({ baseUrl });
      const manifest = new URL("shards.json", script);
      const merged = (await shards(manifest)).map((shard) =>
        pagefind.mergeIndex(new URL(shard.path, manifest).pathname, { baseUrl }),
      );
      await Promise.all(merged);
    } catch (error) {
      await pagefind.destroy?.(); // a shard that failed to merge fails every search
      throw error;
    }
    return pagefind;
  };

  // Once: a second merge of a shard would list each of its pages twice. After a
  // failure (the network), a later keystroke starts again from a fresh Pagefind.
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

  const show = async () => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      meta.textContent = initial;
      list.replaceChildren();
      return;
    }
    const search = await (await load()).debouncedSearch(query, {}, 150);
    if (search === null || mine !== latest) return;
    const found = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    if (mine !== latest) return;
    meta.textContent = found.length ? `${search.results.length} matching page(s)` : "No matching pages";
    list.replaceChildren(
      ...found.flatMap((data) => [
        entry(data.url, data.meta.title || data.url, data.excerpt),
        ...data.sub_results
          .filter((sub) => sub.url !== data.url)
          .slice(0, 3)
          .map((sub) => entry(sub.url, `${data.meta.title} › ${sub.title}`, sub.excerpt)),
      ]),
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
