@echo off
rem hatang-agent - the agent (agent\target\hatang-agent.jar). Builds the jar first when it is
rem missing or older than the sources (needs mvn), then runs it tuned for start-up: C1 only,
rem serial GC, small stacks, and an AppCDS archive (agent\target\hatang-agent.jsa) made during the
rem first real run. Extra JVM options: %JAVA_OPTS%. Exit codes are the program's; 4 when java or
rem mvn is missing or the build fails. Same behaviour as scripts/hatang-agent and hatang-agent.ps1.
rem (Few parenthesised blocks on purpose: a ")" in a path such as "Program Files (x86)" ends one.)
setlocal EnableExtensions DisableDelayedExpansion

set "HATANG_ROOT=%~dp0.."
for %%R in ("%HATANG_ROOT%") do set "HATANG_ROOT=%%~fR"
set "JAR=%HATANG_ROOT%\agent\target\hatang-agent.jar"
set "JSA=%HATANG_ROOT%\agent\target\hatang-agent.jsa"
set "JSA_STAMP=%HATANG_ROOT%\agent\target\hatang-agent.jsa.stamp"

call "%~dp0lib\launcher.cmd" :ensure_jar "%JAR%" || exit /b 4

rem UTF-8 on the console for this run; the previous code page comes back at the end.
set "OLDCP="
for /f "tokens=2 delims=:." %%C in ('chcp') do set /a "OLDCP=%%C" >nul 2>&1
chcp 65001 >nul

rem -Xlog: JVM warnings go to stderr, never stdout (stdout carries JSON); CDS messages are off.
rem A collection is short: the C2 compiler and a parallel GC only cost start-up time and memory.
set "OPTS=-Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss512k"

rem JDK 17 has no -XX:+AutoCreateSharedArchive, so the archive is made here. It belongs to the jar
rem it was made from; cmd cannot compare file times, so a stamp file holds that jar's size and time.
set "JARSTAMP="
for %%J in ("%JAR%") do set "JARSTAMP=%%~zJ %%~tJ"
set "OLDSTAMP="
if exist "%JSA_STAMP%" set /p OLDSTAMP=<"%JSA_STAMP%"
if not exist "%JSA%" goto :no_archive
if not "%OLDSTAMP%"=="%JARSTAMP%" goto :no_archive
"%JAVA%" %OPTS% -XX:SharedArchiveFile="%JSA%" -Xshare:auto %JAVA_OPTS% -jar "%JAR%" %*
set "RC=%ERRORLEVEL%"
goto :done

:no_archive
rem Only a real run (collect, check) loads the classes worth archiving.
set "MAKE_ARCHIVE="
for %%A in (%*) do if /i "%%~A"=="collect" set "MAKE_ARCHIVE=1"
for %%A in (%*) do if /i "%%~A"=="check" set "MAKE_ARCHIVE=1"
del /f /q "%JSA%" "%JSA_STAMP%" >nul 2>&1
set "TMPJSA=%JSA%.%RANDOM%.tmp"
if not defined MAKE_ARCHIVE goto :plain_run
rem The JVM fails at exit (and prints on stdout) when it cannot write the archive: probe first.
type nul >"%TMPJSA%" 2>nul || goto :plain_run
del /f /q "%TMPJSA%" >nul 2>&1
goto :make_archive

:plain_run
"%JAVA%" %OPTS% %JAVA_OPTS% -jar "%JAR%" %*
set "RC=%ERRORLEVEL%"
goto :done

:make_archive
rem Dump to a private name and rename, so that two first runs at once cannot leave a torn archive.
"%JAVA%" %OPTS% -XX:ArchiveClassesAtExit="%TMPJSA%" %JAVA_OPTS% -jar "%JAR%" %*
set "RC=%ERRORLEVEL%"
rem 0 = compliant, 1 = deficiencies found: both are complete runs worth keeping.
if %RC% GTR 1 goto :drop_tmp
if %RC% LSS 0 goto :drop_tmp
if not exist "%TMPJSA%" goto :done
move /y "%TMPJSA%" "%JSA%" >nul 2>&1 || goto :drop_tmp
>"%JSA_STAMP%" echo %JARSTAMP%
goto :done
:drop_tmp
del /f /q "%TMPJSA%" >nul 2>&1

:done
if defined OLDCP chcp %OLDCP% >nul
exit /b %RC%
