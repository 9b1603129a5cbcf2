package org.skillgraph.model;

/**
 * Where a document came from and under which terms.
 *
 * @param fileName the file name as given (no directories)
 * @param sha256 hex SHA-256 of the file's bytes
 * @param format the detected format
 * @param generator the tool that produced the document ({@code LER.me}), or {@code null}
 * @param schemaVersion the export's schema version, or {@code null}
 * @param exportedAt the export's ISO timestamp, or {@code null}
 * @param onetVersion O*NET release the document is based on ({@code v30.2}), or {@code null}
 * @param onetLicense licence of the O*NET data ({@code CC BY 4.0}), or {@code null}
 * @param attribution the attribution line ({@code © EBSCOed}), or {@code null}
 * @param crosswalk the crosswalk site named by the document, or {@code null}
 */
public record Provenance(String fileName, String sha256, SourceFormat format, String generator,
                         String schemaVersion, String exportedAt, String onetVersion, String onetLicense,
                         String attribution, String crosswalk) {
}
