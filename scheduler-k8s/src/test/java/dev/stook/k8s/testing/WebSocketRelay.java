package dev.stook.k8s.testing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Copies a WebSocket's server-to-client frames, whole, from the API server to the client, so that another
 * thread can slip a last text message and a close frame in between two messages. Once silenced, it reads
 * the server's messages and drops them, as a connection broken without either side noticing would.
 */
final class WebSocketRelay {
    private static final int FIN = 0x80;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_CONTINUATION = 0x0;

    private final InputStream fromServer;
    private final OutputStream toClient;
    /** Held while a frame is written, and from a fragmented message's first frame to its last. */
    private final ReentrantLock writing = new ReentrantLock();
    private boolean ended;
    private volatile boolean silenced;

    WebSocketRelay(InputStream fromServer, OutputStream toClient) {
        this.fromServer = fromServer;
        this.toClient = toClient;
    }

    /** Relays frames until either side closes or {@link #endWith} was called. */
    void run() throws IOException {
        byte[] buffer = new byte[8192];
        boolean midMessage = false;
        boolean droppingMessage = false;
        while (true) {
            int b0 = fromServer.read();
            if (b0 < 0) {
                return;
            }
            int b1 = readByte();
            long length = b1 & 0x7f;
            int extra = length == 126 ? 2 : length == 127 ? 8 : 0;
            byte[] head = new byte[2 + extra + ((b1 & 0x80) != 0 ? 4 : 0)];
            head[0] = (byte) b0;
            head[1] = (byte) b1;
            for (int i = 2; i < head.length; i++) {
                head[i] = (byte) readByte();
            }
            if (extra > 0) {
                length = 0;
                for (int i = 2; i < 2 + extra; i++) {
                    length = (length << 8) | (head[i] & 0xff);
                }
            }
            int opcode = b0 & 0x0f;
            boolean dataFrame = opcode == OPCODE_CONTINUATION || opcode < OPCODE_CLOSE;
            if (dataFrame && !midMessage) {
                droppingMessage = silenced;
            }
            boolean drop = dataFrame && droppingMessage;
            if (!midMessage) {
                writing.lock();
            }
            try {
                if (ended) {
                    return;
                }
                if (!drop) {
                    toClient.write(head);
                }
                for (long left = length; left > 0; ) {
                    int n = fromServer.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new EOFException("stream ended inside a WebSocket frame");
                    }
                    if (!drop) {
                        toClient.write(buffer, 0, n);
                    }
                    left -= n;
                }
                toClient.flush();
                if (dataFrame) {
                    midMessage = (b0 & FIN) == 0;
                }
            } finally {
                if (!midMessage) {
                    writing.unlock();
                }
            }
        }
    }

    /**
     * From the next message on, the server's messages are dropped; control frames (ping, pong, close) still
     * pass.
     */
    void silence() {
        silenced = true;
    }

    /**
     * Sends {@code text} as the last message and closes the WebSocket normally; frames the server sends after
     * are not relayed. False if the relay had ended, or is inside a fragmented message that did not finish soon.
     */
    boolean endWith(String text) {
        try {
            if (!writing.tryLock(1, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (ended) {
                return false;
            }
            ended = true;
            writeFrame(OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
            writeFrame(OPCODE_CLOSE, new byte[] {(byte) (1000 >> 8), (byte) (1000 & 0xff)});
            toClient.flush();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            writing.unlock();
        }
    }

    /** A frame as a server sends it: final, unmasked. */
    private void writeFrame(int opcode, byte[] payload) throws IOException {
        toClient.write(FIN | opcode);
        if (payload.length < 126) {
            toClient.write(payload.length);
        } else if (payload.length <= 0xffff) {
            toClient.write(126);
            toClient.write(payload.length >> 8);
            toClient.write(payload.length & 0xff);
        } else {
            toClient.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                toClient.write((int) (((long) payload.length >> shift) & 0xff));
            }
        }
        toClient.write(payload);
    }

    private int readByte() throws IOException {
        int b = fromServer.read();
        if (b < 0) {
            throw new EOFException("stream ended inside a WebSocket frame head");
        }
        return b;
    }
}
