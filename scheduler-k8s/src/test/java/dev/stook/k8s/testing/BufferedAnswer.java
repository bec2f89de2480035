package dev.stook.k8s.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The API server's whole answer to one request, read before any of it is passed on. */
record BufferedAnswer(HttpHead head, byte[] rest) {
    int status() {
        return head.status();
    }

    void writeTo(OutputStream out) throws IOException {
        head.writeTo(out);
        out.write(rest);
        out.flush();
    }

    /** The body without its chunked framing, if it had one. */
    byte[] body() throws IOException {
        boolean endsWithTheConnection = head.header("Content-Length") == null
                && !head.headerHasToken("Transfer-Encoding", "chunked");
        return endsWithTheConnection ? rest : head.readBody(new ByteArrayInputStream(rest));
    }
}
