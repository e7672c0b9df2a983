package vn.hatang.core.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Binds a snapshot from the tokens of a {@link StreamingSchema.Parser}, by hand: the one-pass
 * reader's binding, several times cheaper than Jackson's generic record binding (which buffers
 * every property, looks deserializers up and calls constructors reflectively) and far less code for
 * the JIT to compile. The schema checks stay in the parser it pulls from.
 *
 * <p>Strict on purpose: anything but the plain shape of a valid snapshot (an unknown property, a
 * number where a string is expected, a float on an integer, a missing header field) throws {@link
 * StreamingSchema.Violation}, and {@link SnapshotCodec} reads the document again the thorough way,
 * which decides and says why. It must bind a valid document exactly as Jackson does: {@code
 * SnapshotBinderTest} compares the two on a snapshot with every field set, {@code
 * StreamingSchemaTest} on the fixtures and thousands of random edits.
 *
 * <p>Pulls only with {@link JsonParser#nextToken()}, the one way of advancing the schema checks.
 * Each record has its own loop over its properties, the same shape repeated on purpose: locals and
 * a {@code switch} per record, no holder objects or callbacks per property, which is what keeps the
 * binding cheap and simple for the JIT.
 */
final class SnapshotBinder {

  /** Reads one element of a list. */
  @FunctionalInterface
  private interface Item<T> {
    T read(JsonParser p, JsonToken t) throws IOException;
  }

  private SnapshotBinder() {}

  /** The whole document: one object, nothing after it is this method's concern. */
  static Snapshot read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new StreamingSchema.Violation();
    }
    Integer schemaVersion = null;
    UUID snapshotId = null;
    OffsetDateTime takenAt = null;
    AgentInfo agent = null;
    UnitRef unit = null;
    Machine machine = null;
    ComputerSystem computerSystem = null;
    OperatingSystem os = null;
    Processor cpu = null;
    Memory memory = null;
    Storage storage = null;
    Peripherals peripherals = null;
    List<AntivirusProduct> antivirus = null;
    List<LineMeasurement> lines = null;
    Diagnostics diagnostics = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      t = p.nextToken();
      switch (slot(name, READ_FIELDS)) {
        case 0 /* schemaVersion */ -> schemaVersion = integer(p, t);
        case 1 /* snapshotId */ -> {
          String text = string(p, t);
          snapshotId = text == null ? null : UUID.fromString(text);
        }
        case 2 /* takenAt */ -> {
          String text = string(p, t);
          takenAt = text == null ? null : IsoTime.parse(text);
        }
        case 3 /* agent */ -> agent = object(t) ? agent(p) : null;
        case 4 /* unit */ -> unit = object(t) ? unit(p) : null;
        case 5 /* machine */ -> machine = object(t) ? machine(p) : null;
        case 6 /* computerSystem */ -> computerSystem = object(t) ? computerSystem(p) : null;
        case 7 /* os */ -> os = object(t) ? os(p) : null;
        case 8 /* cpu */ -> cpu = object(t) ? cpu(p) : null;
        case 9 /* memory */ -> memory = object(t) ? memory(p) : null;
        case 10 /* storage */ -> storage = object(t) ? storage(p) : null;
        case 11 /* peripherals */ -> peripherals = object(t) ? peripherals(p) : null;
        case 12 /* antivirus */ -> antivirus = list(p, t, SnapshotBinder::antivirus);
        case 13 /* lines */ -> lines = list(p, t, SnapshotBinder::line);
        case 14 /* diagnostics */ -> diagnostics = object(t) ? diagnostics(p) : null;
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    if (schemaVersion == null) {
      throw new StreamingSchema.Violation(); // Jackson would make it 0: left to the thorough reader
    }
    return new Snapshot(
        schemaVersion,
        snapshotId,
        takenAt,
        agent,
        unit,
        machine,
        computerSystem,
        os,
        cpu,
        memory,
        storage,
        peripherals,
        antivirus,
        lines,
        diagnostics);
  }

  private static AgentInfo agent(JsonParser p) throws IOException {
    String name = null;
    String version = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, AGENT_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* version */ -> version = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new AgentInfo(name, version);
  }

  private static UnitRef unit(JsonParser p) throws IOException {
    String code = null;
    String name = null;
    String level = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, UNIT_FIELDS)) {
        case 0 /* code */ -> code = string(p, t);
        case 1 /* name */ -> name = string(p, t);
        case 2 /* level */ -> level = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new UnitRef(code, name, level);
  }

  private static Machine machine(JsonParser p) throws IOException {
    String hostname = null;
    String machineId = null;
    String machineIdSource = null;
    String role = null;
    List<String> tags = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, MACHINE_FIELDS)) {
        case 0 /* hostname */ -> hostname = string(p, t);
        case 1 /* machineId */ -> machineId = string(p, t);
        case 2 /* machineIdSource */ -> machineIdSource = string(p, t);
        case 3 /* role */ -> role = string(p, t);
        case 4 /* tags */ -> tags = list(p, t, SnapshotBinder::string);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Machine(hostname, machineId, machineIdSource, role, tags);
  }

  private static ComputerSystem computerSystem(JsonParser p) throws IOException {
    String manufacturer = null;
    String model = null;
    String serial = null;
    String chassis = null;
    ComputerSystem.Firmware firmware = null;
    String bootMode = null;
    Boolean secureBoot = null;
    String tpmVersion = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, COMPUTER_SYSTEM_FIELDS)) {
        case 0 /* manufacturer */ -> manufacturer = string(p, t);
        case 1 /* model */ -> model = string(p, t);
        case 2 /* serial */ -> serial = string(p, t);
        case 3 /* chassis */ -> chassis = string(p, t);
        case 4 /* firmware */ -> firmware = object(t) ? firmware(p) : null;
        case 5 /* bootMode */ -> bootMode = string(p, t);
        case 6 /* secureBoot */ -> secureBoot = bool(t);
        case 7 /* tpmVersion */ -> tpmVersion = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new ComputerSystem(
        manufacturer, model, serial, chassis, firmware, bootMode, secureBoot, tpmVersion);
  }

  private static ComputerSystem.Firmware firmware(JsonParser p) throws IOException {
    String manufacturer = null;
    String version = null;
    String releaseDate = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, FIRMWARE_FIELDS)) {
        case 0 /* manufacturer */ -> manufacturer = string(p, t);
        case 1 /* version */ -> version = string(p, t);
        case 2 /* releaseDate */ -> releaseDate = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new ComputerSystem.Firmware(manufacturer, version, releaseDate);
  }

  private static OperatingSystem os(JsonParser p) throws IOException {
    String family = null;
    String name = null;
    String version = null;
    String build = null;
    String edition = null;
    Integer bitness = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, OS_FIELDS)) {
        case 0 /* family */ -> family = string(p, t);
        case 1 /* name */ -> name = string(p, t);
        case 2 /* version */ -> version = string(p, t);
        case 3 /* build */ -> build = string(p, t);
        case 4 /* edition */ -> edition = string(p, t);
        case 5 /* bitness */ -> bitness = integer(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new OperatingSystem(family, name, version, build, edition, bitness);
  }

  private static Processor cpu(JsonParser p) throws IOException {
    String name = null;
    String vendor = null;
    Integer family = null;
    Integer model = null;
    String microarchitecture = null;
    Integer physicalCores = null;
    Integer logicalCores = null;
    Long maxFrequencyHz = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, CPU_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* vendor */ -> vendor = string(p, t);
        case 2 /* family */ -> family = integer(p, t);
        case 3 /* model */ -> model = integer(p, t);
        case 4 /* microarchitecture */ -> microarchitecture = string(p, t);
        case 5 /* physicalCores */ -> physicalCores = integer(p, t);
        case 6 /* logicalCores */ -> logicalCores = integer(p, t);
        case 7 /* maxFrequencyHz */ -> maxFrequencyHz = longValue(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Processor(
        name,
        vendor,
        family,
        model,
        microarchitecture,
        physicalCores,
        logicalCores,
        maxFrequencyHz);
  }

  private static Memory memory(JsonParser p) throws IOException {
    Long totalBytes = null;
    List<Memory.MemoryModule> modules = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, MEMORY_FIELDS)) {
        case 0 /* totalBytes */ -> totalBytes = longValue(p, t);
        case 1 /* modules */ -> modules = list(p, t, SnapshotBinder::memoryModule);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Memory(totalBytes, modules);
  }

  private static Memory.MemoryModule memoryModule(JsonParser p, JsonToken start)
      throws IOException {
    if (!object(start)) {
      return null;
    }
    String bankLabel = null;
    Long capacityBytes = null;
    String type = null;
    Long clockSpeedHz = null;
    String manufacturer = null;
    String partNumber = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, MEMORY_MODULE_FIELDS)) {
        case 0 /* bankLabel */ -> bankLabel = string(p, t);
        case 1 /* capacityBytes */ -> capacityBytes = longValue(p, t);
        case 2 /* type */ -> type = string(p, t);
        case 3 /* clockSpeedHz */ -> clockSpeedHz = longValue(p, t);
        case 4 /* manufacturer */ -> manufacturer = string(p, t);
        case 5 /* partNumber */ -> partNumber = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Memory.MemoryModule(
        bankLabel, capacityBytes, type, clockSpeedHz, manufacturer, partNumber);
  }

  private static Storage storage(JsonParser p) throws IOException {
    List<Storage.Disk> disks = null;
    Storage.Volume systemVolume = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, STORAGE_FIELDS)) {
        case 0 /* disks */ -> disks = list(p, t, SnapshotBinder::disk);
        case 1 /* systemVolume */ -> systemVolume = object(t) ? volume(p) : null;
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Storage(disks, systemVolume);
  }

  private static Storage.Disk disk(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String model = null;
    String serial = null;
    Long sizeBytes = null;
    DiskType type = null;
    String typeReason = null;
    Boolean removable = null;
    Boolean system = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, DISK_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* model */ -> model = string(p, t);
        case 2 /* serial */ -> serial = string(p, t);
        case 3 /* sizeBytes */ -> sizeBytes = longValue(p, t);
        case 4 /* type */ -> {
          String text = string(p, t);
          type = text == null ? null : DiskType.valueOf(text);
        }
        case 5 /* typeReason */ -> typeReason = string(p, t);
        case 6 /* removable */ -> removable = bool(t);
        case 7 /* system */ -> system = bool(t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Storage.Disk(name, model, serial, sizeBytes, type, typeReason, removable, system);
  }

  private static Storage.Volume volume(JsonParser p) throws IOException {
    String mount = null;
    String fileSystem = null;
    Long totalBytes = null;
    Long freeBytes = null;
    String disk = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, VOLUME_FIELDS)) {
        case 0 /* mount */ -> mount = string(p, t);
        case 1 /* fileSystem */ -> fileSystem = string(p, t);
        case 2 /* totalBytes */ -> totalBytes = longValue(p, t);
        case 3 /* freeBytes */ -> freeBytes = longValue(p, t);
        case 4 /* disk */ -> disk = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Storage.Volume(mount, fileSystem, totalBytes, freeBytes, disk);
  }

  private static Peripherals peripherals(JsonParser p) throws IOException {
    List<Peripherals.Display> displays = null;
    List<Peripherals.Printer> printers = null;
    List<Peripherals.UsbDevice> usbDevices = null;
    List<Peripherals.NetworkInterface> networkInterfaces = null;
    List<Peripherals.PowerSource> powerSources = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, PERIPHERALS_FIELDS)) {
        case 0 /* displays */ -> displays = list(p, t, SnapshotBinder::display);
        case 1 /* printers */ -> printers = list(p, t, SnapshotBinder::printer);
        case 2 /* usbDevices */ -> usbDevices = list(p, t, SnapshotBinder::usbDevice);
        case 3 /* networkInterfaces */ ->
            networkInterfaces = list(p, t, SnapshotBinder::networkInterface);
        case 4 /* powerSources */ -> powerSources = list(p, t, SnapshotBinder::powerSource);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Peripherals(displays, printers, usbDevices, networkInterfaces, powerSources);
  }

  private static Peripherals.Display display(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String manufacturer = null;
    String model = null;
    Integer widthCm = null;
    Integer heightCm = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, DISPLAY_FIELDS)) {
        case 0 /* manufacturer */ -> manufacturer = string(p, t);
        case 1 /* model */ -> model = string(p, t);
        case 2 /* widthCm */ -> widthCm = integer(p, t);
        case 3 /* heightCm */ -> heightCm = integer(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Peripherals.Display(manufacturer, model, widthCm, heightCm);
  }

  private static Peripherals.Printer printer(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String driver = null;
    String port = null;
    Boolean isDefault = null;
    Boolean network = null;
    String status = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, PRINTER_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* driver */ -> driver = string(p, t);
        case 2 /* port */ -> port = string(p, t);
        case 3 /* isDefault */ -> isDefault = bool(t);
        case 4 /* network */ -> network = bool(t);
        case 5 /* status */ -> status = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Peripherals.Printer(name, driver, port, isDefault, network, status);
  }

  private static Peripherals.UsbDevice usbDevice(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String vendor = null;
    String vendorId = null;
    String productId = null;
    String serial = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, USB_DEVICE_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* vendor */ -> vendor = string(p, t);
        case 2 /* vendorId */ -> vendorId = string(p, t);
        case 3 /* productId */ -> productId = string(p, t);
        case 4 /* serial */ -> serial = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Peripherals.UsbDevice(name, vendor, vendorId, productId, serial);
  }

  private static Peripherals.NetworkInterface networkInterface(JsonParser p, JsonToken start)
      throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String displayName = null;
    String mac = null;
    List<String> ipv4 = null;
    List<String> ipv6 = null;
    Long speedBps = null;
    Boolean virtual = null;
    Boolean up = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, NETWORK_INTERFACE_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* displayName */ -> displayName = string(p, t);
        case 2 /* mac */ -> mac = string(p, t);
        case 3 /* ipv4 */ -> ipv4 = list(p, t, SnapshotBinder::string);
        case 4 /* ipv6 */ -> ipv6 = list(p, t, SnapshotBinder::string);
        case 5 /* speedBps */ -> speedBps = longValue(p, t);
        case 6 /* virtual */ -> virtual = bool(t);
        case 7 /* up */ -> up = bool(t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Peripherals.NetworkInterface(
        name, displayName, mac, ipv4, ipv6, speedBps, virtual, up);
  }

  private static Peripherals.PowerSource powerSource(JsonParser p, JsonToken start)
      throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String deviceName = null;
    String kind = null;
    Double remainingPercent = null;
    Boolean onLine = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, POWER_SOURCE_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* deviceName */ -> deviceName = string(p, t);
        case 2 /* kind */ -> kind = string(p, t);
        case 3 /* remainingPercent */ -> remainingPercent = doubleValue(p, t);
        case 4 /* onLine */ -> onLine = bool(t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Peripherals.PowerSource(name, deviceName, kind, remainingPercent, onLine);
  }

  private static AntivirusProduct antivirus(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    Boolean enabled = null;
    Boolean upToDate = null;
    Long productState = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, ANTIVIRUS_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* enabled */ -> enabled = bool(t);
        case 2 /* upToDate */ -> upToDate = bool(t);
        case 3 /* productState */ -> productState = longValue(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new AntivirusProduct(name, enabled, upToDate, productState);
  }

  private static LineMeasurement line(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String endpoint = null;
    String localAddress = null;
    String status = null;
    String reason = null;
    Integer streams = null;
    Double downloadMbps = null;
    Double uploadMbps = null;
    Double latencyMs = null;
    Double latencyMinMs = null;
    Double jitterMs = null;
    Double loadedLatencyMs = null;
    Long bytesMoved = null;
    Long durationMs = null;
    LineMeasurement.Transfer download = null;
    LineMeasurement.Transfer upload = null;
    List<Double> latencySamplesMs = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, LINE_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* endpoint */ -> endpoint = string(p, t);
        case 2 /* localAddress */ -> localAddress = string(p, t);
        case 3 /* status */ -> status = string(p, t);
        case 4 /* reason */ -> reason = string(p, t);
        case 5 /* streams */ -> streams = integer(p, t);
        case 6 /* downloadMbps */ -> downloadMbps = doubleValue(p, t);
        case 7 /* uploadMbps */ -> uploadMbps = doubleValue(p, t);
        case 8 /* latencyMs */ -> latencyMs = doubleValue(p, t);
        case 9 /* latencyMinMs */ -> latencyMinMs = doubleValue(p, t);
        case 10 /* jitterMs */ -> jitterMs = doubleValue(p, t);
        case 11 /* loadedLatencyMs */ -> loadedLatencyMs = doubleValue(p, t);
        case 12 /* bytesMoved */ -> bytesMoved = longValue(p, t);
        case 13 /* durationMs */ -> durationMs = longValue(p, t);
        case 14 /* download */ -> download = transfer(p, t);
        case 15 /* upload */ -> upload = transfer(p, t);
        case 16 /* latencySamplesMs */ ->
            latencySamplesMs = list(p, t, SnapshotBinder::doubleValue);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new LineMeasurement(
        name,
        endpoint,
        localAddress,
        status,
        reason,
        streams,
        downloadMbps,
        uploadMbps,
        latencyMs,
        latencyMinMs,
        jitterMs,
        loadedLatencyMs,
        bytesMoved,
        durationMs,
        download,
        upload,
        latencySamplesMs);
  }

  private static LineMeasurement.Transfer transfer(JsonParser p, JsonToken start)
      throws IOException {
    if (!object(start)) {
      return null;
    }
    Double mbps = null;
    Long bytes = null;
    Long windowMs = null;
    Long graceMs = null;
    Integer intervalMs = null;
    List<Double> intervalMbps = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, TRANSFER_FIELDS)) {
        case 0 /* mbps */ -> mbps = doubleValue(p, t);
        case 1 /* bytes */ -> bytes = longValue(p, t);
        case 2 /* windowMs */ -> windowMs = longValue(p, t);
        case 3 /* graceMs */ -> graceMs = longValue(p, t);
        case 4 /* intervalMs */ -> intervalMs = integer(p, t);
        case 5 /* intervalMbps */ -> intervalMbps = list(p, t, SnapshotBinder::doubleValue);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new LineMeasurement.Transfer(mbps, bytes, windowMs, graceMs, intervalMs, intervalMbps);
  }

  private static Diagnostics diagnostics(JsonParser p) throws IOException {
    Long durationMs = null;
    List<Diagnostics.Probe> probes = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, DIAGNOSTICS_FIELDS)) {
        case 0 /* durationMs */ -> durationMs = longValue(p, t);
        case 1 /* probes */ -> probes = list(p, t, SnapshotBinder::probe);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Diagnostics(durationMs, probes);
  }

  private static Diagnostics.Probe probe(JsonParser p, JsonToken start) throws IOException {
    if (!object(start)) {
      return null;
    }
    String name = null;
    String status = null;
    Long durationMs = null;
    String error = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      t = p.nextToken();
      switch (slot(field, PROBE_FIELDS)) {
        case 0 /* name */ -> name = string(p, t);
        case 1 /* status */ -> status = string(p, t);
        case 2 /* durationMs */ -> durationMs = longValue(p, t);
        case 3 /* error */ -> error = string(p, t);
        default -> throw new StreamingSchema.Violation();
      }
    }
    end(t);
    return new Diagnostics.Probe(name, status, durationMs, error);
  }

  // --- Field names ----------------------------------------------------------------------------

  /**
   * The index of a property name in a section's names, or -1. Jackson hands field names on interned
   * (as the literals here are), so a comparison by identity finds it; {@code equals} is the
   * fallback. A switch on the index keeps each section's compiled code small: a switch on the
   * string compiled a hash and a comparison per name into every section (a third of the JIT's work
   * on the binder in a check of 100,000 snapshots).
   */
  private static int slot(String name, String[] names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static final String[] READ_FIELDS = {
    "schemaVersion",
    "snapshotId",
    "takenAt",
    "agent",
    "unit",
    "machine",
    "computerSystem",
    "os",
    "cpu",
    "memory",
    "storage",
    "peripherals",
    "antivirus",
    "lines",
    "diagnostics"
  };

  private static final String[] AGENT_FIELDS = {"name", "version"};

  private static final String[] UNIT_FIELDS = {"code", "name", "level"};

  private static final String[] MACHINE_FIELDS = {
    "hostname", "machineId", "machineIdSource", "role", "tags"
  };

  private static final String[] COMPUTER_SYSTEM_FIELDS = {
    "manufacturer", "model", "serial", "chassis", "firmware", "bootMode", "secureBoot", "tpmVersion"
  };

  private static final String[] FIRMWARE_FIELDS = {"manufacturer", "version", "releaseDate"};

  private static final String[] OS_FIELDS = {
    "family", "name", "version", "build", "edition", "bitness"
  };

  private static final String[] CPU_FIELDS = {
    "name",
    "vendor",
    "family",
    "model",
    "microarchitecture",
    "physicalCores",
    "logicalCores",
    "maxFrequencyHz"
  };

  private static final String[] MEMORY_FIELDS = {"totalBytes", "modules"};

  private static final String[] MEMORY_MODULE_FIELDS = {
    "bankLabel", "capacityBytes", "type", "clockSpeedHz", "manufacturer", "partNumber"
  };

  private static final String[] STORAGE_FIELDS = {"disks", "systemVolume"};

  private static final String[] DISK_FIELDS = {
    "name", "model", "serial", "sizeBytes", "type", "typeReason", "removable", "system"
  };

  private static final String[] VOLUME_FIELDS = {
    "mount", "fileSystem", "totalBytes", "freeBytes", "disk"
  };

  private static final String[] PERIPHERALS_FIELDS = {
    "displays", "printers", "usbDevices", "networkInterfaces", "powerSources"
  };

  private static final String[] DISPLAY_FIELDS = {"manufacturer", "model", "widthCm", "heightCm"};

  private static final String[] PRINTER_FIELDS = {
    "name", "driver", "port", "isDefault", "network", "status"
  };

  private static final String[] USB_DEVICE_FIELDS = {
    "name", "vendor", "vendorId", "productId", "serial"
  };

  private static final String[] NETWORK_INTERFACE_FIELDS = {
    "name", "displayName", "mac", "ipv4", "ipv6", "speedBps", "virtual", "up"
  };

  private static final String[] POWER_SOURCE_FIELDS = {
    "name", "deviceName", "kind", "remainingPercent", "onLine"
  };

  private static final String[] ANTIVIRUS_FIELDS = {"name", "enabled", "upToDate", "productState"};

  private static final String[] LINE_FIELDS = {
    "name",
    "endpoint",
    "localAddress",
    "status",
    "reason",
    "streams",
    "downloadMbps",
    "uploadMbps",
    "latencyMs",
    "latencyMinMs",
    "jitterMs",
    "loadedLatencyMs",
    "bytesMoved",
    "durationMs",
    "download",
    "upload",
    "latencySamplesMs"
  };

  private static final String[] TRANSFER_FIELDS = {
    "mbps", "bytes", "windowMs", "graceMs", "intervalMs", "intervalMbps"
  };

  private static final String[] DIAGNOSTICS_FIELDS = {"durationMs", "probes"};

  private static final String[] PROBE_FIELDS = {"name", "status", "durationMs", "error"};

  // --- Values ----------------------------------------------------------------------------------

  /** An object starts here ({@code true}), or a {@code null} stands for it ({@code false}). */
  private static boolean object(JsonToken t) throws StreamingSchema.Violation {
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw new StreamingSchema.Violation();
  }

  /** The token after an object's last property must close it. */
  private static void end(JsonToken t) throws StreamingSchema.Violation {
    if (t != JsonToken.END_OBJECT) {
      throw new StreamingSchema.Violation();
    }
  }

  /**
   * A list, or {@code null}; the records copy it. A {@code null} element makes that copy fail, as
   * it does behind Jackson, and the thorough reader says so.
   */
  private static <T> List<T> list(JsonParser p, JsonToken start, Item<T> item) throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      return null;
    }
    if (start != JsonToken.START_ARRAY) {
      throw new StreamingSchema.Violation();
    }
    List<T> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new StreamingSchema.Violation();
      }
      out.add(item.read(p, t));
    }
    return out;
  }

  private static String string(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw new StreamingSchema.Violation();
  }

  private static Integer integer(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue(); // out of range: an exception, and the thorough reader
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw new StreamingSchema.Violation();
  }

  private static Long longValue(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw new StreamingSchema.Violation();
  }

  private static Double doubleValue(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw new StreamingSchema.Violation();
  }

  private static Boolean bool(JsonToken t) throws StreamingSchema.Violation {
    return switch (t) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new StreamingSchema.Violation();
    };
  }
}
