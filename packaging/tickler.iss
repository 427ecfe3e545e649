; Inno Setup 6 script (saved as UTF-8 with BOM, which ISCC needs for the Chinese text): a per-user installer for Tickler that needs no administrator rights.
;
; Build (from the repository root, after PyInstaller produced dist\Tickler):
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\tickler.iss
; Output: dist\installer\Tickler-<version>-setup.exe
;
; What it does, all under the current user (HKCU, %LOCALAPPDATA%):
;   - installs dist\Tickler into %LOCALAPPDATA%\Programs\Tickler, with a Start-menu entry;
;   - optional tasks: start at sign-in (HKCU Run key), "Open with Tickler" for .pdf/.docx (an
;     OpenWithProgids entry: the user's default PDF and Word programs stay the default), the command-line
;     tool on the user's PATH, a desktop shortcut;
;   - the uninstaller removes the program but keeps the user's data (%LOCALAPPDATA%\Tickler: database,
;     imported documents, logs; %APPDATA%\Tickler: settings) unless the user answers Yes when asked.
;     A silent uninstall (/SILENT, /VERYSILENT) never deletes data.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Tickler"
#define AppExe "Tickler.exe"
#define DistDir "..\dist\Tickler"
#define ProgId "Tickler.Agreement"
; Simplified Chinese is an unofficial Inno Setup translation, not installed with it: used when present
; (copy ChineseSimplified.isl into Inno Setup's Languages folder, see packaging/README.md).
#define HaveChinese FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{6E0F3C52-8B7A-4E0B-9A3D-2B1E7C4F9A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per-user: no UAC prompt, and no way to elevate into a machine-wide install.
PrivilegesRequired=lowest
; {autopf} is %LOCALAPPDATA%\Programs for a per-user install. Not %LOCALAPPDATA%\Tickler: that is the
; user's data folder, and the program folder is deleted on uninstall.
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\resources\icons\tickler.ico
OutputDir=..\dist\installer
OutputBaseFilename=Tickler-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Close a running Tickler before replacing its files (Restart Manager), and tell Explorer about the
; "Open with" entries and PATH change.
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes
ChangesEnvironment=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if HaveChinese
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
en.StartupTask=Start Tickler when I sign in (so reminders are shown on time)
en.OpenWithTask=Add "Open with Tickler" for PDF and Word files (your default programs stay the default)
en.PathTask=Let me run the tickler-cli command from any terminal (adds the folder to my PATH)
en.Shortcuts=Shortcuts:
en.Integration=Windows integration:
en.AgreementType=Agreement (Tickler)
en.DeleteData=Also delete your Tickler data?%n%nThis removes the contracts database, imported documents, logs and settings in:%n%1%n%2%n%nThis cannot be undone. Choose No to keep them (for example to reinstall later).
#if HaveChinese
zh.StartupTask=登录 Windows 时启动 Tickler（按时显示提醒）
zh.OpenWithTask=为 PDF 和 Word 文件添加“用 Tickler 打开”（不更改默认打开程序）
zh.PathTask=允许在任意命令行窗口运行 tickler-cli（把安装目录加入我的 PATH）
zh.Shortcuts=快捷方式：
zh.Integration=Windows 集成：
zh.AgreementType=合同（Tickler）
zh.DeleteData=是否同时删除您的 Tickler 数据？%n%n这将删除以下文件夹中的合同数据库、已导入的文件、日志和设置：%n%1%n%2%n%n此操作无法撤销。选择“否”可保留这些数据（例如以后重新安装）。
#endif

[Tasks]
Name: "startup"; Description: "{cm:StartupTask}"; GroupDescription: "{cm:Integration}"
Name: "openwith"; Description: "{cm:OpenWithTask}"; GroupDescription: "{cm:Integration}"
Name: "addtopath"; Description: "{cm:PathTask}"; GroupDescription: "{cm:Integration}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:Shortcuts}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the runtime wholesale: stale modules from an older version must not be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Start at sign-in, minimised to the tray: the same value obligations/reminders/autostart.py writes when the
; user ticks the option in Settings, so either place can turn it off. Removed again by the uninstaller.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; \
    ValueData: """{app}\{#AppExe}"" --minimized"; Flags: uninsdeletevalue; Tasks: startup
; "Open with Tickler": our own ProgID, listed under each extension's OpenWithProgids. The extension's
; default value (the user's chosen program) is never written.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; \
    ValueData: "{cm:AgreementType}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: "FriendlyTypeName"; \
    ValueData: "{cm:AgreementType}"; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; \
    ValueData: """{app}\{#AppExe}"",0"; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; \
    ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; \
    ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; \
    ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
; The application's own entry, so "Open with > Choose another app" lists it by name for these types only.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; \
    ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; \
    ValueName: ".pdf"; ValueData: ""; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; \
    ValueName: ".docx"; ValueData: ""; Tasks: openwith
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; \
    ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  EnvironmentKey = 'Environment';

function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');  { obligations.paths.data_dir() }
end;

function UserSettingsDir(): String;
begin
  Result := ExpandConstant('{userappdata}\{#AppName}');  { QSettings, IniFormat, UserScope }
end;

{ ---- the user's PATH (HKCU\Environment), for the addtopath task ---- }

function PathHas(Paths, Dir: String): Boolean;
begin
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') > 0;
end;

procedure AddToUserPath(Dir: String);
var
  Paths: String;
begin
  if not RegQueryStringValue(HKCU, EnvironmentKey, 'Path', Paths) then
    Paths := '';
  if PathHas(Paths, Dir) then
    exit;
  if (Paths <> '') and (Copy(Paths, Length(Paths), 1) <> ';') then
    Paths := Paths + ';';
  RegWriteExpandStringValue(HKCU, EnvironmentKey, 'Path', Paths + Dir);
end;

procedure RemoveFromUserPath(Dir: String);
var
  Paths: String;
  P: Integer;
begin
  if not RegQueryStringValue(HKCU, EnvironmentKey, 'Path', Paths) then
    exit;
  Paths := ';' + Paths + ';';
  P := Pos(';' + Uppercase(Dir) + ';', Uppercase(Paths));
  if P = 0 then
    exit;
  Delete(Paths, P, Length(Dir) + 1);  { removes ";Dir", keeps the following ";" }
  Paths := Copy(Paths, 2, Length(Paths) - 2);
  RegWriteExpandStringValue(HKCU, EnvironmentKey, 'Path', Paths);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('addtopath') then
    AddToUserPath(ExpandConstant('{app}'));
end;

{ ---- uninstall: the program goes, the user's data stays unless they say otherwise ---- }

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Answer: Integer;
begin
  if CurUninstallStep = usUninstall then
    RemoveFromUserPath(ExpandConstant('{app}'));
  if CurUninstallStep = usPostUninstall then
  begin
    if not DirExists(UserDataDir()) and not DirExists(UserSettingsDir()) then
      exit;
    { Default No, and a silent uninstall answers No: data is deleted only on an explicit Yes. }
    Answer := SuppressibleMsgBox(
      FmtMessage(CustomMessage('DeleteData'), [UserDataDir(), UserSettingsDir()]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO);
    if Answer = IDYES then
    begin
      DelTree(UserDataDir(), True, True, True);
      DelTree(UserSettingsDir(), True, True, True);
    end;
  end;
end;
