import com.sun.net.httpserver.HttpServer;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's webhook receiver: answers 204 to every POST on loopback and writes one line per
 * delivery, "<arrival ms> <event ms>", the event's time being the payload's "timestamp". The file is
 * appended to, so that the script may empty it between phases.
 * Usage: java bench/WebhookReceiver.java <port> <file>
 */
public class WebhookReceiver {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        PrintWriter out = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8, true), true);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 256);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long arrived = System.currentTimeMillis();
            Matcher matcher = TIMESTAMP.matcher(body);
            if (matcher.find()) {
                long event = Instant.parse(matcher.group(1)).toEpochMilli();
                synchronized (out) {
                    out.println(arrived + " " + event);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }
}
