; Inno Setup script: a per-user Lavka installer for Windows (no administrator rights).
;
; Build the bundle first (on Windows):  python installer\build.py
; then compile this script, passing the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 installer\windows\lavka.iss
; The installer is written to dist\lavka-<version>-windows-setup.exe.
;
; It installs into %LOCALAPPDATA%\Programs\Lavka with a Start-menu entry (and an optional
; desktop icon). Uninstalling removes only what it installed: Lavka's data, the database and
; its backups in %LOCALAPPDATA%\Lavka, is never touched.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z lavka.iss
#endif

[Setup]
AppId={{6E0C3D52-7B1A-4C39-9F0E-5A3B7E2D4C81}
AppName=Lavka
AppVersion={#AppVersion}
AppVerName=Lavka {#AppVersion}
AppPublisher=Lavka
DefaultDirName={localappdata}\Programs\Lavka
DefaultGroupName=Lavka
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=lavka-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\lavka.ico
UninstallDisplayIcon={app}\lavka.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The one-folder bundle PyInstaller made (lavka.exe and _internal\).
Source: "..\..\dist\lavka\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's library folder whole, so no stale module is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Lavka"; Filename: "{app}\lavka.exe"
Name: "{autodesktop}\Lavka"; Filename: "{app}\lavka.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\lavka.exe"; Description: "{cm:LaunchProgram,Lavka}"; Flags: nowait postinstall skipifsilent
