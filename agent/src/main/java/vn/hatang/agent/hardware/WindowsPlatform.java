package vn.hatang.agent.hardware;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.Peripherals.Printer;

/** Windows: runs PowerShell, {@code reg}, {@code bcdedit} and {@code tpmtool} with a time limit. */
final class WindowsPlatform implements PlatformReader {
  private final CommandRunner runner;

  WindowsPlatform(CommandRunner runner) {
    this.runner = runner;
  }

  private String powershell(String script) throws IOException {
    return runner.output(powershellCommand(script));
  }

  private static List<String> powershellCommand(String script) {
    return List.of(
        "powershell.exe",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Bypass",
        "-Command",
        "[Console]::OutputEncoding=[Text.Encoding]::UTF8; " + script);
  }

  @Override
  public String family() {
    return "Windows";
  }

  @Override
  public String bootMode() throws IOException {
    String mode = BootModeParser.parseFirmwareType(System.getenv("firmware_type"));
    if (mode != null) {
      return mode;
    }
    return BootModeParser.parseBcdedit(runner.output(List.of("bcdedit", "/enum", "{current}")));
  }

  @Override
  public Boolean secureBoot(String bootMode) throws IOException {
    // "Cmdlet not supported on this platform" comes as an error on stderr.
    CommandRunner.Result result = runner.run(powershellCommand("Confirm-SecureBootUEFI"));
    return SecureBootParser.parseConfirmSecureBoot(result.stdout() + result.stderr());
  }

  @Override
  public String tpmVersion() throws IOException {
    try {
      return TpmParser.parseWin32Tpm(
          powershell(
              "Get-CimInstance -Namespace root/cimv2/Security/MicrosoftTpm -ClassName Win32_Tpm"
                  + " | Format-List SpecVersion,IsEnabled_InitialValue"));
    } catch (IOException | IllegalArgumentException e) {
      // Win32_Tpm needs an elevated prompt; tpmtool does not.
      return TpmParser.parseTpmtool(runner.output(List.of("tpmtool", "getdeviceinformation")));
    }
  }

  @Override
  public String chassis() throws IOException {
    return ChassisTypes.parse(powershell("(Get-CimInstance Win32_SystemEnclosure).ChassisTypes"));
  }

  @Override
  public List<Printer> printers() throws IOException {
    return PrinterParser.parseWin32PrinterCsv(
        powershell(
            "Get-CimInstance Win32_Printer | Select-Object"
                + " Name,DriverName,PortName,Default,Network,PrinterStatus"
                + " | ConvertTo-Csv -NoTypeInformation"));
  }

  @Override
  public List<AntivirusProduct> antivirus() throws IOException {
    String csv =
        powershell(
            "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct"
                + " | Select-Object displayName,productState | ConvertTo-Csv -NoTypeInformation");
    return new ArrayList<>(AntivirusParser.parseCsv(csv));
  }

  @Override
  public WindowsVersion windowsVersion() throws IOException {
    return WindowsVersion.parseRegQuery(
        runner.output(
            List.of("reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")));
  }

  @Override
  public String systemMount() {
    String drive = System.getenv("SystemDrive");
    return (drive == null || drive.isBlank() ? "C:" : drive) + "\\";
  }
}
