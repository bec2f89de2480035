package dev.stook.k8s.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text scrape. */
final class Scrape {
    private Scrape() {}

    /** The value of the series written exactly as given (name and labels), or NaN when absent. */
    static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
