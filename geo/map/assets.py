"""The map's browser assets: each CDN address folium emits, and the npm file that replaces it.

This is the one place that knows them. :mod:`geo.map.render` uses it to keep the map's
``<script>``/``<link>`` tags to the assets below (dropping what the map does not use) and,
for a standalone map, to inline them; a browser test can use :func:`local_file` to serve
the CDN addresses from ``node_modules`` with every other request blocked.

The npm packages are pinned in ``package.json`` at the repository root (:data:`PACKAGES`
must agree with it) and installed by ``npm ci`` (``./atlas`` does it).
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from geo.errors import MapAssetError, MapAssetsMissingError

__all__ = [
    "PACKAGES", "ASSETS", "DROPPED", "Asset", "node_modules_dir", "asset_for", "local_file", "media_type",
    "check_installed", "inline_assets", "relocate_assets", "external_references",
]

REPO = Path(__file__).resolve().parents[2]
# npm package -> exact version; package.json pins the same.
# Only Leaflet: the player, legend and cards are our own script (geo/map/atlas_map.js), which needs no
# jQuery, TimeDimension, moment or Bootstrap (folium's defaults for those are in DROPPED).
PACKAGES = {
    "leaflet": "1.9.3",
}


@dataclass(frozen=True)
class Asset:
    """A CDN address and the file of an npm package that serves the same content."""

    url: str
    package: str
    path: str  # inside node_modules/<package>/
    kind: str  # "js", "css", "font" or "image"

    @property
    def relative(self) -> str:
        return f"{self.package}/{self.path}"

    @property
    def served(self) -> str:
        """Its path in a folder of served files (geo.map.served): as the package's ``dist/`` lays it out, so a
        stylesheet finds its images."""
        return self.path.removeprefix("dist/")


ASSETS: tuple[Asset, ...] = (
    Asset("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", "leaflet", "dist/leaflet.js", "js"),
    Asset("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", "leaflet", "dist/leaflet.css", "css"),
    # leaflet.css's images, fetched relative to it (inlined as data: URIs in a standalone map)
    *(Asset(f"https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/images/{name}", "leaflet", f"dist/images/{name}", "image")
      for name in ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")),
)
# CDN addresses folium emits that the map does not use; maprender leaves them out of every map.
DROPPED = {
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "no Bootstrap widgets",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css": "no Bootstrap widgets",
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css": "no Bootstrap widgets",
    "https://code.jquery.com/jquery-3.7.1.min.js": "no script of the map uses jQuery",
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js": "no script of the map uses jQuery",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        "no icon markers",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        "no icon markers",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css": "no icon markers",
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css":
        "no icon markers",
    "https://cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/jquery-ui.min.js": "no script of the map uses jQuery UI",
    "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/8.4/styles/default.min.css": "no code to highlight",
}
_BY_URL = {a.url: a for a in ASSETS}
_MIME = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".svg": "image/svg+xml",
         ".eot": "application/vnd.ms-fontobject", ".png": "image/png", ".gif": "image/gif", ".jpg": "image/jpeg",
         ".js": "text/javascript", ".css": "text/css"}


def node_modules_dir() -> Path:
    """Where the npm packages are: ``$PAIRING_ATLAS_NODE_MODULES`` or ``node_modules/`` at the repository root."""
    return Path(os.environ.get("PAIRING_ATLAS_NODE_MODULES") or REPO / "node_modules")


def _normalise(url: str) -> str:
    # "//host/x" in a page served over http (a Streamlit iframe) is fetched as http://host/x
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    return f"{scheme}://{parts.netloc}{parts.path}"


def asset_for(url: str) -> Asset | None:
    """The asset a CDN address stands for, or ``None``; http or https or protocol-relative, query and
    fragment ignored."""
    return _BY_URL.get(_normalise(url))


def media_type(path: Path) -> str:
    """The Content-Type to serve an asset file with (by its suffix)."""
    return _MIME.get(path.suffix.lower(), "application/octet-stream")


def _missing(what: str) -> MapAssetsMissingError:
    return MapAssetsMissingError(
        f"{what}: the map's npm packages are not installed as package.json pins them; "
        f"run `npm ci` in {REPO} (or `./atlas test` / `./atlas app`, which do it)",
        code="map.assets_missing", what=what, repo=str(REPO))


def local_file(url: str, node_modules: Path | None = None) -> Path | None:
    """The installed npm file for a CDN address, ``None`` if the address is not an asset.

    Raises :class:`MapAssetsMissingError` if it is an asset and the file is not installed.
    """
    asset = asset_for(url)
    if asset is None:
        return None
    path = (node_modules or node_modules_dir()) / asset.relative
    if not path.is_file():
        raise _missing(f"{path} is missing")
    return path


def check_installed(node_modules: Path | None = None) -> Path:
    """Check that every package of :data:`PACKAGES` is installed at its pinned version.

    Returns the node_modules directory; raises :class:`MapAssetsMissingError` otherwise.
    """
    root = node_modules or node_modules_dir()
    for package, version in PACKAGES.items():
        manifest = root / package / "package.json"
        try:
            installed = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError) as err:
            raise _missing(f"{manifest} cannot be read") from err
        if installed != version:
            raise _missing(f"{package} {installed} is installed, {version} is pinned")
    return root


def _data_uri(path: Path) -> str:
    mime = _MIME.get(path.suffix.lower())
    if mime is None or path.suffix.lower() in (".js", ".css"):
        raise MapAssetError(f"{path}: no MIME type known for a data: URI; add its suffix to geo/map/assets.py")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""")
_CSS_IMPORT = re.compile(r"@import\b", re.IGNORECASE)


def _inline_css(css: str, source: Path, root: Path) -> str:
    """CSS with every relative image as data: URIs; external URLs refused."""
    if _CSS_IMPORT.search(css):
        raise MapAssetError(f"{source}: @import cannot be inlined; add what it imports to geo/map/assets.py")

    def replace(match: re.Match) -> str:
        target = match.group(2).strip()
        if target.startswith(("data:", "#")):
            return match.group(0)  # already inline, or an element reference (IE behaviours)
        if "//" in target or target.startswith("/"):
            local = local_file(target, root)
            if local is None:
                raise MapAssetError(f"{source}: {target} is not a known asset; map it in geo/map/assets.py")
            return f"url('{_data_uri(local)}')"
        path = (source.parent / urlsplit(target).path).resolve()
        if not path.is_file():
            raise _missing(f"{path} (from {source.name}) is missing")
        return f"url('{_data_uri(path)}')"

    return _CSS_URL.sub(replace, css)


_TAG = re.compile(
    r"""<script\b[^>]*?\bsrc\s*=\s*(["'])(?P<js>[^"']*)\1[^>]*>\s*</script>"""
    r"""|<link\b[^>]*?\bhref\s*=\s*(["'])(?P<css>[^"']*)\3[^>]*>""",
    re.IGNORECASE)


def inline_assets(document: str, node_modules: Path | None = None) -> str:
    """The HTML document with every ``<script src>`` and ``<link href>`` replaced by the npm file's text.

    Each file is inlined once. Raises
    :class:`MapAssetsMissingError` if the packages are not installed and :class:`MapAssetError`
    for an address that is not in :data:`ASSETS`.
    """
    root = check_installed(node_modules)
    done: set[Path] = set()

    def replace(match: re.Match) -> str:
        url = match.group("js") if match.group("js") is not None else match.group("css")
        path = local_file(url, root)
        if path is None:
            raise MapAssetError(f"the map asks for {url}, which geo/map/assets.py does not map to an npm file; "
                                "add it to ASSETS (or DROPPED if the map does not need it)")
        if path in done:
            return ""
        done.add(path)
        text, label = path.read_text(encoding="utf-8"), asset_for(url).relative
        if match.group("js") is not None:  # a "</script" inside would end the element early
            return f"<script>/* {label} */\n" + text.replace("</script", "<\\/script") + "\n</script>"
        return f"<style>/* {label} */\n" + _inline_css(text, path, root).replace("</style", "<\\/style") + "\n</style>"

    return _TAG.sub(replace, document)  # one pass: inlined text is never scanned again


def relocate_assets(document: str, base_url: str) -> str:
    """The HTML document with every ``<script src>`` and ``<link href>`` of :data:`ASSETS` pointing into
    ``base_url`` (a folder :func:`geo.map.served.publish` wrote: each file at its path under the package's
    ``dist/``), each file once. Raises :class:`MapAssetError` for an address that is not in :data:`ASSETS`."""
    done: set[str] = set()

    def replace(match: re.Match) -> str:
        url = match.group("js") if match.group("js") is not None else match.group("css")
        if url.startswith(base_url):  # one of the folder's own (the player, the base map)
            return match.group(0)
        asset = asset_for(url)
        if asset is None:
            raise MapAssetError(f"the map asks for {url}, which geo/map/assets.py does not know; "
                                "add it to ASSETS (or DROPPED if the map does not need it)")
        if asset.relative in done:
            return ""
        done.add(asset.relative)
        local = base_url + asset.served
        return match.group(0).replace(url, local)

    return _TAG.sub(replace, document)


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "src" or (name == "href" and tag == "link")):
                self.found.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [m.group(2) for m in _CSS_URL.finditer(data)]
            self.found += ["@import"] if _CSS_IMPORT.search(data) else []


_SCRIPT_BODY = re.compile(r"(<script\b[^>]*>)(.*?)(</script\s*>)", re.IGNORECASE | re.DOTALL)


def external_references(document: str) -> list[str]:
    """Every address the document would load: ``src`` of any tag, ``<link href>``, CSS ``url()``/``@import``.

    ``data:`` URIs and ``#fragments`` are not listed. Script contents are not parsed, so tile URL
    templates (strings in JavaScript) are not listed either. Used to check a standalone map.
    """
    parser = _References()
    parser.feed(_SCRIPT_BODY.sub(r"\1\3", document))  # the parser skips script text anyway; skipping it here is faster
    parser.close()
    return [u for u in parser.found if not u.strip().startswith(("data:", "#"))]
