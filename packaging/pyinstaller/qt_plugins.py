"""Which of Qt's plugins the station bundle leaves out; ``hooks/`` applies it.

PyInstaller's Qt hooks collect every plugin of a type and then every library those plugins
link to. Left out before that happens, a plugin takes its libraries with it:

* ``platforminputcontexts/qtvirtualkeyboardplugin``: an on-screen keyboard for Qt Quick; the
  station is typed on with keyboards and scanners.
* ``platformthemes/qgtk3``: would load the PC's own GTK 3 beside the bundle's GLib (and drag in
  cairo, pango, ATK); Qt's Fusion style needs none of it.
* ``platforms/`` eglfs, linuxfb, minimalegl, vkkhrdisplay, vnc and ``egldeviceintegrations/``:
  screens without a window system. Kept: xcb and wayland (a desktop), offscreen and minimal
  (tests, the bench), windows on Windows.
* ``imageformats/`` but SVG and ICO: the station shows no pictures.
* ``networkinformation/`` and ``tls/``: Qt's network stack is loaded (QtMultimedia links it) but
  never used: the station's HTTP is ``requests``.
* ``multimedia/`` (the FFmpeg backend, with FFmpeg and Qt Quick behind it): a media player's.
  ``QSoundEffect`` and ``QMediaDevices``, all the station's sounds use, work without a backend.
"""

from __future__ import annotations

import re

LEFT_OUT = re.compile(
    r"plugins/(?:"
    r"platforminputcontexts/(?:lib)?qtvirtualkeyboardplugin"
    r"|platformthemes/(?:lib)?qgtk3"
    r"|platforms/(?:lib)?q(?:eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)"
    r"|egldeviceintegrations/"
    r"|imageformats/(?!(?:lib)?q(?:svg|ico)\.)"
    r"|networkinformation/"
    r"|tls/"
    r"|multimedia/"
    r")"
)


def kept(binaries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``binaries`` (source, destination folder) without the plugins left out."""
    return [entry for entry in binaries if not LEFT_OUT.search(entry[0].replace("\\", "/"))]
