"""PyInstaller's own QtNetwork hook, without the plugins ``qt_plugins.py`` leaves out."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info
from qt_plugins import kept

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = kept(binaries + pyside6_library_info.collect_qtnetwork_files())
