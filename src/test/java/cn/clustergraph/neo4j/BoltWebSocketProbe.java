package cn.clustergraph.neo4j;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * What a web page on another site can do with the embedded Bolt port: a browser's WebSocket upgrade (with that site's
 * {@code Origin}) followed by Bolt's handshake and a HELLO without credentials — the exact bytes a page would send,
 * from a raw socket. Answers the HELLO's reply: {@link #SUCCESS} (it could now run Cypher) or {@link #FAILURE}.
 */
final class BoltWebSocketProbe {

    static final int SUCCESS = 0x70;
    static final int FAILURE = 0x7F;

    private static final SecureRandom RANDOM = new SecureRandom();

    private BoltWebSocketProbe() {
    }

    /** The HTTP status of the upgrade and, when it was 101, the signature of the reply to HELLO. */
    record Outcome(int upgradeStatus, int helloReply) {
    }

    static Outcome hello(int port, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(in);
            int status = Integer.parseInt(head.split(" ")[1]);
            if (status != 101) {
                return new Outcome(status, -1);
            }
            // Bolt handshake: magic, then versions 5.0 and 4.4 (both carry credentials in HELLO)
            sendFrame(out, new byte[]{0x60, 0x60, (byte) 0xB0, 0x17, 0, 0, 0, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0});
            byte[] version = readPayload(in, 4);
            if (version[3] == 0) {
                throw new IllegalStateException("the server accepted none of the offered Bolt versions");
            }
            // HELLO {user_agent: "evil/1.0", scheme: "none"} in one chunk
            ByteArrayOutputStream msg = new ByteArrayOutputStream();
            msg.write(new byte[]{(byte) 0xB1, 0x01, (byte) 0xA2});
            tinyString(msg, "user_agent");
            tinyString(msg, "evil/1.0");
            tinyString(msg, "scheme");
            tinyString(msg, "none");
            byte[] body = msg.toByteArray();
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            chunk.write(body.length >> 8);
            chunk.write(body.length & 0xFF);
            chunk.write(body);
            chunk.write(new byte[]{0, 0});
            sendFrame(out, chunk.toByteArray());
            byte[] reply = readPayload(in, 4);
            // [chunk size: 2 bytes] [B1 = structure of one field] [signature]
            return new Outcome(status, reply[3] & 0xFF);
        }
    }

    private static void tinyString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x80 | b.length);
        out.writeBytes(b);
    }

    private static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** A masked binary frame, as browsers send. */
    private static void sendFrame(OutputStream out, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        out.write(0x82);
        out.write(0x80 | payload.length);
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    /** Payload bytes of the server's frames until at least {@code n} are in. */
    private static byte[] readPayload(DataInputStream in, int n) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < n) {
            in.readUnsignedByte();
            int len = in.readUnsignedByte() & 0x7F;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = (int) in.readLong();
            }
            byte[] payload = new byte[len];
            in.readFully(payload);
            data.writeBytes(payload);
        }
        return data.toByteArray();
    }
}
