"""PyInstaller's own QtGui hook, without the plugins ``qt_plugins.py`` leaves out."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_plugins import kept

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = kept(binaries)
