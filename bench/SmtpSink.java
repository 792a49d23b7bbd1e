import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' SMTP server: accepts every message on loopback, without TLS or authentication, and
 * writes each one accepted, whole, as {@code <n>.eml} in a folder before answering 250, so that a
 * message sent twice is two files. Usage: java bench/SmtpSink.java <port> <folder>
 */
public class SmtpSink {

    private static final AtomicLong RECEIVED = new AtomicLong();

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[1]));
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 256, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                new Thread(() -> serve(socket, folder)).start();
            }
        }
    }

    private static void serve(Socket socket, Path folder) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 localhost SmtpSink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 localhost");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        ByteArrayOutputStream message = new ByteArrayOutputStream();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            message.write((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
                            message.write('\r');
                            message.write('\n');
                        }
                        if (line == null) {
                            return;
                        }
                        long n = RECEIVED.incrementAndGet();
                        Path partial = folder.resolve(n + ".part");
                        Files.write(partial, message.toByteArray());
                        Files.move(partial, folder.resolve(n + ".eml"), StandardCopyOption.ATOMIC_MOVE);
                        reply(out, "250 accepted as " + n);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the sender went away mid-conversation (killed): nothing was accepted
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
