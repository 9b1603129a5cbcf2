package org.skillgraph.model;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Framework versions ({@code owl:versionInfo}) in order, wherever "the newest version" is chosen. */
public final class Versions {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private Versions() {
    }

    /** {@code v.26.05} &lt; {@code v.26.9} &lt; {@code v.26.10} &lt; {@code v.27.01}: numbers compared as numbers. */
    public static int compare(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        while (true) {
            boolean fa = ma.find();
            boolean fb = mb.find();
            if (!fa || !fb) {
                return fa ? 1 : fb ? -1 : a.compareTo(b);
            }
            int c = new BigInteger(ma.group()).compareTo(new BigInteger(mb.group()));
            if (c != 0) {
                return c;
            }
        }
    }
}
