; Inno Setup script: a Windows installer for the one-folder build in dist\passage.
;   iscc /DAppVersion=0.1.0 packaging\windows\passage.iss   ->  dist\Passage-0.1.0-setup.exe
; Build dist\passage first (python packaging\build.py). NOT tested: written for Inno
; Setup 6; the project's machines run Linux only.
;
; Installs for the current user by default (no administrator rights needed, which a
; shared PC at a training centre may not give); the person can choose "all users".
; The person's data lives in %LOCALAPPDATA%\Passage and is kept on uninstall.
; For a USB stick, skip the installer: copy dist\passage and add an empty "portable" file.
; Kept ASCII-only: Inno Setup reads a script without a BOM in the ANSI code page.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z packaging\windows\passage.iss
#endif

[Setup]
AppId={{D01B5BCC-0587-42A5-B5F7-3263F4D213E9}
AppName=Passage
AppVerName=Passage {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Passage
DefaultDirName={autopf}\Passage
DefaultGroupName=Passage
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Passage-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\passage.ico
UninstallDisplayIcon={app}\passage.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Chinese first: most people who install Passage read Chinese. If your Inno Setup has
; no ChineseSimplified.isl in its Languages folder, get it from Inno Setup's
; translations page and put it there.
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\passage\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Passage"; Filename: "{app}\passage.exe"
Name: "{autodesktop}\Passage"; Filename: "{app}\passage.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\passage.exe"; Description: "{cm:LaunchProgram,Passage}"; Flags: nowait postinstall skipifsilent
