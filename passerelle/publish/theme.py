"""Writing: mkdocs-material wraps one language's rendered pages in the theme and writes them (one build per language)."""

from __future__ import annotations

import functools
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme

from passerelle.render.pages import RenderedPage
from passerelle.records.settings import Site

_DROPPED = ("strings/", "passerelle/", "assets/javascripts/lunr/", "assets/javascripts/workers/",
            "assets/javascripts/bundle.")
"""Theme files that are not for visitors: our strings and templates, material's search and script."""


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
        return [{"lang": code, "name": name, "link": f"{self.base}{code}/{url}", "current": code == lang}
                for code, name in self.languages]


@dataclass(frozen=True)
class LanguagePages:
    """One language, rendered: what mkdocs needs to write it."""

    lang: str
    pages: list[RenderedPage]
    nav: list[dict[str, str]]
    frame: Frame


class PagesPlugin(BasePlugin):  # type: ignore[type-arg]
    """Hands mkdocs the pages we rendered, as virtual files, and their HTML in place of Markdown output."""

    def __init__(self, rendered: LanguagePages, templates: Path | None = None) -> None:
        super().__init__()
        self.templates = templates
        self.pages = {p.src: p for p in rendered.pages}
        self.lang = rendered.lang
        self.frame = rendered.frame
        self.nav_urls: list[str] = []
        self.navs: dict[str, str] = {}
        """The sidebar's HTML, rendered once for all the pages of a folder that are not in it (see main.html)."""

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.templates is not None:  # the languages' builds compile the theme's templates once between them
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.templates))
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_urls = [p.url for p in nav.pages]
        return nav

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for f in list(files):
            if f.src_uri.startswith(_DROPPED) or f.src_uri.endswith(".map"):
                files.remove(f)
        for src in self.pages:
            files.append(File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.pages[page.file.src_uri]
        page.render = functools.partial(_no_markdown, page)  # type: ignore[method-assign]  # the HTML is ours
        page.meta["title"] = rendered.title
        page.meta["passerelle"] = {
            "head": rendered.head, "title": str(escape(rendered.title)), "footer": self.frame.footer,
            "skip": self.frame.skip, "languages_label": self.frame.languages_label,
            "languages": self.frame.languages_for(self.lang, rendered.path),
            "navs": self.navs, "nav_key": self._nav_key(page),
        }
        return ""

    def _nav_key(self, page: Page) -> str | None:
        """Pages out of the nav highlight nothing in it: their sidebar differs only by its relative links,
        which are the same for every page of one folder (unless a nav page lies below the page itself)."""
        if page.file.inclusion.is_in_nav() or any(url.startswith(page.url) for url in self.nav_urls):
            return None
        return page.url.rstrip("/").rpartition("/")[0]

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        rendered = self.pages[page.file.src_uri]
        page.toc = get_toc(rendered.toc)
        return rendered.body


def _no_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Stands in for Page.render: there is no Markdown to convert (on_page_content hands the HTML over)."""
    page.content = ""


class _ThemeLoader(jinja2.FileSystemLoader):
    """The theme's templates, listed without hidden folders.

    On every build mkdocs lists every file of the theme to find the static ones to copy, then leaves out
    whatever sits in a hidden folder; material keeps 14,000 icons in one (.icons). Not walking into those
    folders gives the same files, 0.08 to 0.15 s sooner per language."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in names:
                    found.add(os.path.relpath(os.path.join(folder, name), searchpath).replace(os.sep, "/"))
        return sorted(found)


def _theme_env(theme: Theme) -> jinja2.Environment:
    env = Theme.get_env(theme)
    env.loader = _ThemeLoader(theme.dirs)
    return env


def language_config(site: Site, lang: str, out: Path, work: Path) -> MkDocsConfig:
    """mkdocs.yml for one language: its own site_dir and site_url, material in that language."""
    docs = work / f"docs-{lang}"
    docs.mkdir(parents=True, exist_ok=True)  # empty: every page is handed over by PagesPlugin
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(config_file=str(site.config_file), docs_dir=str(docs), site_dir=str(out),
                         site_url=site.lang_url(lang))
    config.theme["language"] = lang
    extra = _material_language(site, lang, work)
    if extra is not None:
        config.theme.dirs.insert(0, str(extra))
    config.theme.get_env = functools.partial(_theme_env, config.theme)  # type: ignore[method-assign]
    return config


def _material_language(site: Site, lang: str, work: Path) -> Path | None:
    """For a language material does not translate (Pashto, say): its strings file made from English, with the
    language's own code and direction, in a folder put before the theme's. Adding a language stays one line of
    mkdocs.yml and one strings file of ours; material's few own words (menu labels) are then in English."""
    material = Path(material_templates())
    if (material / "partials" / "languages" / f"{lang}.html").is_file():
        return None
    english = (material / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    text = english.replace('"language": "en"', f'"language": "{lang}"').replace(
        '"direction": "ltr"', f'"direction": "{site.direction(lang)}"')
    folder = work / f"material-{lang}"
    (folder / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    (folder / "partials" / "languages" / f"{lang}.html").write_text(text, encoding="utf-8")
    return folder


def material_templates() -> str:
    import material

    return str(Path(material.__file__).parent / "templates")


MarkdownSettings = tuple[list[Any], dict[str, Any]]


def markdown_settings(site: Site) -> MarkdownSettings:
    """The Markdown extensions and their settings declared in mkdocs.yml, for records and pages alike."""
    config = load_config(config_file=str(site.config_file), docs_dir=str(site.root / "content"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"] or {})


def write_language(site: Site, rendered: LanguagePages, staging: Path, templates: Path | None = None) -> None:
    """Build one language's pages into staging/<lang>/ with mkdocs-material (templates: see PagesPlugin.on_env)."""
    lang = rendered.lang
    config = language_config(site, lang, staging / lang, staging)
    out = Path(config.site_dir)
    config.nav = rendered.nav
    # Every page's HTML is rendered already: mkdocs converts an empty page, so it needs no extension.
    config["markdown_extensions"] = []
    config["mdx_configs"] = {}
    config.theme.static_templates.discard("sitemap.xml")
    config.extra["alternate"] = [
        {"name": name, "link": f"{site.url}{code}/", "lang": code} for code, name in rendered.frame.languages
    ]
    config.extra["passerelle_404"] = rendered.frame.not_found
    config.plugins["passerelle"] = PagesPlugin(rendered, templates)
    mkdocs_build(config)  # empties site_dir first: the language's other files are written after it
    shutil.rmtree(config.docs_dir, ignore_errors=True)
    shutil.rmtree(staging / f"material-{lang}", ignore_errors=True)
    for leftover in ("sitemap.xml", "sitemap.xml.gz"):
        if (out / leftover).exists():
            os.remove(out / leftover)
