# hatang-agent - the agent (agent\target\hatang-agent.jar). Builds the jar first when it is missing
# or older than the sources (needs mvn), then runs it tuned for start-up: C1 only, serial GC, small
# stacks, and an AppCDS archive (agent\target\hatang-agent.jsa) made during the first real run.
# Extra JVM options: $env:JAVA_OPTS. Exit codes are the program's; 4 when java or mvn is missing
# or the build fails. Same behaviour as scripts/hatang-agent and hatang-agent.cmd. ASCII-only
# (Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page).
$ErrorActionPreference = 'Stop'

# This script's real location, following symlinks.
$self = Get-Item -LiteralPath $PSCommandPath
while ($self.LinkType -eq 'SymbolicLink') {
  $target = @($self.Target)[0]
  if (-not [IO.Path]::IsPathRooted($target)) { $target = Join-Path $self.DirectoryName $target }
  $self = Get-Item -LiteralPath $target
}
. (Join-Path (Join-Path $self.DirectoryName 'lib') 'launcher.ps1')
$root = Split-Path -Parent $self.DirectoryName

$targetDir = Join-Path $root (Join-Path 'agent' 'target')
$jar = Join-Path $targetDir 'hatang-agent.jar'
$jsa = Join-Path $targetDir 'hatang-agent.jsa'
$java = Initialize-HatangJar $root $jar

$opts = @($HatangCommonOpts) + @($HatangAgentOpts)
$userOpts = @(Get-HatangJavaOpts)
$previous = Set-HatangConsoleUtf8
# From here on, native programs write to stderr: in Windows PowerShell 5.1, with 'Stop', a redirected
# stderr line would become a terminating error.
$ErrorActionPreference = 'Continue'

# JDK 17 has no -XX:+AutoCreateSharedArchive (JDK 19+), so the archive is made here. It is made
# with the jar's modification time and is that jar's while the two times are equal (launcher.sh):
# a rebuilt jar is newer, another one copied in may be older. The JVM also checks the jar itself
# and silently ignores an archive that does not match.
$jarTime = (Get-Item -LiteralPath $jar).LastWriteTimeUtc
$archiveOk = (Test-Path -LiteralPath $jsa) -and
  ((Get-Item -LiteralPath $jsa).LastWriteTimeUtc -eq $jarTime)
if ($archiveOk) {
  $javaArgs = $opts + @("-XX:SharedArchiveFile=$jsa", '-Xshare:auto') + $userOpts + @('-jar', $jar) + @($args)
  & $java @javaArgs
  $rc = $LASTEXITCODE
  Restore-HatangConsole $previous
  exit $rc
}

# No usable archive. Only a real run (collect, check) loads the classes worth archiving, and the
# JVM fails at exit (printing on stdout) when it cannot write the archive: probe the folder first.
$tmp = "$jsa.$PID.tmp"
$makeArchive = @($args | Where-Object { $_ -eq 'collect' -or $_ -eq 'check' }).Count -gt 0
if ($makeArchive) {
  Remove-Item -LiteralPath $jsa, "$jsa.stamp" -Force -ErrorAction SilentlyContinue
  try {
    [IO.File]::Create($tmp).Dispose()
    Remove-Item -LiteralPath $tmp -Force
  } catch {
    $makeArchive = $false
  }
}
if (-not $makeArchive) {
  $javaArgs = $opts + $userOpts + @('-jar', $jar) + @($args)
  & $java @javaArgs
  $rc = $LASTEXITCODE
  Restore-HatangConsole $previous
  exit $rc
}

# Dump to a private name and rename, so that two first runs at once cannot leave a torn archive.
$javaArgs = $opts + @("-XX:ArchiveClassesAtExit=$tmp") + $userOpts + @('-jar', $jar) + @($args)
try {
  & $java @javaArgs
  $rc = $LASTEXITCODE
  # 0 = compliant, 1 = deficiencies found: both are complete runs worth keeping.
  if ($rc -ge 0 -and $rc -le 1 -and (Test-Path -LiteralPath $tmp)) {
    try {
      (Get-Item -LiteralPath $tmp).LastWriteTimeUtc = $jarTime
      Move-Item -LiteralPath $tmp -Destination $jsa -Force
    } catch { }
  }
} finally {
  Remove-Item -LiteralPath $tmp -Force -ErrorAction SilentlyContinue
  Restore-HatangConsole $previous
}
exit $rc
