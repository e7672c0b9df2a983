# hatang - the checker (cli\target\hatang.jar). Builds the jar first when it is missing or older
# than the sources (needs mvn), then runs it with UTF-8 output. Extra JVM options: $env:JAVA_OPTS.
# Exit codes are the program's; 4 when java or mvn is missing or the build fails.
# Same behaviour as scripts/hatang and hatang.cmd. ASCII-only (Windows PowerShell 5.1 reads a
# BOM-less script in the ANSI code page).
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

$jar = Join-Path $root (Join-Path 'cli' (Join-Path 'target' 'hatang.jar'))
$java = Initialize-HatangJar $root $jar

# $env:JAVA_OPTS comes last so that a user's option overrides ours (the last one wins).
$javaArgs = @($HatangCommonOpts) + @(Get-HatangCheckerOpts) + @(Get-HatangJavaOpts) + @('-jar', $jar) + @($args)
$previous = Set-HatangConsoleUtf8
# From here on, native programs write to stderr: in Windows PowerShell 5.1, with 'Stop', a redirected
# stderr line would become a terminating error.
$ErrorActionPreference = 'Continue'
& $java @javaArgs
$rc = $LASTEXITCODE
Restore-HatangConsole $previous
exit $rc
