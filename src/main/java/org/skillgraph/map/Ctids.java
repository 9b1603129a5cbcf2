package org.skillgraph.map;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * CTIDs ({@code ce-} + a lowercase UUID) derived as UUID v5 (RFC 9562, SHA-1) over a stable key, so the
 * same thing keeps its CTID across re-imports, machines, deployments (the base URI is not part of the
 * key) and framework versions (the version segment is not part of the key either).
 */
public final class Ctids {
    /** The name space of skillgraph's CTIDs: UUID v5 of the URL name space and our ontology's IRI. */
    static final UUID NAMESPACE = uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "https://w3id.org/skillgraph/ctid");

    private Ctids() {
    }

    /** The CTID of a key such as {@code framework/29-2011.00/occupational/level/emerging}. */
    public static String of(String key) {
        return "ce-" + uuid5(NAMESPACE, key);
    }

    /** UUID version 5 (RFC 9562: SHA-1 over the name space's bytes and the UTF-8 name). */
    public static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16);
            ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
