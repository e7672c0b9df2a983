<#
.SYNOPSIS
Installs hatang-agent on a Windows PC and schedules "hatang-agent run" (collect, spool, upload).

.DESCRIPTION
The Windows twin of scripts/install-agent.sh; both write the same agent.yaml keys in the same
order (Format-HatangAgentYaml here, agent_yaml there; a test compares them). Installs:
  <Prefix>\bin\hatang-agent.cmd, <Prefix>\lib\hatang-agent.jar, <Prefix>\lib\launcher.cmd
  %ProgramData%\hatang\agent.yaml (UTF-8 without BOM), token (SYSTEM and Administrators only),
  ca.pem, and the spool folder %ProgramData%\hatang\agent
  the scheduled task "hatang-agent" (SYSTEM, daily or hourly with a random delay, and at start-up)
Run it again to change a setting: the result is the same for the same parameters. -Uninstall
removes the task and the program files and keeps %ProgramData%\hatang; -Purge removes that too.
Exit codes: 0 done, 2 bad parameter (nothing written), 4 environment (not an administrator, no jar).
ASCII-only: Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File scripts\install-agent.ps1 -Collector https://hatang.sotttt.gialai.gov.vn -TokenFile D:\token.txt -UnitCode 21583 -UnitName "Phuong Quy Nhon" -UnitLevel commune
#>
param(
  [string] $Collector,
  [string] $Token,
  [string] $TokenFile,
  [string] $UnitCode,
  [string] $UnitName,
  [string] $UnitLevel,
  [string[]] $Line = @(),
  [string] $CaFile,
  [string] $Proxy,
  [string] $Schedule = 'daily',
  [string] $RandomDelay = '3600',
  [string] $Jar,
  [string] $Prefix = (Join-Path $env:ProgramFiles 'hatang'),
  [switch] $Uninstall,
  [switch] $Purge,
  [switch] $Help
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2

$TaskName = 'hatang-agent'
$DataDir = Join-Path $env:ProgramData 'hatang'
$ConfigFile = Join-Path $DataDir 'agent.yaml'
$TokenPath = Join-Path $DataDir 'token'
$CaPath = Join-Path $DataDir 'ca.pem'
$SpoolDir = Join-Path $DataDir 'agent'
$Repo = Split-Path -Parent $PSScriptRoot

# Well-known SIDs: group names are translated on a Vietnamese Windows, SIDs are not.
$SidSystem = 'S-1-5-18'
$SidAdministrators = 'S-1-5-32-544'
$SidUsers = 'S-1-5-32-545'

function Stop-Install([int] $Code, [string] $Message) {
  [Console]::Error.WriteLine("install-agent: error: $Message")
  exit $Code
}

function Write-InstallNote([string] $Message) {
  [Console]::Error.WriteLine("install-agent: $Message")
}

function Stop-Usage([string] $Message) {
  Stop-Install 2 "$Message (see -Help)"
}

# http(s)://host[:port][/path], no user:password@, no ?query or #fragment (as install-agent.sh).
function Test-HatangUrl([string] $Url) {
  return $Url -cmatch '^https?://([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[^\s\x00-\x1f\x7f?#]*)?$'
}

function Test-HatangControl([string] $Text) {
  return $Text -match '[\x00-\x1f\x7f]'
}

# YAML single-quoted scalar: nothing is an escape inside, a quote is written twice. Any printable
# text survives (':', '#', "'", Vietnamese); control characters are refused before.
function ConvertTo-HatangYamlString([string] $Text) {
  return "'" + $Text.Replace("'", "''") + "'"
}

# agent.yaml, with the keys of install-agent.sh's agent_yaml in the same order and indentation.
# $Lines: 'NAME=URL' strings.
function Format-HatangAgentYaml {
  param(
    [string] $UnitCode, [string] $UnitName, [string] $UnitLevel, [string] $SpoolDir,
    [string[]] $Lines, [string] $CollectorUrl, [string] $TokenFile, [string] $CaFile,
    [string] $Proxy, [int] $RandomDelaySeconds)
  $y = New-Object System.Collections.Generic.List[string]
  $y.Add('# hatang-agent configuration, written by scripts/install-agent.ps1: re-run it to change.')
  $y.Add('unit:')
  $y.Add('  code: ' + (ConvertTo-HatangYamlString $UnitCode))
  if ($UnitName) { $y.Add('  name: ' + (ConvertTo-HatangYamlString $UnitName)) }
  if ($UnitLevel) { $y.Add('  level: ' + (ConvertTo-HatangYamlString $UnitLevel)) }
  $y.Add('spoolDir: ' + (ConvertTo-HatangYamlString $SpoolDir))
  if ($Lines -and $Lines.Count -gt 0) {
    $y.Add('lines:')
    foreach ($spec in $Lines) {
      $cut = $spec.IndexOf('=')
      $y.Add('  - name: ' + (ConvertTo-HatangYamlString $spec.Substring(0, $cut)))
      $y.Add('    endpoint: ' + (ConvertTo-HatangYamlString $spec.Substring($cut + 1)))
    }
  }
  $y.Add('collector:')
  $y.Add('  url: ' + (ConvertTo-HatangYamlString $CollectorUrl))
  $y.Add('  tokenFile: ' + (ConvertTo-HatangYamlString $TokenFile))
  if ($CaFile) { $y.Add('  caFile: ' + (ConvertTo-HatangYamlString $CaFile)) }
  if ($Proxy) { $y.Add('  proxy: ' + (ConvertTo-HatangYamlString $Proxy)) }
  $y.Add('schedule:')
  $y.Add('  randomDelaySeconds: ' + $RandomDelaySeconds)
  return ($y -join "`n") + "`n"
}

# The installed launcher: the JVM options of scripts\hatang-agent.cmd, taken from
# scripts\lib\launcher.ps1 (the ps1 launcher's copy of the same list), and java found by
# lib\launcher.cmd. No pom.xml beside it, so it never tries to build.
function Format-HatangLauncherCmd([string[]] $JavaOpts) {
  $lines = @(
    '@echo off',
    'rem hatang-agent, installed by scripts\install-agent.ps1: runs ..\lib\hatang-agent.jar with the',
    'rem JVM options of scripts\hatang-agent.cmd. Extra JVM options: %JAVA_OPTS%. Exit 4 when java',
    'rem or the jar is missing. (No parenthesised blocks: "Program Files (x86)" would end one.)',
    'setlocal EnableExtensions DisableDelayedExpansion',
    'set "HATANG_ROOT=%~dp0.."',
    'for %%R in ("%HATANG_ROOT%") do set "HATANG_ROOT=%%~fR"',
    'set "JAR=%HATANG_ROOT%\lib\hatang-agent.jar"',
    'if exist "%JAR%" goto :have_jar',
    '>&2 echo hatang: error: %JAR% is missing: re-run scripts\install-agent.ps1',
    'exit /b 4',
    ':have_jar',
    'call "%HATANG_ROOT%\lib\launcher.cmd" :ensure_jar "%JAR%" || exit /b 4',
    ('"%JAVA%" ' + ($JavaOpts -join ' ') + ' %JAVA_OPTS% -jar "%JAR%" %*'),
    'exit /b %ERRORLEVEL%')
  return ($lines -join "`r`n") + "`r`n"
}

# A security descriptor with no inherited entries: SYSTEM and Administrators full control, and
# Users read when $UsersRead.
function New-HatangAcl([bool] $Directory, [bool] $UsersRead) {
  if ($Directory) {
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
  } else {
    $acl = New-Object System.Security.AccessControl.FileSecurity
    $inherit = [System.Security.AccessControl.InheritanceFlags]::None
  }
  $acl.SetAccessRuleProtection($true, $false)
  $grants = @(@($SidSystem, 'FullControl'), @($SidAdministrators, 'FullControl'))
  if ($UsersRead) { $grants += , @($SidUsers, 'ReadAndExecute') }
  foreach ($grant in $grants) {
    $sid = New-Object System.Security.Principal.SecurityIdentifier($grant[0])
    $rule = New-Object System.Security.AccessControl.FileSystemAccessRule(
      $sid, [System.Security.AccessControl.FileSystemRights]($grant[1]), $inherit,
      [System.Security.AccessControl.PropagationFlags]::None,
      [System.Security.AccessControl.AccessControlType]::Allow)
    $acl.AddAccessRule($rule)
  }
  return $acl
}

function Initialize-HatangDirectory([string] $Path, $Acl) {
  if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
    New-Item -ItemType Directory -Path $Path -Force | Out-Null
  }
  if ($Acl) { (Get-Item -LiteralPath $Path).SetAccessControl($Acl) }
}

# Writes $Bytes to $Path atomically: a temporary file in the same folder (its ACL set before the
# content goes in), then renamed over $Path. Unchanged content leaves $Path alone.
function Write-HatangFile([string] $Path, [byte[]] $Bytes, $Acl) {
  if (Test-Path -LiteralPath $Path -PathType Leaf) {
    $old = [IO.File]::ReadAllBytes($Path)
    if ([Convert]::ToBase64String($old) -eq [Convert]::ToBase64String($Bytes)) {
      if ($Acl) { (Get-Item -LiteralPath $Path).SetAccessControl($Acl) }
      return
    }
  }
  $tmp = "$Path.$PID.tmp"
  try {
    [IO.File]::WriteAllBytes($tmp, [byte[]]@())
    if ($Acl) { (Get-Item -LiteralPath $tmp).SetAccessControl($Acl) }
    [IO.File]::WriteAllBytes($tmp, $Bytes)
    if (Test-Path -LiteralPath $Path -PathType Leaf) {
      [IO.File]::Replace($tmp, $Path, [NullString]::Value)
    } else {
      [IO.File]::Move($tmp, $Path)
    }
  } finally {
    if (Test-Path -LiteralPath $tmp) { Remove-Item -LiteralPath $tmp -Force }
  }
  # File.Replace keeps the replaced file's descriptor: set ours again.
  if ($Acl) { (Get-Item -LiteralPath $Path).SetAccessControl($Acl) }
}

function Get-HatangUtf8([string] $Text) {
  # The comma keeps the byte array whole (PowerShell would unroll it element by element).
  return , (New-Object System.Text.UTF8Encoding($false)).GetBytes($Text)
}

function Remove-HatangTask {
  $task = Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue
  if ($task) { Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false }
}

if ($Help) {
  Get-Help -Detailed $PSCommandPath
  exit 0
}

# --- validation: everything is checked before anything is written -----------------------------

if (-not ($Prefix -match '^[A-Za-z]:\\' -and -not (Test-HatangControl $Prefix) -and $Prefix -notmatch '["%]')) {
  Stop-Usage "-Prefix must be an absolute path such as C:\Program Files\hatang, not '$Prefix'"
}
$Prefix = $Prefix.TrimEnd('\')
if ($Purge) { $Uninstall = [switch]$true }

$delay = 0
$tokenValue = $null
if (-not $Uninstall) {
  if (-not $Collector) { Stop-Usage '-Collector URL is required' }
  if (-not (Test-HatangUrl $Collector)) {
    Stop-Usage "-Collector must be an http:// or https:// URL (host, optional port and path), not '$Collector'"
  }
  if (-not $UnitCode) { Stop-Usage '-UnitCode CODE is required (the collector accepts only the token''s unit)' }
  if ($UnitCode -notmatch '^[0-9]{1,64}$') { Stop-Usage "-UnitCode must be digits, not '$UnitCode'" }
  if ($UnitName) {
    if (Test-HatangControl $UnitName) { Stop-Usage '-UnitName must not contain control characters' }
    if ($UnitName.Length -gt 256) { Stop-Usage '-UnitName is longer than 256 characters' }
  }
  if ($UnitLevel -and $UnitLevel -cnotmatch '^[a-z][a-z0-9_-]{0,63}$') {
    Stop-Usage "-UnitLevel must be a lowercase word such as commune or province, not '$UnitLevel'"
  }
  $seen = @{}
  foreach ($spec in $Line) {
    $cut = $spec.IndexOf('=')
    if ($cut -lt 0) { Stop-Usage "-Line must be NAME=URL, not '$spec'" }
    $name = $spec.Substring(0, $cut)
    $url = $spec.Substring($cut + 1)
    if ($name -cnotmatch '^[A-Za-z0-9._-]{1,64}$') {
      Stop-Usage "-Line: the name must be letters, digits and ._- (at most 64), not '$name'"
    }
    if (-not (Test-HatangUrl $url)) { Stop-Usage "-Line ${name}: the endpoint must be an http:// or https:// URL, not '$url'" }
    if ($seen.ContainsKey($name)) { Stop-Usage "-Line: '$name' is given twice" }
    $seen[$name] = $true
  }
  if ($Proxy -and -not (Test-HatangUrl $Proxy)) { Stop-Usage "-Proxy must be an http:// or https:// URL, not '$Proxy'" }
  if ($Schedule -cnotmatch '^(daily|hourly)$') { Stop-Usage "-Schedule must be daily or hourly, not '$Schedule'" }
  if ($RandomDelay -notmatch '^[0-9]{1,5}$' -or [int]$RandomDelay -gt 86400) {
    Stop-Usage "-RandomDelay must be a number of seconds from 0 to 86400, not '$RandomDelay'"
  }
  $delay = [int]$RandomDelay
  if ($CaFile) {
    if (-not (Test-Path -LiteralPath $CaFile -PathType Leaf)) { Stop-Usage "-CaFile: cannot read $CaFile" }
    if (-not ([IO.File]::ReadAllText((Resolve-Path -LiteralPath $CaFile).ProviderPath) -match '-----BEGIN CERTIFICATE-----')) {
      Stop-Usage "-CaFile: $CaFile holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
    }
  }

  # The token: never echoed, never in a message.
  if ($Token -and $TokenFile) { Stop-Usage 'give -Token or -TokenFile, not both' }
  if ($TokenFile) {
    if (-not (Test-Path -LiteralPath $TokenFile -PathType Leaf)) { Stop-Usage "-TokenFile: cannot read $TokenFile" }
    $tokenValue = ([IO.File]::ReadAllText((Resolve-Path -LiteralPath $TokenFile).ProviderPath) -split "`r?`n")[0].Trim()
  } elseif ($Token) {
    $tokenValue = $Token.Trim()
  }
  if ($null -ne $tokenValue) {
    if ($tokenValue -cnotmatch '^hat_[A-Za-z0-9]+_[A-Za-z0-9_-]+$') {
      Stop-Usage "the token does not look like an upload token (hat_<id>_<secret>, as 'hatang tokens create' prints it)"
    }
  } elseif (-not (Test-Path -LiteralPath $TokenPath -PathType Leaf)) {
    Stop-Usage '-TokenFile FILE (or -Token TOKEN) is required: no token is installed yet'
  }

  if (-not $Jar) {
    $Jar = Join-Path $Repo 'agent\target\hatang-agent.jar'
    if (-not (Test-Path -LiteralPath $Jar -PathType Leaf)) {
      Stop-Install 4 "$Jar is missing: build it first with: cd '$Repo'; mvn -B -ntp -DskipTests package (or give -Jar PATH)"
    }
  } elseif (-not (Test-Path -LiteralPath $Jar -PathType Leaf)) {
    Stop-Usage "-Jar: no such file: $Jar"
  }
  $launcherCmd = Join-Path $PSScriptRoot 'lib\launcher.cmd'
  $launcherPs1 = Join-Path $PSScriptRoot 'lib\launcher.ps1'
  if (-not (Test-Path -LiteralPath $launcherCmd) -or -not (Test-Path -LiteralPath $launcherPs1)) {
    Stop-Install 4 "$PSScriptRoot\lib\launcher.cmd or launcher.ps1 is missing: run this script from a hatang checkout"
  }
}

$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
if (-not (New-Object Security.Principal.WindowsPrincipal($identity)).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  Stop-Install 4 'run from an elevated PowerShell (Run as administrator)'
}

$binDir = Join-Path $Prefix 'bin'
$libDir = Join-Path $Prefix 'lib'
$installedLauncher = Join-Path $binDir 'hatang-agent.cmd'

# --- uninstall ---------------------------------------------------------------------------------

if ($Uninstall) {
  Remove-HatangTask
  foreach ($file in @($installedLauncher, (Join-Path $libDir 'hatang-agent.jar'), (Join-Path $libDir 'launcher.cmd'))) {
    Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
  }
  foreach ($dir in @($binDir, $libDir, $Prefix)) {
    if ((Test-Path -LiteralPath $dir) -and -not (Get-ChildItem -LiteralPath $dir -Force)) {
      Remove-Item -LiteralPath $dir -Force
    }
  }
  if ($Purge) {
    Remove-Item -LiteralPath $DataDir -Recurse -Force -ErrorAction SilentlyContinue
    Write-InstallNote "removed hatang-agent and $DataDir"
  } else {
    Write-InstallNote "removed hatang-agent; kept $DataDir (-Purge removes it)"
  }
  exit 0
}

# --- install -----------------------------------------------------------------------------------

. $launcherPs1  # $HatangCommonOpts, $HatangAgentOpts: the launchers' JVM options

Initialize-HatangDirectory $Prefix $null
Initialize-HatangDirectory $binDir $null
Initialize-HatangDirectory $libDir $null
# Config readable by Users (no secret in it); the token and the spool (serial numbers, addresses)
# for SYSTEM and Administrators only.
Initialize-HatangDirectory $DataDir (New-HatangAcl $true $true)
Initialize-HatangDirectory $SpoolDir (New-HatangAcl $true $false)

Write-HatangFile (Join-Path $libDir 'hatang-agent.jar') ([IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Jar).ProviderPath)) $null
Write-HatangFile (Join-Path $libDir 'launcher.cmd') ([IO.File]::ReadAllBytes($launcherCmd)) $null
Write-HatangFile $installedLauncher ([Text.Encoding]::ASCII.GetBytes((Format-HatangLauncherCmd (@($HatangCommonOpts) + @($HatangAgentOpts))))) $null

if ($null -ne $tokenValue) {
  Write-HatangFile $TokenPath (Get-HatangUtf8 "$tokenValue`n") (New-HatangAcl $false $false)
}
if ($CaFile) {
  Write-HatangFile $CaPath ([IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $CaFile).ProviderPath)) (New-HatangAcl $false $true)
} else {
  Remove-Item -LiteralPath $CaPath -Force -ErrorAction SilentlyContinue
}

# The task's trigger spreads the runs (-RandomDelay), as the systemd timer does on Linux; an agent
# that slept as well would double the spread and count against the execution time limit.
$yaml = Format-HatangAgentYaml -UnitCode $UnitCode -UnitName $UnitName -UnitLevel $UnitLevel `
  -SpoolDir $SpoolDir -Lines $Line -CollectorUrl $Collector -TokenFile $TokenPath `
  -CaFile $(if ($CaFile) { $CaPath } else { '' }) -Proxy $Proxy -RandomDelaySeconds 0
Write-HatangFile $ConfigFile (Get-HatangUtf8 $yaml) (New-HatangAcl $false $true)

# cmd /d /c ""launcher" run --config "file"": the outer quotes are cmd's, the inner ones survive.
$action = New-ScheduledTaskAction -Execute (Join-Path $env:SystemRoot 'System32\cmd.exe') `
  -Argument ('/d /c ""{0}" run --config "{1}""' -f $installedLauncher, $ConfigFile) -WorkingDirectory $Prefix
# New-ScheduledTaskTrigger -Daily -At 10:00 [-RandomDelay]: office PCs are off at night; the start-up trigger and
# -StartWhenAvailable catch up a missed one. Hourly: a daily trigger from 00:00 repeated every hour
# for a day (an indefinite repetition of a one-time trigger is refused by some Windows versions).
$daily = @{ Daily = $true; At = $(if ($Schedule -eq 'hourly') { '00:00' } else { '10:00' }) }
if ($delay -gt 0) { $daily.RandomDelay = New-TimeSpan -Seconds $delay }
$timed = New-ScheduledTaskTrigger @daily
if ($Schedule -eq 'hourly') {
  $timed.Repetition = (New-ScheduledTaskTrigger -Once -At '00:00' -RepetitionInterval (New-TimeSpan -Hours 1) -RepetitionDuration (New-TimeSpan -Days 1)).Repetition
}
$boot = New-ScheduledTaskTrigger -AtStartup
$boot.Delay = 'PT5M'
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Minutes 30) `
  -MultipleInstances IgnoreNew -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger @($timed, $boot) -Principal $principal `
  -Settings $settings -Description 'hatang-agent: collect a snapshot and upload it to the collector' -Force | Out-Null

if (-not (Get-Command java -CommandType Application -ErrorAction SilentlyContinue) -and -not $env:JAVA_HOME) {
  Write-InstallNote 'warning: java not found: install Java 17 or later (for example Eclipse Temurin 17) for all users'
}
Write-InstallNote "installed $installedLauncher, $ConfigFile, $SpoolDir; scheduled task $TaskName ($Schedule, spread over $delay s, and at start-up)"
Write-InstallNote "try it now: & '$installedLauncher' run --config '$ConfigFile' --no-delay"
exit 0
