package dev.stook.k8s.testing.real;

import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

/**
 * What a test does when the control plane's binaries are missing: skip, saying so on stderr by name, or
 * fail where {@value #REQUIRED_VARIABLE} is set (as {@code .ci/run} does), so CI cannot pass without the tier.
 */
public final class RealServerAssumption {
    public static final String REQUIRED_VARIABLE = "STOOK_REQUIRE_REAL_API_SERVER";

    private RealServerAssumption() {
    }

    public static void check(String test) {
        Optional<String> unavailable = KubeAssets.unavailableReason();
        if (unavailable.isEmpty()) {
            return;
        }
        if (System.getenv(REQUIRED_VARIABLE) != null) {
            throw new IllegalStateException(test + " needs a real API server: " + unavailable.get());
        }
        System.err.println("SKIPPED " + test + ", a real-API-server test: " + unavailable.get());
        Assumptions.abort(unavailable.get());
    }
}
