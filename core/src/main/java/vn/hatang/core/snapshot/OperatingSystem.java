package vn.hatang.core.snapshot;

/**
 * The operating system.
 *
 * @param family {@code Windows}, {@code Linux}, {@code macOS}, ...
 * @param name full product name ({@code Microsoft Windows 11 Pro}, {@code Debian GNU/Linux 12})
 * @param version marketing version ({@code 23H2}, {@code 10}, {@code 12})
 * @param build build number ({@code 22631.4460}) or kernel release on Linux
 * @param edition edition ({@code Professional}, {@code Enterprise}, {@code Core}); {@code null}
 *     where the OS has none
 * @param bitness 32 or 64
 */
public record OperatingSystem(
    String family, String name, String version, String build, String edition, Integer bitness) {}
