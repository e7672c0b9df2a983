# Shared code of scripts\hatang.ps1 and scripts\hatang-agent.ps1. Dot-sourced, not run.
# Nothing here writes to stdout: stdout belongs to the program (the agent writes JSON there).
# Kept ASCII-only: Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page.

# Options for every java launch: UTF-8 everywhere, and JVM log output off stdout. -Xlog:disable
# removes the default "warnings to stdout" output, the next option sends warnings to stderr, and
# CDS's own messages (an archive that does not match is silently not used) are dropped.
$HatangCommonOpts = @(
  '-Dfile.encoding=UTF-8', '-Dstdout.encoding=UTF-8', '-Dstderr.encoding=UTF-8',
  '-Xlog:disable', '-Xlog:all=warning:stderr', '-Xlog:cds*=off:stderr')

# The agent's extra options: a collection is short, so the C2 compiler and a parallel GC only cost
# start-up time and memory.
$HatangAgentOpts = @('-XX:TieredStopAtLevel=1', '-XX:CICompilerCount=1', '-XX:+UseSerialGC', '-Xss512k')
# The checker's (launcher.sh, HATANG_CHECKER_JAVA_OPTS): small inlined methods (a shorter JIT
# warm-up) and the parallel collector, heap near the live data; the collector is left out when
# JAVA_OPTS, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS choose one (a word -XX:+Use...GC, not
# -XX:+UseGCOverheadLimit; two collectors stop the JVM).
function Get-HatangCheckerOpts {
  if ("$env:JAVA_OPTS $env:JAVA_TOOL_OPTIONS $env:JDK_JAVA_OPTIONS" -match '(^|\s)-XX:\+Use\w*GC(\s|$)') { @('-XX:FreqInlineSize=50') }
  else { @('-XX:FreqInlineSize=50', '-XX:+UseParallelGC', '-XX:GCTimeRatio=4', '-XX:MaxTenuringThreshold=2') }
}

function Stop-Hatang([int] $Code, [string] $Message) {
  # One line on stderr, then leave the script. 4 = environment failure (ExitCode).
  [Console]::Error.WriteLine("hatang: error: $Message")
  exit $Code
}

function Write-HatangNote([string] $Message) {
  [Console]::Error.WriteLine("hatang: $Message")
}

# $env:JAVA_OPTS split on spaces, as the sh launchers do.
function Get-HatangJavaOpts {
  if ($env:JAVA_OPTS) { @($env:JAVA_OPTS -split '\s+' | Where-Object { $_ }) } else { @() }
}

# The java to run: $JAVA_HOME\bin\java, else java on PATH.
function Find-HatangJava {
  if ($env:JAVA_HOME) {
    foreach ($name in 'java.exe', 'java') {
      $candidate = Join-Path (Join-Path $env:JAVA_HOME 'bin') $name
      if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
  }
  $cmd = Get-Command java -CommandType Application -ErrorAction SilentlyContinue |
    Select-Object -First 1
  if ($cmd) { return $cmd.Source }
  Stop-Hatang 4 'java not found: install Java 17 or later (for example Eclipse Temurin 17) or set JAVA_HOME'
}

# The first source file newer than $Jar, or $null. Only a checkout (pom.xml present) has sources;
# an installed copy never rebuilds.
function Get-HatangNewerSource([string] $Root, [string] $Jar) {
  $pom = Join-Path $Root 'pom.xml'
  if (-not (Test-Path -LiteralPath $pom)) { return $null }
  $jarTime = (Get-Item -LiteralPath $Jar).LastWriteTimeUtc
  # target\ is build output and dot-files are editor/VCS droppings: neither is a source. The test
  # looks below $Root only, so a checkout inside C:\target\ or ~\.local\ still works.
  $files = @(Get-Item -LiteralPath $pom) + @(
    'core', 'agent', 'cli', 'standards' | ForEach-Object { Join-Path $Root $_ } |
      Where-Object { Test-Path -LiteralPath $_ } |
      ForEach-Object { Get-ChildItem -LiteralPath $_ -Recurse -File -ErrorAction SilentlyContinue } |
      Where-Object { $_.FullName.Substring($Root.Length) -notmatch '[\\/]target[\\/]|[\\/]\.' })
  $newer = $files | Where-Object { $_.LastWriteTimeUtc -gt $jarTime } | Select-Object -First 1
  if ($newer) { return $newer.FullName } else { return $null }
}

function Invoke-HatangBuild([string] $Root, [string] $Jar, [string] $Reason) {
  $mvn = Get-Command mvn -ErrorAction SilentlyContinue | Select-Object -First 1
  if (-not $mvn) {
    Stop-Hatang 4 "$Jar $Reason and Maven (mvn) is not installed: install Maven 3.8+ and a JDK 17"
  }
  Write-HatangNote "$Jar $Reason; building: mvn -B -ntp -q -DskipTests package"
  # A rebuilt agent jar makes its CDS archive stale: drop it first, whichever jar this is.
  foreach ($stale in 'hatang-agent.jsa', 'hatang-agent.jsa.stamp') {
    Remove-Item -LiteralPath (Join-Path $Root "agent/target/$stale") -Force -ErrorAction SilentlyContinue
  }
  Push-Location -LiteralPath $Root
  # Native stderr must not become a terminating error (Windows PowerShell 5.1 with 'Stop').
  $ErrorActionPreference = 'Continue'
  try {
    # Maven prints on stdout; pass it to stderr so that stdout stays the program's.
    & $mvn.Source -B -ntp -q -DskipTests package | ForEach-Object { [Console]::Error.WriteLine($_) }
    $rc = $LASTEXITCODE
  } finally {
    Pop-Location
  }
  if ($rc -ne 0) {
    Stop-Hatang 4 "build failed (Maven output above); fix it, or run: cd '$Root'; mvn -B -ntp -DskipTests package"
  }
  if (-not (Test-Path -LiteralPath $Jar)) { Stop-Hatang 4 "build finished but $Jar is still missing" }
}

# Makes sure $Jar exists and is not older than the sources, building when needed; returns java.
function Initialize-HatangJar([string] $Root, [string] $Jar) {
  $java = Find-HatangJava
  if (-not (Test-Path -LiteralPath $Jar)) {
    Invoke-HatangBuild $Root $Jar 'is missing'
    return $java
  }
  $newer = Get-HatangNewerSource $Root $Jar
  if ($newer) {
    if (Get-Command mvn -ErrorAction SilentlyContinue) {
      Invoke-HatangBuild $Root $Jar "is older than $newer"
    } else {
      Write-HatangNote "warning: $Jar is older than $newer but mvn is not installed; running it as it is"
    }
  }
  return $java
}

# UTF-8 on the console for this run. Returns the previous encoding for Restore-HatangConsole.
# (UTF8Encoding without a BOM: [Text.Encoding]::UTF8 would put a BOM in front of redirected output
# on some hosts.) A process without a console (a scheduled task) cannot set it: nothing to do then.
function Set-HatangConsoleUtf8 {
  try {
    $previous = [Console]::OutputEncoding
    [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)
    $global:OutputEncoding = [Console]::OutputEncoding
    return $previous
  } catch {
    return $null
  }
}

function Restore-HatangConsole($Previous) {
  if ($Previous) { try { [Console]::OutputEncoding = $Previous } catch { } }
}
