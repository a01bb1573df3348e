"""The built-in theme, installed with explainer as the package `explainer_theme`.

- `pages/`: Jinja2 templates of the generated Markdown pages (and their macros);
- `feeds/`: the Atom feed's template;
- `assets/`: the stylesheet and search script copied into every site;
- `overrides/`: Material's template overrides, added to the theme by the plugin;
- `starter/`: what `explainer init` and `explainer new` write into a project.
"""
