; Inno Setup script: the Windows installer of Klaster, built from the one-folder build in dist\Klaster.
;
;     iscc /DAppVersion=0.1.0 installer\klaster.iss      -> dist\Klaster-0.1.0-setup.exe
;
; (.github/workflows/build.yml runs it on a Windows runner; AppVersion defaults to the value below.)
; - Per user, no administrator rights by default: installs to %LOCALAPPDATA%\Programs\Klaster; whoever has the
;   rights may choose "for all users" in the dialog (PrivilegesRequiredOverridesAllowed=dialog).
; - A Start-menu entry (and an optional desktop icon); .kkk.json files open with Klaster (per-user association under
;   HKCU\Software\Classes, or HKLM when installed for all users: HKA picks the right one).
; - The uninstaller removes only the program folder: the user's data (database, backups, settings, logs in
;   %LOCALAPPDATA%\Klaster) is never touched, so reinstalling or upgrading keeps every application.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Klaster"
#define AppExe "Klaster.exe"

[Setup]
; A fixed AppId: upgrades replace the installed version instead of installing beside it.
AppId={{6F1D2B7A-3C54-4E8B-9A61-5D2E7C0B4F13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Klaster
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\klaster.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
polish.KkkFile=Wniosek KKK
english.KkkFile=KKK application
polish.DesktopIcon=Ikona na pulpicie
english.DesktopIcon=Desktop icon

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "..\dist\Klaster\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .kkk.json -> Klaster.KkkJson -> "Klaster.exe" "%1" (the program imports the file into the user's database)
Root: HKA; Subkey: "Software\Classes\.kkk.json"; ValueType: string; ValueName: ""; ValueData: "Klaster.KkkJson"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kkk.json\OpenWithProgids"; ValueType: string; ValueName: "Klaster.KkkJson"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Klaster.KkkJson"; ValueType: string; ValueName: ""; ValueData: "{cm:KkkFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Klaster.KkkJson\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Klaster.KkkJson\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program may have left inside its own folder; %LOCALAPPDATA%\Klaster (the user's data) stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
