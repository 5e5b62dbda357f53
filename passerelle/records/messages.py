"""Messages: what `check` says, in English or French, for the person who made the mistake.

A message is an English template and its values; the English template is also the key of its
French translation below (as with gettext), so a message is written once, where it is raised.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Message:
    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = "en") -> str:
        template = FRENCH.get(self.template, self.template) if lang == "fr" else self.template
        values = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.params}
        return template.format(**values)

    def __str__(self) -> str:
        return self.render("en")


def M(template: str, **params: Any) -> Message:  # noqa: N802 - reads like the _() of gettext
    return Message(template, tuple(params.items()))


def hint(near: str | None, template: str = " Did you mean '{near}'?") -> Message | str:
    return M(template, near=near) if near else ""


def default_language() -> str:
    """French where the environment's locale is French, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "fr" if code.lower().startswith("fr") else "en"


FRENCH: dict[str, str] = {
    # values shown inside messages
    "a mapping": "une liste de champs",
    "a list": "une liste",
    "nothing": "rien",
    "an employer": "une entreprise",
    "a story": "un parcours",
    "a story's text": "un texte de parcours",
    "a job": "une offre",
    "a location": "un lieu",
    "a salary": "un salaire",
    "a page": "une page",
    "an address beginning with https:// or mailto:": "une adresse qui commence par https:// ou mailto:",
    "an address beginning with https://": "une adresse qui commence par https://",
    " Did you mean '{near}'?": " Vouliez-vous dire « {near} » ?",
    " Did you mean jobs/{near}/?": " Vouliez-vous dire jobs/{near}/ ?",
    " Write it in capitals: '{near}'.": " Écrivez-le en majuscules : « {near} ».",
    " Use a two-letter ISO code, such as FR, BE or DE.": " Utilisez un code ISO de deux lettres, comme FR, BE ou DE.",
    ": a two-letter country code such as FR": " : un code pays de deux lettres, comme FR",
    ", a date written YYYY-MM-DD": ", une date écrite AAAA-MM-JJ",
    " (unless remote: full)": " (sauf si remote: full)",
    ", a number such as 1800": ", un nombre comme 1800",
    ", a currency code such as EUR": ", un code de devise comme EUR",
    ": the name the fellow agreed to show, a first name or a pseudonym": " : le nom que la participante a accepté de montrer, un prénom ou un pseudonyme",
    ": one or two sentences, shown on cards and in feeds": " : une ou deux phrases, montrées sur les cartes et dans les flux",
    # fields
    "unknown field '{field}'.{hint} The fields of {what} are: {allowed}.": "champ inconnu « {field} ».{hint} Les champs d'{what} sont : {allowed}.",
    "the field '{field}' is missing: it is required{hint}.": "le champ « {field} » manque : il est obligatoire{hint}.",
    "the field '{field}' is empty: it is required{hint}.": "le champ « {field} » est vide : il est obligatoire{hint}.",
    "the field '{field}' must be text, not {value}.": "le champ « {field} » doit être du texte, pas {value}.",
    "the field '{field}' must be text, not {value}. Put it in quotes.": "le champ « {field} » doit être du texte, pas {value}. Mettez-le entre guillemets.",
    "the field '{field}' contains HTML markup ('{tag}…'): write plain text, without < and > tags.": "le champ « {field} » contient du HTML (« {tag}… ») : écrivez du texte simple, sans balises < et >.",
    "the field '{field}' is {value}, which is not allowed.{hint} Write one of: {allowed}.": "le champ « {field} » vaut {value}, ce qui n'est pas permis.{hint} Écrivez l'une de ces valeurs : {allowed}.",
    "the field '{field}' has a time ({value}): write the date only, as YYYY-MM-DD.": "le champ « {field} » contient une heure ({value}) : écrivez seulement la date, au format AAAA-MM-JJ.",
    "the field '{field}' is {value}, which is not a date: write it as YYYY-MM-DD, for example 2026-09-01.": "le champ « {field} » vaut {value}, ce qui n'est pas une date : écrivez-la au format AAAA-MM-JJ, par exemple 2026-09-01.",
    "the field '{field}' is {value}: write true or false.": "le champ « {field} » vaut {value} : écrivez true ou false.",
    "the field '{field}' has text for '{lang}', which is not a language of this site.{hint} Languages: {languages}.": "le champ « {field} » a un texte en « {lang} », qui n'est pas une langue du site.{hint} Langues : {languages}.",
    "the text of '{field}' in '{lang}' is empty: write it as text, or remove that line.": "le texte de « {field} » en « {lang} » est vide : écrivez-le, ou supprimez cette ligne.",
    "the text of '{field}' in '{lang}' is {value}: write it as text, or remove that line.": "le texte de « {field} » en « {lang} » vaut {value} : écrivez du texte, ou supprimez cette ligne.",
    "the field '{field}' has no text: give at least one language, for example '{lang}: ...'.": "le champ « {field} » n'a pas de texte : donnez au moins une langue, par exemple « {lang}: ... ».",
    "the field '{field}' must be text, or a text per language ({lang}: ...), not {value}.": "le champ « {field} » doit être du texte, ou un texte par langue ({lang}: ...), pas {value}.",
    "the field '{field}' is {value}, which is not a valid e-mail address: write mailto:jobs@example.org.": "le champ « {field} » vaut {value}, qui n'est pas une adresse e-mail valide : écrivez mailto:emploi@exemple.fr.",
    "the field '{field}' is {value}: write {allowed}, for example https://example.org/careers.": "le champ « {field} » vaut {value} : écrivez {allowed}, par exemple https://exemple.fr/recrutement.",
    "the field '{field}' must be a list, one tag a line beginning with '- '.": "le champ « {field} » doit être une liste, un mot-clé par ligne commençant par « - ».",
    "each tag of '{field}' must be a short text; {value} is not.": "chaque mot-clé de « {field} » doit être un texte court ; {value} n'en est pas un.",
    "the field '{field}' must be the name of a file in the same folder, not a path: {value}.": "le champ « {field} » doit être le nom d'un fichier du même dossier, pas un chemin : {value}.",
    "the field '{field}' is {value}: the file must be one of {allowed}.": "le champ « {field} » vaut {value} : le fichier doit être de type {allowed}.",
    "the field '{field}' names {value}, but there is no such file beside this record: add it, or check the spelling.": "le champ « {field} » nomme {value}, mais ce fichier n'existe pas à côté de la fiche : ajoutez-le, ou vérifiez l'orthographe.",
    "{what} must be a list of fields ('name: value' lines), not {value}.": "{what} doit être une liste de champs (lignes « nom: valeur »), pas {value}.",
    "the logo {name}: {why}": "le logo {name} : {why}",
    "this image is the logo of no employer: name it in an employer's 'logo' field, or remove it.": "cette image n'est le logo d'aucune entreprise : indiquez-la dans le champ « logo » d'une entreprise, ou supprimez-la.",
    "the field 'employer' is '{value}', but there is no content/employers/{value}.yml.{hint}": "le champ « employer » vaut « {value} », mais content/employers/{value}.yml n'existe pas.{hint}",
    "the story is published on {published} but consent was given on {consent}: a story is published only after consent.": "le parcours est publié le {published} mais l'accord a été donné le {consent} : un parcours n'est publié qu'après l'accord.",
    "this file is not used by the story: name it in the 'photo' field of story.yml, or remove it.": "ce fichier n'est pas utilisé par le parcours : indiquez-le dans le champ « photo » de story.yml, ou supprimez-le.",
    "the story has no text after its front matter.": "le parcours n'a pas de texte après son en-tête.",
    "the story has no text: add a <lang>.md beside story.yml, for one of {languages}.": "le parcours n'a pas de texte : ajoutez un fichier <langue>.md à côté de story.yml, pour l'une des langues {languages}.",
    "the folder 'jobs/{employer}/' names no employer: add content/employers/{employer}.yml, or move this file into the folder of an existing employer.{hint}": "le dossier « jobs/{employer}/ » ne correspond à aucune entreprise : ajoutez content/employers/{employer}.yml, ou déplacez ce fichier dans le dossier d'une entreprise existante.{hint}",
    "the deadline ({deadline}) is before the date posted ({posted}): the deadline must be on or after it.": "la date limite ({deadline}) est avant la date de publication ({posted}) : elle doit être le même jour ou après.",
    "the field 'location' must hold city:, region: and country: on indented lines below it.": "le champ « location » doit contenir city:, region: et country: sur des lignes indentées en dessous.",
    "the field 'location.country' is '{value}', which is not a country code.{hint}": "le champ « location.country » vaut « {value} », qui n'est pas un code pays.{hint}",
    "the field 'salary' must hold min:, max:, currency: and period: on indented lines below it.": "le champ « salary » doit contenir min:, max:, currency: et period: sur des lignes indentées en dessous.",
    "the field 'salary.{field}' is {value}: write a number from 0 to {limit}, without spaces or currency sign, such as 1800.": "le champ « salary.{field} » vaut {value} : écrivez un nombre de 0 à {limit}, sans espace ni symbole de devise, comme 1800.",
    "the field '{field}' is {value}: its site '{host}' has no dot; write the whole address, for example https://{host}.example.org/careers.": "le champ « {field} » vaut {value} : son site « {host} » n'a pas de point ; écrivez l'adresse entière, par exemple https://{host}.example.org/careers.",
    "the field 'salary.currency' is '{value}', which is not a currency code: write a three-letter ISO 4217 code such as EUR.": "le champ « salary.currency » vaut « {value} », qui n'est pas un code de devise : écrivez un code ISO 4217 de trois lettres, comme EUR.",
    "the salary max ({high}) is below its min ({low}): max must be at least min.": "le salaire max ({high}) est inférieur au min ({low}) : max doit être au moins égal à min.",
    "'{page}' is a name the site uses for its own pages: rename the folder content/pages/{page}/.": "« {page} » est un nom que le site utilise pour ses propres pages : renommez le dossier content/pages/{page}/.",
    "the field 'order' is {value}: write a whole number (pages are listed by it).": "le champ « order » vaut {value} : écrivez un nombre entier (les pages sont classées selon lui).",
    # files and names
    "the name '{name}' is {length} characters long; an id has at most {limit}.": "le nom « {name} » fait {length} caractères ; un identifiant en a au plus {limit}.",
    "the name '{name}' is not a valid id: use lowercase letters a-z, digits and single hyphens between them{example}.": "le nom « {name} » n'est pas un identifiant valide : utilisez des minuscules a-z, des chiffres et des tirets simples entre eux{example}.",
    " (for example '{near}')": " (par exemple « {near} »)",
    "the file has no front matter: begin it with a line ---, then title: and summary:, then ---.": "le fichier n'a pas d'en-tête : commencez-le par une ligne ---, puis title: et summary:, puis ---.",
    "the file cannot be read: {why}.": "le fichier ne peut pas être lu : {why}.",
    "a folder does not belong here: an employer is one file, content/employers/<id>.yml.": "un dossier n'a rien à faire ici : une entreprise est un fichier, content/employers/<id>.yml.",
    "this file does not belong here: content/employers/ holds <id>.yml records and their logos (svg, png, jpg, webp).": "ce fichier n'a rien à faire ici : content/employers/ contient les fiches <id>.yml et leurs logos (svg, png, jpg, webp).",
    "a story is a folder, stories/<id>/, holding story.yml and one <lang>.md per language.": "un parcours est un dossier, stories/<id>/, qui contient story.yml et un fichier <langue>.md par langue.",
    "'{lang}' is not a language of this site: name the text after one of {languages} (for example fr.md).": "« {lang} » n'est pas une langue du site : nommez le texte d'après l'une des langues {languages} (par exemple fr.md).",
    "a folder does not belong inside a story folder.": "un dossier n'a rien à faire dans le dossier d'un parcours.",
    "the story has no story.yml: add one (python build.py new story ID writes a template).": "le parcours n'a pas de story.yml : ajoutez-en un (python build.py new story ID écrit un modèle).",
    "jobs are filed by employer: put this file in jobs/<employer-id>/.": "les offres sont rangées par entreprise : mettez ce fichier dans jobs/<id-entreprise>/.",
    "only job records, <id>.yml, belong in an employer's jobs folder.": "seules des offres, <id>.yml, ont leur place dans le dossier d'une entreprise.",
    "an editorial page is a folder, content/pages/<page>/, holding one <lang>.md per language.": "une page éditoriale est un dossier, content/pages/<page>/, qui contient un fichier <langue>.md par langue.",
    "only <lang>.md files belong here, for the languages {languages}.": "seuls des fichiers <langue>.md ont leur place ici, pour les langues {languages}.",
    # YAML
    "the file is {size} KB; the limit is {limit} KB. Shorten the text or move images to their own files.": "le fichier fait {size} Ko ; la limite est de {limit} Ko. Raccourcissez le texte ou mettez les images dans leurs propres fichiers.",
    "the file is not UTF-8 text (byte 0x{byte}). Save it again with the UTF-8 encoding.": "le fichier n'est pas du texte UTF-8 (octet 0x{byte}). Enregistrez-le à nouveau avec l'encodage UTF-8.",
    "this is not valid YAML: {why}. Check the indentation and the quotes.": "ce n'est pas du YAML valide : {why}. Vérifiez l'indentation et les guillemets.",
    "the file is empty.": "le fichier est vide.",
    "anchors and aliases (& and *) are not allowed: write the value out in full.": "les ancres et alias (& et *) ne sont pas permis : écrivez la valeur en entier.",
    "the tag {tag} is not allowed: write plain text, numbers, dates, lists and mappings only.": "l'étiquette {tag} n'est pas permise : écrivez seulement du texte, des nombres, des dates, des listes et des champs.",
    "'{value}' is not a real date: write it as YYYY-MM-DD.": "« {value} » n'est pas une vraie date : écrivez-la au format AAAA-MM-JJ.",
    "'{value}' cannot be read.": "« {value} » ne peut pas être lu.",
    "a key must be a plain word.": "un nom de champ doit être un simple mot.",
    "merge keys (<<) are not allowed: write the fields out in full.": "les fusions (<<) ne sont pas permises : écrivez les champs en entier.",
    "the field '{field}' is written twice (first on line {line}): keep only one.": "le champ « {field} » est écrit deux fois (d'abord ligne {line}) : n'en gardez qu'un.",
    "the front matter opened with --- on line 1 is never closed: add a line with --- after it.": "l'en-tête ouvert par --- ligne 1 n'est jamais fermé : ajoutez une ligne --- après lui.",
    # images
    "the SVG file is not UTF-8 text.": "le fichier SVG n'est pas du texte UTF-8.",
    "the file is not an SVG image.": "le fichier n'est pas une image SVG.",
    "the SVG holds '{found}': scripts, event handlers, entities and links are not allowed in a logo. Export it again as a plain SVG, or use a PNG.": "le SVG contient « {found} » : scripts, gestionnaires d'événements, entités et liens ne sont pas permis dans un logo. Exportez-le à nouveau en SVG simple, ou utilisez un PNG.",
    "'{name}' is not an image Passerelle can read: use a JPEG, PNG or WebP file.": "« {name} » n'est pas une image que Passerelle sait lire : utilisez un fichier JPEG, PNG ou WebP.",
    # interface strings
    "the interface strings of '{lang}' are missing: copy theme/strings/{default}.yml to {path} and translate it.": "les textes d'interface de « {lang} » manquent : copiez theme/strings/{default}.yml vers {path} et traduisez-le.",
    "the string '{key}' is missing: translate it from theme/strings/{default}.yml.": "le texte « {key} » manque : traduisez-le depuis theme/strings/{default}.yml.",
    # pull requests
    "this pull request changes the jobs of several employers ({employers}): open one pull request per employer, or ask a maintainer.": "cette pull request modifie les offres de plusieurs entreprises ({employers}) : ouvrez une pull request par entreprise, ou demandez à une personne de l'équipe.",
    # text, files, images (second round)
    "the field '{field}' {why}": "le champ « {field} » {why}",
    "the text {why}": "le texte {why}",
    "holds an invisible or control character ({char}) at character {position}: delete it (retype the text around it, or paste it as plain text).": "contient un caractère invisible ou de contrôle ({char}) au caractère {position} : supprimez-le (retapez le texte autour, ou collez-le en texte brut).",
    "holds a direction isolate (U+2066 to U+2069) that is not closed on the same line: remove these invisible characters, or close each one with U+2069.": "contient un isolat de direction (U+2066 à U+2069) qui n'est pas fermé sur la même ligne : supprimez ces caractères invisibles, ou fermez chacun par U+2069.",
    "contains HTML markup ('{tag}…'): write plain text, without < and > tags.": "contient du balisage HTML (« {tag}… ») : écrivez du texte simple, sans balises < et >.",
    "contains the HTML code '{entity}': write the character itself (for example é, not &eacute;).": "contient le code HTML « {entity} » : écrivez le caractère lui-même (par exemple é, et non &eacute;).",
    "it cannot be read: {why}.": "il ne peut pas être lu : {why}.",
    "it is a symbolic link: put the file itself here (links are not followed).": "c'est un lien symbolique : mettez ici le fichier lui-même (les liens ne sont pas suivis).",
    "it is a symbolic link: put the file or folder itself here (links are not followed).": "c'est un lien symbolique : mettez ici le fichier ou le dossier lui-même (les liens ne sont pas suivis).",
    "it is not a regular file (a device, a pipe or a socket): remove it.": "ce n'est pas un fichier ordinaire (un périphérique, un tube ou une socket) : supprimez-le.",
    "it is not a regular file or folder (a device, a pipe or a socket): remove it.": "ce n'est ni un fichier ni un dossier ordinaire (un périphérique, un tube ou une socket) : supprimez-le.",
    "it lies outside the project (through a linked folder): put the file itself in the project.": "il se trouve hors du projet (par un dossier lié) : mettez le fichier lui-même dans le projet.",
    "this should be a folder.": "ceci devrait être un dossier.",
    "'{name}' is a name the site uses for its own pages; the names reserved here are: {reserved}. Choose another name.": "« {name} » est un nom que le site utilise pour ses propres pages ; les noms réservés ici sont : {reserved}. Choisissez un autre nom.",
    "two outputs would be written at {path}: {first} and {second}. Rename one of them.": "deux fichiers seraient écrits au même endroit, {path} : {first} et {second}. Renommez l'un des deux.",
    "the field 'location.region' is '{value}': write the region's name in Latin letters (as in French, for example Île-de-France), since it names the region's list.": "le champ « location.region » vaut « {value} » : écrivez le nom de la région en lettres latines (comme en français, par exemple Île-de-France), car il nomme la liste de la région.",
    "the field 'withdrawn' is empty: write the date the fellow withdrew her consent (YYYY-MM-DD), and the story leaves the site; remove the line only if she did not.": "le champ « withdrawn » est vide : écrivez la date à laquelle la participante a retiré son accord (AAAA-MM-JJ), et le parcours quitte le site ; ne supprimez la ligne que si elle ne l'a pas retiré.",
    "the field '{field}' is {value}: an address with '@' before its host hides where it really leads (everything before @ is a user name). Write the address without it.": "le champ « {field} » vaut {value} : une adresse avec « @ » avant son nom de domaine cache sa vraie destination (tout ce qui précède @ est un nom d'utilisateur). Écrivez l'adresse sans cela.",
    "the field '{field}' is {value}: write a date between {low} and {high}.": "le champ « {field} » vaut {value} : écrivez une date entre le {low} et le {high}.",
    "is {length} characters long; the limit is {limit}. Shorten it, or split it.": "fait {length} caractères ; la limite est de {limit}. Raccourcissez-le, ou coupez-le en plusieurs.",
    "takes too long to lay out (over {seconds} s): it has many [ or < that are never closed. Close each [ with ] and each < with >, or write them as \\[ and \\<.": "est trop long à mettre en page (plus de {seconds} s) : il contient beaucoup de [ ou de < jamais fermés. Fermez chaque [ par ] et chaque < par >, ou écrivez-les \\[ et \\<.",
    "'{name}' has too many pixels (at most {limit} million): save it smaller (2,000 pixels wide is plenty).": "« {name} » a trop de pixels (au plus {limit} millions) : enregistrez-la plus petite (2 000 pixels de large suffisent).",
    "'{name}' is larger than {limit} MB: save it smaller (2,000 pixels wide is plenty).": "« {name} » dépasse {limit} Mo : enregistrez-la plus petite (2 000 pixels de large suffisent).",
    "the SVG file declares a DTD or entities (<!DOCTYPE, <!ENTITY, <!ATTLIST): export it again as a plain SVG, or use a PNG.": "le fichier SVG déclare une DTD ou des entités (<!DOCTYPE, <!ENTITY, <!ATTLIST) : exportez-le à nouveau en SVG simple, ou utilisez un PNG.",
    "the SVG file has more than {limit} elements: export it again, simplified, or use a PNG.": "le fichier SVG a plus de {limit} éléments : exportez-le à nouveau, simplifié, ou utilisez un PNG.",
    "the SVG file is larger than {limit} KB: export it again, simplified, or use a PNG.": "le fichier SVG dépasse {limit} Ko : exportez-le à nouveau, simplifié, ou utilisez un PNG.",
    "the SVG file is not valid XML ({why}): export it again, or use a PNG.": "le fichier SVG n'est pas du XML valide ({why}) : exportez-le à nouveau, ou utilisez un PNG.",
    "the name '{name}' mixes Latin letters with Cyrillic or Greek ones in '{word}': retype it in one alphabet (look-alike letters are how fake employers imitate real ones).": "le nom « {name} » mélange des lettres latines et cyrilliques ou grecques dans « {word} » : retapez-le dans un seul alphabet (les lettres sosies servent à imiter de vraies entreprises).",
    "the name '{name}' is already the name of {other}: check that this is not the same employer twice.": "le nom « {name} » est déjà celui de {other} : vérifiez qu'il ne s'agit pas deux fois de la même entreprise.",
    "the name '{name}' looks like '{other_name}' ({other}): check that this employer is not posing as another.": "le nom « {name} » ressemble à « {other_name} » ({other}) : vérifiez que cette entreprise ne se fait pas passer pour une autre.",
    "the impact file": "le fichier des chiffres",
    "a figure": "un chiffre",
    ", for example 80 %": ", par exemple 80 %",
    ": who published the figure": " : qui a publié ce chiffre",
    "the field 'figures' must be a list, each figure beginning with '- value:'.": "le champ « figures » doit être une liste, chaque chiffre commençant par « - value: ».",
    "each figure must hold value:, label:, source: and date: on indented lines.": "chaque chiffre doit contenir value:, label:, source: et date: sur des lignes indentées.",
    "the field 'posters' must be a list of GitHub logins, one a line beginning with '- '.": "le champ « posters » doit être une liste d'identifiants GitHub, un par ligne commençant par « - ».",
    "'{value}' in 'posters' is not a GitHub login: write the name shown on the person's GitHub page, such as alice-martin.": "« {value} » dans « posters » n'est pas un identifiant GitHub : écrivez le nom affiché sur la page GitHub de la personne, comme alice-martin.",
    "this pull request changes jobs and also {files}: a pull request that posts jobs changes nothing else (employer records, stories and the site are changed by the programme team).": "cette pull request modifie des offres et aussi {files} : une pull request qui publie des offres ne modifie rien d'autre (les fiches des entreprises, les parcours et le site sont modifiés par l'équipe du programme).",
    "{author} may not post for {employer}: only the GitHub accounts in 'posters' of content/employers/{employer}.yml may (as it is on {base}). Ask the programme team to add you, or send the job by e-mail from the site's Post a job page.": "{author} ne peut pas publier pour {employer} : seuls les comptes GitHub listés dans « posters » de content/employers/{employer}.yml le peuvent (tel qu'il est sur {base}). Demandez à l'équipe du programme de vous ajouter, ou envoyez l'offre par e-mail depuis la page « Publier une offre » du site.",
    "the deadline ({deadline}) is already past: the job will not appear on the site. Move the deadline, or remove the file.": "la date limite ({deadline}) est déjà passée : l'offre ne paraîtra pas sur le site. Reculez la date limite, ou supprimez le fichier.",
    "the job is posted on {posted}, in the future: it will appear on the site only from that day.": "l'offre est publiée le {posted}, dans le futur : elle ne paraîtra sur le site qu'à partir de ce jour.",
    "the job starts on {start}, before the date it is posted ({posted}): check the start date.": "l'offre commence le {start}, avant sa date de publication ({posted}) : vérifiez la date de début.",
    "the file still holds the template's example text or address: replace it with the job's own.": "le fichier contient encore le texte ou l'adresse d'exemple du modèle : remplacez-les par ceux de l'offre.",
    "the apply link goes to {host}, not to the employer's website ({site}): check that it is the employer's own (a link elsewhere is a common sign of a fake offer).": "le lien pour postuler mène à {host}, et non au site de l'entreprise ({site}) : vérifiez qu'il est bien le sien (un lien ailleurs est un signe fréquent de fausse offre).",
    "the same title is already open at this employer ({other}): is this the same job twice?": "le même intitulé est déjà ouvert chez cette entreprise ({other}) : est-ce deux fois la même offre ?",
    "{path}: there is no such file or folder: check the path (it is relative to the folder you are in).": "{path} : ce fichier ou dossier n'existe pas : vérifiez le chemin (il part du dossier où vous êtes).",
    "All good: {employers} employers, {jobs} jobs, {stories} stories, {pages} pages.": "Tout est bon : {employers} entreprises, {jobs} offres, {stories} parcours, {pages} pages.",
    "{count} problem(s) and {warnings} warning(s) in {files} file(s)": "{count} problème(s) et {warnings} avertissement(s) dans {files} fichier(s)",
    # summary
    "{count} problem(s) in {files} file(s)": "{count} problème(s) dans {files} fichier(s)",
    "Nothing was added.": "Rien n'a été ajouté.",
    "cannot be read ({why}): check the path.": "ne peut pas être lu ({why}) : vérifiez le chemin.",
    "is over {limit} bytes: it is not a job file.": "dépasse {limit} octets : ce n'est pas un fichier d'offre.",
    "says no employer: add --employer ID (the name of its folder in jobs/).": "ne dit pas quelle entreprise : ajoutez --employer ID (le nom de son dossier dans jobs/).",
    "says no id and has no title to make one from: add --id ID.": "ne donne pas d'identifiant ni d'intitulé pour en faire un : ajoutez --id ID.",
    "names the employer '{employer}', which has no file content/employers/{employer}.yml.{hint}": "nomme l'entreprise « {employer} », qui n'a pas de fichier content/employers/{employer}.yml.{hint}",
    "jobs/{employer}/{id}.yml exists already: add --id {other} to file this one beside it.": "jobs/{employer}/{id}.yml existe déjà : ajoutez --id {other} pour ranger celle-ci à côté.",
    "Added {path}. Review it, then commit it (git add {path}).": "{path} ajouté. Relisez-le, puis enregistrez-le (git add {path}).",
    "1 space": "1 espace",
    "{n} spaces": "{n} espaces",
    " like '{sibling}'": " comme « {sibling} »",
    "this line holds an invisible or control character ({char}) at character {position}: delete it (retype the text around it, or paste it as plain text).": "cette ligne contient un caractère invisible ou de contrôle ({char}) au caractère {position} : supprimez-le (retapez le texte autour, ou collez-le en texte brut).",
    "this line has a tab in its indentation: indent with spaces only (two for each level).": "cette ligne a une tabulation dans son retrait : indentez avec des espaces seulement (deux par niveau).",
    "this line has a special space ({char}, often pasted from Word or a web page) at character {position}: replace it with an ordinary space.": "cette ligne a une espace spéciale ({char}, souvent collée depuis Word ou une page web) au caractère {position} : remplacez-la par une espace ordinaire.",
    "this line holds an invisible character ({char}) at character {position}: delete it (retype the text around it, or paste it as plain text).": "cette ligne contient un caractère invisible ({char}) au caractère {position} : supprimez-le (retapez le texte autour, ou collez-le en texte brut).",
    "the text of '{field}' is in quotes and holds the same quote inside: write it in double quotes, with \\\" for a quote inside: {fix}": "le texte de « {field} » est entre guillemets et contient le même guillemet : écrivez-le entre guillemets doubles, avec \\\" pour un guillemet à l'intérieur : {fix}",
    "the text of '{field}' opens a quote ({quote}) that is never closed: close it at the end of the text, or remove it.": "le texte de « {field} » ouvre un guillemet ({quote}) jamais fermé : fermez-le à la fin du texte, ou supprimez-le.",
    "the text of '{field}' holds ': ', which YAML reads as the start of another field: put the text in quotes: {fix}": "le texte de « {field} » contient « : », que YAML lit comme le début d'un autre champ : mettez le texte entre guillemets : {fix}",
    "the text of '{field}' begins with '{char}', which YAML keeps for itself: put the text in quotes: {fix}": "le texte de « {field} » commence par « {char} », que YAML se réserve : mettez le texte entre guillemets : {fix}",
    "the field '{field}' has no ':' after its name: write {fix}": "le champ « {field} » n'a pas de « : » après son nom : écrivez {fix}",
    "the field '{field}' is indented by {found}, which matches no field above it: write it at the start of the line{like}.": "le champ « {field} » est en retrait de {found}, ce qui ne correspond à aucun champ au-dessus : écrivez-le en début de ligne{like}.",
    "the field '{field}' is indented by {found}, which matches no field above it: to sit under '{parent}'{like}, write it with {expected} spaces before its name.": "le champ « {field} » est en retrait de {found}, ce qui ne correspond à aucun champ au-dessus : pour qu'il soit dans « {parent} »{like}, écrivez-le avec {expected} espaces avant son nom.",
    "the field name '{field}' holds an invisible character or a special space ({char}) at character {position}: delete it (retype the name).": "le nom du champ « {field} » contient un caractère invisible ou une espace spéciale ({char}) au caractère {position} : supprimez-le (retapez le nom).",
    "Passerelle check: {summary}": "Vérification Passerelle : {summary}",
    "GitHub shows {shown} of them beside the lines; here are all {count}.": "GitHub en montre {shown} à côté des lignes ; les voici tous les {count}.",
    "file": "fichier",
    "line": "ligne",
    "message": "message",
    "the job has no region: fellows who choose a region will not see it. Add region: under location, for example 'region: Auvergne-Rhône-Alpes' for Lyon.": "l'offre n'a pas de région : les participantes qui choisissent une région ne la verront pas. Ajoutez region: sous location, par exemple « region: Auvergne-Rhône-Alpes » pour Lyon.",
}
