package dev.stook.core.queue;

import dev.stook.core.model.InputText;

import java.util.regex.Pattern;

/** A namespace pattern where {@code *} matches any run of characters and {@code ?} one character. */
public record NamespaceGlob(String pattern) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9*?]([-a-z0-9*?]{0,62})");

    public NamespaceGlob {
        if (pattern == null || !VALID.matcher(pattern).matches()) {
            throw new IllegalArgumentException("invalid namespace pattern " + InputText.quote(pattern)
                    + ": use lowercase letters, digits, '-', and the wildcards * and ?");
        }
    }

    public boolean matches(String namespace) {
        return matches(pattern, 0, namespace, 0);
    }

    private static boolean matches(String glob, int g, String text, int t) {
        while (g < glob.length()) {
            char c = glob.charAt(g);
            if (c == '*') {
                for (int skip = t; skip <= text.length(); skip++) {
                    if (matches(glob, g + 1, text, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            g++;
            t++;
        }
        return t == text.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
