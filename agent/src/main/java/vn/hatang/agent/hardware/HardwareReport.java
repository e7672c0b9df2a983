package vn.hatang.agent.hardware;

import java.util.List;
import vn.hatang.core.snapshot.AntivirusProduct;
import vn.hatang.core.snapshot.ComputerSystem;
import vn.hatang.core.snapshot.Diagnostics;
import vn.hatang.core.snapshot.Memory;
import vn.hatang.core.snapshot.OperatingSystem;
import vn.hatang.core.snapshot.Peripherals;
import vn.hatang.core.snapshot.Processor;
import vn.hatang.core.snapshot.Storage;

/**
 * What a {@link HardwareProbe} read, in snapshot types. A section is {@code null} when its probe
 * failed. Immutable.
 *
 * @param hostname the host name
 * @param computerSystem manufacturer, model, firmware, boot mode, Secure Boot, TPM
 * @param os operating system
 * @param cpu processor
 * @param memory physical memory
 * @param storage disks and the system volume
 * @param peripherals displays, printers, USB devices, network interfaces, power sources
 * @param antivirus antivirus products, {@code null} when unreadable
 * @param hardwareUuid the firmware's system UUID as reported (junk not yet filtered), for the
 *     machine id only: it is not written to the snapshot
 * @param virtualMachine whether this is a virtual machine, {@code null} when unknown
 * @param probes each probe's outcome
 */
public record HardwareReport(
    String hostname,
    ComputerSystem computerSystem,
    OperatingSystem os,
    Processor cpu,
    Memory memory,
    Storage storage,
    Peripherals peripherals,
    List<AntivirusProduct> antivirus,
    String hardwareUuid,
    Boolean virtualMachine,
    List<Diagnostics.Probe> probes) {
  public HardwareReport {
    antivirus = antivirus == null ? null : List.copyOf(antivirus);
    probes = List.copyOf(probes);
  }
}
