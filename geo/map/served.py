"""The map page's unchanging files, for a server to hand out: Leaflet (script, stylesheet, images), the
player (``atlas_map.js``) and the base map as a script.

A page made with :func:`geo.map.render.render_map`'s ``assets_url`` loads them from a folder that
:func:`publish` wrote (the app serves it with Streamlit's static file serving), so the page itself carries
only the view's data: the browser fetches and compiles the scripts on its own threads instead of reading a
megabyte of inlined text in the page, and every map page after the first finds them in its cache. Still
fully offline: the files come from the app's own server. The standalone HTML (CLI, presentation export)
keeps everything inlined.

The folder's name holds a hash of its content (``map-<hash>``): a page never mixes files of two versions and
a browser may cache them for good.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from geo.errors import MapAssetError
from geo.map.assets import ASSETS, check_installed

__all__ = ["BASEMAP_SCRIPT", "PLAYER_SCRIPT", "PLAYER_FILE", "BASEMAP_GLOBAL", "served_files", "publish"]

PLAYER_FILE = Path(__file__).with_name("atlas_map.js")
PLAYER_SCRIPT = "atlas_map.js"
BASEMAP_SCRIPT = "basemap.js"
BASEMAP_GLOBAL = "atlasBasemapData"  # the base map script sets window.<this>


def _basemap_script() -> bytes:
    from geo.map.render import basemap_json  # the page's own script-safe JSON of the base map

    return f"window.{BASEMAP_GLOBAL} = {basemap_json()};\n".encode("utf-8")


@lru_cache(maxsize=2)
def _files(node_modules: Path | None) -> tuple[tuple[str, bytes], ...]:
    root = check_installed(node_modules)
    files = [(asset.served, (root / asset.relative).read_bytes()) for asset in ASSETS]
    files += [(PLAYER_SCRIPT, PLAYER_FILE.read_bytes()), (BASEMAP_SCRIPT, _basemap_script())]
    return tuple(files)


def served_files(node_modules: Path | None = None) -> dict[str, bytes]:
    """What :func:`publish` writes: path in the folder -> content (Leaflet's files as its ``dist/`` lays them
    out, so its stylesheet finds its images). Raises :class:`geo.errors.MapAssetsMissingError` when the npm
    packages are not installed."""
    return dict(_files(node_modules))


def folder_name(files: dict[str, bytes]) -> str:
    """``map-<hash>``: the hash of every file's path and content."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(files[path]).digest())
    return f"map-{digest.hexdigest()[:16]}"


def publish(directory: Path, node_modules: Path | None = None) -> str:
    """Write the map's files into ``directory``/``map-<hash>`` (once: a folder already there is kept) and remove
    the folders of other versions; return the folder's name.

    Written into a temporary folder and renamed, so a server never hands out half a folder. Raises
    :class:`geo.errors.MapAssetsMissingError` when the npm packages are missing and
    :class:`geo.errors.MapAssetError` when ``directory`` cannot be written.
    """
    files = served_files(node_modules)
    name = folder_name(files)
    target = directory / name
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if not all((target / path).is_file() for path in files):
            staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=directory))
            staging.chmod(0o755)  # mkdtemp's is the owner's only
            for path, content in files.items():
                (staging / path).parent.mkdir(parents=True, exist_ok=True)
                (staging / path).write_bytes(content)
            try:
                os.rename(staging, target)
            except OSError:  # written meanwhile by another server (or a stale, partial copy)
                if target.exists() and all((target / path).is_file() for path in files):
                    shutil.rmtree(staging, ignore_errors=True)
                else:
                    shutil.rmtree(target, ignore_errors=True)
                    os.rename(staging, target)
        for old in directory.glob("map-*"):  # older versions' folders
            if old.name != name and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        raise MapAssetError(f"cannot write the map's files into {directory} ({err}); make it writable, "
                            "or the map pages inline them") from err
    return name
