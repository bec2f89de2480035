package dev.stook.k8s.auth;

/** The API server could not be asked about a caller; the request is refused and nothing is cached. */
public final class ReviewUnavailable extends RuntimeException {
    public ReviewUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
