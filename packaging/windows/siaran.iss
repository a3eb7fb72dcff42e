; Inno Setup script for Siaran on Windows, run by .github/workflows/windows.yml after
; PyInstaller has built dist\siaran. Per-user install (no administrator needed in an office),
; a Start-menu entry, file types for post files and review packages, and an uninstaller that
; leaves the user's drafts, accounts and settings in place.
#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{6F1C1E0A-5B0C-4C55-9B7B-5A1A2E7C9D11}
AppName=Siaran
AppVersion={#Version}
AppPublisher=Siaran
DefaultDirName={localappdata}\Programs\Siaran
DefaultGroupName=Siaran
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=siaran-{#Version}-setup
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
UninstallDisplayIcon={app}\siaran-gui.exe

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\siaran\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Siaran"; Filename: "{app}\siaran-gui.exe"
Name: "{group}\{cm:UninstallProgram,Siaran}"; Filename: "{uninstallexe}"

[Registry]
Root: HKCU; Subkey: "Software\Classes\.siaran"; ValueType: string; ValueData: "Siaran.Post"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.siaran-review"; ValueType: string; ValueData: "Siaran.Review"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Siaran.Post\shell\open\command"; ValueType: string; ValueData: """{app}\siaran-gui.exe"" ""%1"""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Siaran.Review\shell\open\command"; ValueType: string; ValueData: """{app}\siaran-gui.exe"" ""%1"""; Flags: uninsdeletekey

[UninstallRun]
; the scheduling agent points at this program: take it out with the program
Filename: "{app}\siaran.exe"; Parameters: "agent uninstall"; Flags: runhidden; RunOnceId: "SiaranAgent"
