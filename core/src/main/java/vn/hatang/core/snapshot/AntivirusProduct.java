package vn.hatang.core.snapshot;

/**
 * An antivirus product registered with the OS (Windows Security Center).
 *
 * @param name display name
 * @param enabled whether real-time protection is on
 * @param upToDate whether signatures are up to date
 * @param productState the raw Security Center product state, for diagnosis
 */
public record AntivirusProduct(String name, Boolean enabled, Boolean upToDate, Long productState) {}
