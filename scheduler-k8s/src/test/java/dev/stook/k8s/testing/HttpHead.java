package dev.stook.k8s.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The head of an HTTP/1.1 message: its start line ({@code GET /path HTTP/1.1} or {@code HTTP/1.1 200 OK}) and
 * its header fields in order, read from and written to a stream; and the request bodies that come after it.
 */
final class HttpHead {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    final String startLine;
    private final List<Map.Entry<String, String>> fields;

    HttpHead(String startLine, List<Map.Entry<String, String>> fields) {
        this.startLine = startLine;
        this.fields = new ArrayList<>(fields);
    }

    /** The next head on the stream, or null if it ends before one starts. */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside an HTTP head");
            }
            bytes.write(b);
            if (bytes.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        return new HttpHead(lines[0], fields);
    }

    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** The request target: path and query. */
    String target() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    String path() {
        String target = target();
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    String query() {
        String target = target();
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query + 1);
    }

    /** The status code of a response head. */
    int status() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    String header(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    boolean headerHasToken(String name, String token) {
        String value = header(name);
        if (value == null) {
            return false;
        }
        for (String part : value.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    HttpHead without(String name) {
        fields.removeIf(field -> field.getKey().equalsIgnoreCase(name));
        return this;
    }

    HttpHead with(String name, String value) {
        without(name);
        fields.add(Map.entry(name, value));
        return this;
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        for (Map.Entry<String, String> field : fields) {
            head.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The body after this head, by Content-Length or chunked; empty if it has neither, as a request without one. */
    byte[] readBody(InputStream in) throws IOException {
        String length = header("Content-Length");
        if (length != null) {
            int size = Integer.parseInt(length);
            if (size > MAX_BODY_BYTES) {
                throw new IOException("request body of " + size + " bytes");
            }
            return in.readNBytes(size);
        }
        if (headerHasToken("Transfer-Encoding", "chunked")) {
            return readChunked(in);
        }
        return new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailer fields: not forwarded
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("chunked request body over " + MAX_BODY_BYTES + " bytes");
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("stream ended inside a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
            if (line.length() > 4096) {
                throw new IOException("chunk line too long");
            }
        }
        return line.toString();
    }

    HttpHead copy() {
        return new HttpHead(startLine, fields);
    }

    @Override
    public String toString() {
        return startLine;
    }
}
