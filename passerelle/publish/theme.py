"""Theme: mkdocs-material wraps one language's rendered pages and writes them (one build per language).

The hand-over is data: each page's metadata (title, HTML body, head elements, menus), which theme/main.html reads
from page.meta, and a config file per language that inherits the project's mkdocs.yml (mkdocs' INHERIT). It is
delivered in memory by a small plugin (the default, the fast one), or as a docs folder of files that material
builds with no plugin of ours (`build --handover files`) and that Zensical builds too (bench/zensical_trial.py):
the theme layer can be swapped without touching the stages before it."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape
import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from passerelle.cache import Cache, digest
from passerelle.plan import urls
from passerelle.render.pages import RenderedPage
from passerelle.records.settings import Site

_DROPPED = ("strings/", "passerelle/", "assets/javascripts/lunr/", "assets/javascripts/workers/", "assets/javascripts/bundle.")
"""Theme files that are not for visitors, removed from the output: our strings and templates, material's search
and script (its language selector fetches a sitemap.xml beside every link), their source maps."""


@dataclass(frozen=True)
class Frame:
    """What every page of one language shares around its content (handed to theme/main.html)."""

    footer: str
    skip: str
    languages_label: str
    languages: tuple[tuple[str, str], ...]
    """(code, name) of every language, for the language menu."""
    base: str
    not_found: dict[str, str]

    def languages_for(self, lang: str, url: str) -> list[dict[str, Any]]:
        """The language menu of the page at `url`: the same page in every language."""
        return [
            {"lang": code, "name": name, "link": f"{self.base}{code}/{url}", "current": code == lang}
            for code, name in self.languages
        ]


@dataclass(frozen=True)
class LanguagePages:
    """One language, rendered: what mkdocs needs to write it."""

    lang: str
    pages: list[RenderedPage]
    nav: list[dict[str, str]]
    frame: Frame


def _nav_key(path: str, nav_paths: set[str]) -> str | None:
    """Pages out of the nav highlight nothing in it: their sidebar differs only by its relative links, which are
    the same for every page of one folder (unless a nav page lies below the page itself). The key of that folder,
    or None for a page that renders its own sidebar (see main.html)."""
    if path in nav_paths or any(nav.startswith(path) for nav in nav_paths):
        return None
    return path.rstrip("/").rpartition("/")[0]


def _toc_html(toc: list[dict[str, Any]]) -> str:
    """An editorial page's table of contents, as material's secondary sidebar shows it (its headings' anchors)."""

    def items(tokens: list[dict[str, Any]]) -> str:
        return "".join(
            f'<li class="md-nav__item"><a href="#{escape(t["id"])}" class="md-nav__link">'
            f'<span class="md-ellipsis">{escape(t["name"])}</span></a>'
            + (f'<nav class="md-nav"><ul class="md-nav__list">{items(t["children"])}</ul></nav>' if t["children"] else "")
            + "</li>"
            for t in tokens
        )

    return f'<ul class="md-nav__list" data-md-component="toc">{items(toc)}</ul>' if toc else ""


def nav_keys(rendered: LanguagePages) -> dict[str, str | None]:
    """Each page's sidebar key, by its name for mkdocs (see _nav_key)."""
    nav_paths = {src.removesuffix("index.md") for item in rendered.nav for src in item.values()}
    return {page.src: _nav_key(page.path, nav_paths) for page in rendered.pages}


def page_meta(rendered: LanguagePages, leave_out: Container[str] = ()) -> dict[str, dict[str, Any]]:
    """What each page hands the theme, by its name for mkdocs: its title, its HTML body and what main.html reads
    around it (head elements, language menu, sidebar key, table of contents). The same in both deliveries below.
    `leave_out`: pages whose HTML comes from the cache (what they made is then never read)."""
    keys = nav_keys(rendered)
    return {
        page.src: {
            "title": page.title,
            "passerelle": {
                "head": page.head,
                "title": str(escape(page.title)),
                "nav_key": keys[page.src],
                "languages": rendered.frame.languages_for(rendered.lang, page.path),
                "toc": _toc_html(page.toc),
                "body": page.body,
            },
        }
        for page in rendered.pages
        if page.src not in leave_out
    }


def write_docs(rendered: LanguagePages, docs: Path) -> None:
    """Delivery as files: each page a Markdown file whose front matter is its metadata (and whose Markdown is empty).
    Any builder that reads mkdocs' docs folder and page.meta builds them: material with no plugin, or Zensical."""
    for src, meta in page_meta(rendered).items():
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        # JSON is YAML: one line that libyaml reads at C speed. The body rides in it too, and the Markdown stays
        # empty: Python-Markdown would otherwise parse every page's HTML again.
        target.write_text(f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n", encoding="utf-8")


class PagesPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Delivery in memory, the fast one: the same pages and metadata as write_docs, handed to mkdocs as generated
    files (documented plugin events), without writing them, reading their YAML back, or converting an empty
    Markdown text per page (Page.render is the one mkdocs internal this replaces: see docs/benchmarks.md)."""

    def __init__(self, meta: dict[str, dict[str, Any]], templates: Path | None, theme_files: bool = True) -> None:
        super().__init__()
        self.meta = meta
        self.templates = templates
        self.theme_files = theme_files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.templates is not None:  # the languages' builds compile the theme's templates once between them
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.templates))
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.theme_files:  # the same in every language: one language copies them (see share_assets)
            theme = {os.path.normpath(folder) for folder in config.theme.dirs}
            for file in [f for f in files if f.src_dir is not None and os.path.normpath(f.src_dir) in theme]:
                files.remove(file)
        for src in self.meta:
            files.append(File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.meta = self.meta[page.file.src_uri]
        page.render = functools.partial(_no_markdown, page)  # type: ignore[method-assign]
        return ""


def _no_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    page.content = ""


def language_config(site: Site, rendered: LanguagePages, out: Path, work: Path, project: Declared) -> Path:
    """An mkdocs.yml for one language that inherits the project's (mkdocs' INHERIT): its docs folder of files, its
    own site_dir and site_url, material in that language, the nav, and the frame every page shares in `extra`."""
    lang, frame = rendered.lang, rendered.frame
    theme_dir = site.root / "theme"
    if _material_lacks(lang):
        theme_dir = _theme_with_language(site, lang, work)
    shared = functools.partial(_shared, site)
    config = {
        "INHERIT": str(site.config_file),
        "docs_dir": str(work / "docs"),
        "site_dir": str(out),
        "site_url": site.lang_url(lang),
        "nav": rendered.nav,
        "not_in_nav": "/**",
        "theme": {
            "name": "material",
            "custom_dir": str(theme_dir),
            "language": lang,
            "favicon": shared(project.favicon),
            "logo": shared(project.logo),
        },
        "extra_css": [shared(path) for path in project.extra_css],
        "markdown_extensions": [],  # every page's HTML is rendered already: Markdown passes it through
        "extra": {
            "alternate": [{"name": name, "link": f"{site.url}{code}/", "lang": code} for code, name in frame.languages],
            "passerelle_404": frame.not_found,
            "passerelle": {
                "footer": frame.footer,
                "skip": frame.skip,
                "languages_label": frame.languages_label,
                "assets": site.site_href(urls.ASSETS),
            },
        },
    }
    path = work / f"mkdocs-{lang}.yml"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return path


def _shared(site: Site, path: str | None) -> str | None:
    """A theme file that mkdocs.yml names below assets/, as a root-relative URL into the assets every language
    shares (material's `url` filter leaves such a URL as it is)."""
    if not path or not path.startswith(urls.ASSETS):
        return path
    return site.site_href(path)


def _material_lacks(lang: str) -> bool:
    return not (Path(material_templates()) / "partials" / "languages" / f"{lang}.html").is_file()


def _theme_with_language(site: Site, lang: str, work: Path) -> Path:
    """For a language material does not translate (Pashto, say): our theme, plus material's strings file made from
    English with the language's own code and direction. Adding a language stays one line of mkdocs.yml and one
    strings file of ours; material's few own words (menu labels) are then in English."""
    english = (Path(material_templates()) / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    text = english.replace('"language": "en"', f'"language": "{lang}"').replace(
        '"direction": "ltr"', f'"direction": "{site.direction(lang)}"'
    )
    folder = work / f"theme-{lang}"
    shutil.copytree(site.root / "theme", folder, dirs_exist_ok=True)
    (folder / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    (folder / "partials" / "languages" / f"{lang}.html").write_text(text, encoding="utf-8")
    return folder


def material_templates() -> str:
    import material

    return str(Path(material.__file__).parent / "templates")


MarkdownSettings = tuple[list[Any], dict[str, Any]]


@dataclass(frozen=True)
class Declared:
    """What the project's mkdocs.yml declares, read once a build (mkdocs reads a config in pure Python, 50 ms): the
    Markdown settings, for records and pages alike, and the theme files every language's config names again."""

    markdown: MarkdownSettings
    favicon: str | None
    logo: str | None
    extra_css: tuple[str, ...]


def declared(site: Site) -> Declared:
    config = load_config(config_file=str(site.config_file), docs_dir=str(site.root / "content"))
    markdown = (list(config["markdown_extensions"]), dict(config["mdx_configs"] or {}))
    return Declared(markdown, config.theme["favicon"], config.theme["logo"], tuple(config["extra_css"]))


HANDOVERS = ("memory", "files")


def write_language(
    site: Site,
    rendered: LanguagePages,
    project: Declared,
    staging: Path,
    work: Path,
    handover: str = "memory",
    templates: Path | None = None,
    cache: Cache | None = None,
    theme_files: bool = True,
) -> None:
    """Build one language's pages into staging/<lang>/ with mkdocs-material: a config file inheriting the project's,
    then `mkdocs build`, the pages delivered in memory (a plugin) or as files (no plugin; 1.5 times slower, see
    docs/benchmarks.md). `work`: a folder of this language's own; `templates`: see PagesPlugin.on_env;
    `theme_files`: False to leave out the theme's files, which every language shares (in memory only).

    With a cache (in memory only), a page out of the nav whose metadata, language and frame are those of a page an
    earlier build wrote is not handed to mkdocs: its HTML is taken from the cache (see page_keys)."""
    out = staging / rendered.lang
    (work / "docs").mkdir(parents=True, exist_ok=True)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(config_file=str(language_config(site, rendered, out, work, project)))
    config.theme.get_env = functools.partial(_env_listing_no_hidden_files, config.theme.get_env)  # type: ignore[method-assign]
    keys: dict[str, str] = {}
    cached: dict[str, str] = {}
    if handover == "files":
        write_docs(rendered, work / "docs")
    else:
        keys = page_keys(rendered, cache) if cache is not None and cache.on else {}
        cached = {src: key for src, key in keys.items() if cache is not None and cache.find(key)}
        config.plugins["passerelle"] = PagesPlugin(page_meta(rendered, leave_out=cached), templates, theme_files)
        config.extra["passerelle"]["navs"] = {}  # the sidebar of each folder, rendered once (see main.html)
    mkdocs_build(config)  # empties `out` first
    for dropped in _DROPPED:
        target = out / dropped
        if target.is_dir():
            shutil.rmtree(target)
        for file in out.glob(dropped + "*") if not dropped.endswith("/") else ():
            file.unlink()
    for leftover in (*out.joinpath("assets").rglob("*.map"), out / "sitemap.xml", out / "sitemap.xml.gz"):
        if leftover.exists():
            leftover.unlink()
    if cache is not None:
        for src, key in keys.items():
            target = out / urls.written(src)
            if src in cached:
                if not cache.copy_to(key, target):  # removed since it was found (another build's sweep)
                    raise RuntimeError(f"the cache lost {key} during the build: build again")
            else:
                cache.store_file(key, target)


class _VisibleFilesLoader(jinja2.FileSystemLoader):
    """The theme's loader, listing its files without walking hidden folders: mkdocs copies no file whose path has
    a part starting with '.' (Files.add_files_from_theme), and material's .icons/ holds 14,000 of them (a quarter
    second a language, for a list that drops them all)."""

    def list_templates(self) -> list[str]:
        found = set()
        for top in self.searchpath:
            for folder, dirs, names in os.walk(top, followlinks=self.followlinks):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                rel = os.path.relpath(folder, top)
                for name in names:
                    found.add(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
        return sorted(found)


def _env_listing_no_hidden_files(get_env: Any) -> jinja2.Environment:
    env: jinja2.Environment = get_env()
    loader = env.loader
    if isinstance(loader, jinja2.FileSystemLoader):
        env.loader = _VisibleFilesLoader(loader.searchpath, loader.encoding, loader.followlinks)
    return env


def page_keys(rendered: LanguagePages, cache: Cache) -> dict[str, str]:
    """The cache key of each page out of the nav: the view its rendered page came from (RenderedPage.made_from), its
    name, and what every page of the language shares (the language, the frame, the nav): its metadata (title, body,
    head, language menu, sidebar key) is made of nothing else. The code, the theme and mkdocs.yml are in every key
    (cache.version). Pages in the nav are always built: their sidebar and their previous and next links depend on
    the nav's other pages."""
    shared = digest(json.dumps([rendered.lang, rendered.nav, dataclasses.asdict(rendered.frame)], ensure_ascii=False))
    nav = nav_keys(rendered)
    return {page.src: cache.key("page", shared, page.src, page.made_from) for page in rendered.pages if nav[page.src] is not None}


def share_assets(staging: Path, languages: tuple[str, ...] | list[str]) -> None:
    """The theme's files, which mkdocs copies into the first language's folder (and into every language's with the
    pages handed over as files), moved once to the site's root (urls.ASSETS), where every page links them: a reader
    who switches language downloads none of them again. Copies must be the same in every language; if one
    differs, that is our bug, and the build stops."""
    first = staging / languages[0] / "assets"
    kept = _files(first)
    for lang in languages[1:]:
        copy = staging / lang / "assets"
        if not copy.is_dir():
            continue
        theirs = _files(copy)
        if theirs != kept:
            differ = sorted(name for name in kept.keys() | theirs.keys() if kept.get(name) != theirs.get(name))
            raise RuntimeError(f"the theme's files of {lang} differ from those of {languages[0]}: {', '.join(differ[:3])}")
        shutil.rmtree(copy)
    first.rename(staging / urls.ASSETS)


def _files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }
