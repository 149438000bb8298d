; Inno Setup 6 script: installs the PyInstaller one-folder station on a Windows packing PC.
;
; Build the folder first (packaging/pyinstaller/tracetrack-station.spec), then, from the
; repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\tracetrack-station.iss
; -> dist\installer\tracetrack-station-setup-0.1.0.exe
; .github/workflows/windows-bundle.yml does both; docs/station-install.md says how to roll it
; out silently (/VERYSILENT /TASKS="autostart").
;
; The installer puts the program in Program Files only. The station's data (its SQLite store),
; its settings file and its token stay with the Windows user (under %LOCALAPPDATA%; the token in
; Windows Credential Manager), so an upgrade or an uninstall never touches a shift's scans.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  ; relative to this script: the repository's dist\tracetrack-station
  #define SourceDir "..\..\dist\tracetrack-station"
#endif
#define AppName "TraceTrack Station"
#define AppExe "tracetrack-station.exe"

[Setup]
; the AppId identifies the product for upgrades and the uninstaller: never change it
AppId={{22CB88D2-63F4-43DE-B3D6-A7E15515C7BB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=TraceTrack
DefaultDirName={autopf}\TraceTrack Station
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=tracetrack-station-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; a station still running is closed (Restart Manager) before its files are replaced
CloseApplications=yes
RestartApplications=no
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}

[Tasks]
Name: "autostart"; Description: "Start the station when anyone logs in to this PC"; GroupDescription: "Start-up:"; Flags: unchecked
Name: "kiosk"; Description: "At login, in kiosk mode (full screen, closed only by an admin)"; GroupDescription: "Start-up:"; Flags: unchecked
Name: "desktopicon"; Description: "A desktop shortcut"; GroupDescription: "Shortcuts:"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the whole bundle: no library of an older build may stay behind
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} command prompt"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && tracetrack-station-cli.exe --help"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
; the all-users Startup folder: the station opens at every login on this PC
Name: "{commonstartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: autostart and not kiosk
Name: "{commonstartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "--kiosk"; WorkingDir: "{app}"; Tasks: autostart and kiosk

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName} now"; Flags: nowait postinstall skipifsilent unchecked
