@echo off
rem hatang - the checker (cli\target\hatang.jar). Builds the jar first when it is missing or older
rem than the sources (needs mvn), then runs it with UTF-8 output. Extra JVM options: %JAVA_OPTS%.
rem Exit codes are the program's; 4 when java or mvn is missing or the build fails.
rem Same behaviour as scripts/hatang and hatang.ps1.
setlocal EnableExtensions DisableDelayedExpansion

set "HATANG_ROOT=%~dp0.."
for %%R in ("%HATANG_ROOT%") do set "HATANG_ROOT=%%~fR"
set "JAR=%HATANG_ROOT%\cli\target\hatang.jar"

call "%~dp0lib\launcher.cmd" :ensure_jar "%JAR%" || exit /b 4

rem UTF-8 on the console for this run; the previous code page comes back at the end.
set "OLDCP="
for /f "tokens=2 delims=:." %%C in ('chcp') do set /a "OLDCP=%%C" >nul 2>&1
chcp 65001 >nul

rem The checker's options (scripts/lib/launcher.sh): small inlined methods (a shorter JIT warm-up)
rem and its collector, unless JAVA_OPTS, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS choose one (a word
rem -XX:+Use...GC, not -XX:+UseGCOverheadLimit): two collectors stop the JVM.
set "JITOPTS=-XX:FreqInlineSize=50"
set "GCOPTS=-XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:MaxTenuringThreshold=2"
echo(%JAVA_OPTS% %JAVA_TOOL_OPTIONS% %JDK_JAVA_OPTIONS%| findstr /R /C:"-XX:+Use[A-Za-z0-9]*GC\>" >nul && set "GCOPTS="

rem -Xlog: JVM warnings go to stderr, never stdout; CDS messages are off.
"%JAVA%" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr %JITOPTS% %GCOPTS% %JAVA_OPTS% -jar "%JAR%" %*
set "RC=%ERRORLEVEL%"

if defined OLDCP chcp %OLDCP% >nul
exit /b %RC%
