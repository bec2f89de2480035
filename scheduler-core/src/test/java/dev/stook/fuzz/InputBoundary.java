package dev.stook.fuzz;

import java.util.function.Predicate;

/**
 * The contract at a parsing boundary: the call returns, or throws the documented invalid-input exception
 * with a message a user can act on (not blank, short lines, at most a few of them, naming the field). Any
 * other throwable (NullPointerException, NumberFormatException, StackOverflowError, OutOfMemoryError...)
 * fails the case.
 */
public final class InputBoundary {
    public static final int MAX_LINE = 500;
    public static final int MAX_LINES = 25;

    private final Class<? extends RuntimeException> documented;
    private final Predicate<String> namesField;
    private final String fieldDescription;

    /**
     * @param namesField holds for a message line that names the key, field or line at fault
     * @param fieldDescription what {@code namesField} looks for, for failure reports
     */
    public InputBoundary(Class<? extends RuntimeException> documented, Predicate<String> namesField,
                         String fieldDescription) {
        this.documented = documented;
        this.namesField = namesField;
        this.fieldDescription = fieldDescription;
    }

    /** Runs the call on the case's input; throws {@link AssertionError} describing the case if it breaks the contract. */
    public void check(FuzzCase fuzzCase, Runnable call) {
        try {
            call.run();
        } catch (Throwable thrown) {
            if (!documented.isInstance(thrown)) {
                throw new AssertionError("escaped " + thrown.getClass().getName() + " (expected only "
                        + documented.getSimpleName() + ") on " + fuzzCase.describe(), thrown);
            }
            String problem = messageProblem(thrown.getMessage());
            if (problem != null) {
                throw new AssertionError(problem + " on " + fuzzCase.describe(), thrown);
            }
        }
    }

    private String messageProblem(String message) {
        if (message == null || message.isBlank()) {
            return "blank message";
        }
        String[] lines = message.split("\n");
        if (lines.length > MAX_LINES) {
            return "message of " + lines.length + " lines (at most " + MAX_LINES + ")";
        }
        for (String line : lines) {
            if (line.length() > MAX_LINE) {
                return "message line of " + line.length() + " chars (at most " + MAX_LINE + "): "
                        + line.substring(0, 120) + "…";
            }
            if (!namesField.test(line)) {
                return "message line does not name " + fieldDescription + ": \"" + line + "\"";
            }
        }
        return null;
    }
}
