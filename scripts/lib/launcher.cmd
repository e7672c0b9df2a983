@echo off
rem Shared code of scripts\hatang.cmd and scripts\hatang-agent.cmd, called as
rem   call "%~dp0lib\launcher.cmd" :ensure_jar "JAR"
rem with HATANG_ROOT set. Sets JAVA (the java.exe to run) in the caller's environment; returns
rem 0, or 1 after a one-line "hatang: error: ..." on stderr. Nothing here writes to stdout.
rem No setlocal here: JAVA must reach the caller. Few parenthesised blocks on purpose: a ")" in a
rem path such as "C:\Program Files (x86)" would end one.
goto %~1

rem ---------------------------------------------------------------------------------------------
:ensure_jar
set "HJAR=%~2"
call :find_java || exit /b 1
if not exist "%HJAR%" goto :jar_missing
rem Only a checkout (pom.xml present) has sources; an installed copy never rebuilds.
if not exist "%HATANG_ROOT%\pom.xml" exit /b 0
set "NEWER="
rem cmd cannot compare file times; Windows PowerShell (on every supported Windows) can.
for /f "usebackq delims=" %%F in (`powershell -NoProfile -NonInteractive -Command "$j=(Get-Item -LiteralPath $env:HJAR).LastWriteTimeUtc; $r=$env:HATANG_ROOT; @(Get-Item -LiteralPath (Join-Path $r 'pom.xml')) + @('core','agent','cli','standards' | ForEach-Object { Join-Path $r $_ } | Where-Object { Test-Path -LiteralPath $_ } | ForEach-Object { Get-ChildItem -LiteralPath $_ -Recurse -File -ErrorAction SilentlyContinue } | Where-Object { $_.FullName.Substring($r.Length) -notmatch '\\target\\|\\\.' }) | Where-Object { $_.LastWriteTimeUtc -gt $j } | Select-Object -First 1 -ExpandProperty FullName" 2^>nul`) do set "NEWER=%%F"
if not defined NEWER exit /b 0
where mvn >nul 2>&1 && goto :jar_stale
>&2 echo hatang: warning: %HJAR% is older than %NEWER% but mvn is not installed; running it as it is
exit /b 0

:jar_stale
call :build "is older than %NEWER%"
exit /b

:jar_missing
call :build "is missing"
exit /b

rem ---------------------------------------------------------------------------------------------
:find_java
set "JAVA="
if not defined JAVA_HOME goto :java_on_path
if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA exit /b 0
:java_on_path
for /f "delims=" %%J in ('where java 2^>nul') do if not defined JAVA set "JAVA=%%J"
if defined JAVA exit /b 0
>&2 echo hatang: error: java not found: install Java 17 or later ^(for example Eclipse Temurin 17^) or set JAVA_HOME
exit /b 1

rem ---------------------------------------------------------------------------------------------
:build
where mvn >nul 2>&1 && goto :build_run
>&2 echo hatang: error: %HJAR% %~1 and Maven ^(mvn^) is not installed: install Maven 3.8+ and a JDK 17
exit /b 1
:build_run
>&2 echo hatang: %HJAR% %~1; building: mvn -B -ntp -q -DskipTests package
rem A rebuilt agent jar makes its CDS archive stale, whichever jar is being built.
del /f /q "%HATANG_ROOT%\agent\target\hatang-agent.jsa" "%HATANG_ROOT%\agent\target\hatang-agent.jsa.stamp" >nul 2>&1
pushd "%HATANG_ROOT%"
rem mvn is itself a batch file: "call" comes back. Its output goes to stderr, never stdout.
call mvn -B -ntp -q -DskipTests package 1>&2
set "MVNRC=%ERRORLEVEL%"
popd
if "%MVNRC%"=="0" goto :build_done
>&2 echo hatang: error: build failed ^(Maven output above^); fix it, or run: cd /d "%HATANG_ROOT%" ^&^& mvn -B -ntp -DskipTests package
exit /b 1
:build_done
if exist "%HJAR%" exit /b 0
>&2 echo hatang: error: build finished but %HJAR% is still missing
exit /b 1
