package org.linfenatlas.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request's Accept-Encoding (RFC 9110 §12.5.3) lets this server send gzip, the one content
 * coding it makes. The only reading of that header: the routes, {@link FastPathHandler}, {@link Reply}
 * and the page's files ({@code web.WebFiles}) all ask here.
 *
 * <ul>
 *   <li>gzip (or its alias x-gzip) is acceptable when listed with a qvalue above 0, or, when not listed,
 *       when {@code *} is, with a qvalue above 0: {@code gzip;q=0} and {@code *;q=0} refuse it.</li>
 *   <li>The plain form (identity) is acceptable unless {@code identity;q=0}, or {@code *;q=0} without an
 *       entry for identity, says otherwise.</li>
 *   <li>gzip is sent when acceptable and preferred at least as much as the plain form, whose preference is
 *       its own entry's qvalue, else that of {@code *}, else the least (a tie goes to gzip, the smaller
 *       answer): {@code gzip;q=0.5} alone gets gzip, {@code gzip;q=0.5, identity} the plain form. When
 *       neither is acceptable the plain form is sent, as the RFC lets a server do, rather than a 406.</li>
 *   <li>No header, an empty one, or a malformed qvalue (that entry is ignored): plain.</li>
 * </ul>
 *
 * <p>Javalin compresses the few answers that its routes write themselves (history, change feed, sign-in)
 * only for a bare {@code gzip} token, never for one with parameters: a subset of what this class allows,
 * so it never sends gzip where this class would refuse it ({@code AcceptEncodingTest} holds it to that).
 */
public final class AcceptEncoding {
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private AcceptEncoding() {
    }

    /** Whether to send the gzip form. */
    public static boolean gzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (String entry : header.split(",")) {
            int semicolon = entry.indexOf(';');
            String coding = (semicolon < 0 ? entry : entry.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            if (coding.isEmpty()) {
                continue;
            }
            double q = semicolon < 0 ? 1 : qvalue(entry.substring(semicolon + 1));
            if (Double.isNaN(q)) {
                continue;
            }
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "identity" -> identity = Math.max(identity, q);
                case "*" -> any = Math.max(any, q);
                default -> {
                }
            }
        }
        double gzipQ = gzip >= 0 ? gzip : Math.max(any, 0);
        double identityQ = identity >= 0 ? identity : Math.max(any, 0); // unlisted: acceptable, but preferred least
        return gzipQ > 0 && gzipQ >= identityQ;
    }

    /** The q parameter among an entry's parameters: 1 without one, NaN when it is not a qvalue (0 to 1, three decimals). */
    private static double qvalue(String parameters) {
        double q = 1;
        for (String parameter : parameters.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("q")) {
                continue;
            }
            String value = parameter.substring(equals + 1).strip();
            if (!QVALUE.matcher(value).matches()) {
                return Double.NaN;
            }
            q = Double.parseDouble(value);
        }
        return q;
    }
}
