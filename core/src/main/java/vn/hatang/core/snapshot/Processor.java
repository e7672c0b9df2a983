package vn.hatang.core.snapshot;

/**
 * The processor.
 *
 * @param name marketing name ({@code Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz})
 * @param vendor {@code GenuineIntel}, {@code AuthenticAMD}, ...
 * @param family CPU family number (decimal)
 * @param model CPU model number (decimal)
 * @param microarchitecture microarchitecture name where known ({@code Coffee Lake})
 * @param physicalCores physical cores
 * @param logicalCores logical processors
 * @param maxFrequencyHz maximum (nominal) frequency in hertz, {@code null} when unreadable
 */
public record Processor(
    String name,
    String vendor,
    Integer family,
    Integer model,
    String microarchitecture,
    Integer physicalCores,
    Integer logicalCores,
    Long maxFrequencyHz) {}
