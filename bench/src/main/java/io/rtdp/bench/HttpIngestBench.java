package io.rtdp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rtdp.embedded.net.Ports;

/**
 * HTTP ingest under a load of concurrent clients (a Java load client, HTTP/1.1 keep-alive): events
 * per second acknowledged with 202, and the latency of each request until its 202, which is the
 * time until Kafka acknowledged all its events.
 */
final class HttpIngestBench {
    private HttpIngestBench() {
    }

    record Result(long events, long requests, long refused, long[] latenciesNanos) {
    }

    static void run(BenchPlatform platform, int clients, Duration duration) throws Exception {
        platform.createTopics(List.of("bench-ingest"));
        int port = Ports.free();
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.rtdp.connectors.ingest.HttpIngestSourceConnector");
        config.put("tasks.max", "1");
        config.put("http.port", Integer.toString(port));
        config.put("http.bind.address", "127.0.0.1");
        config.put("http.threads", Integer.toString(clients));
        config.put("http.routes", "/readings=bench-ingest");
        config.put("key.field", "device_id");
        config.put("buffer.max.records", "100000");
        config.put("batch.size", "2000");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("producer.override.linger.ms", System.getProperty("bench.linger.ms", "5"));
        config.put("producer.override.max.in.flight.requests.per.connection", System.getProperty("bench.max.in.flight", "1"));
        platform.createConnector("bench-ingest", config);
        String url = "http://127.0.0.1:" + port + "/readings";

        load(url, clients, 1, Duration.ofSeconds(3));
        long before = platform.endOffset("bench-ingest");
        for (int eventsPerRequest : new int[] {1, 50}) {
            Result r = load(url, clients, eventsPerRequest, duration);
            long[] lat = r.latenciesNanos();
            Arrays.sort(lat);
            System.out.printf("http-ingest: %d clients, %d event(s)/request, %ds: %.0f events/s, %.0f requests/s, "
                            + "ack latency p50=%.1f ms p99=%.1f ms max=%.1f ms, 503s=%d%n",
                    clients, eventsPerRequest, duration.toSeconds(), r.events() / (double) duration.toSeconds(),
                    r.requests() / (double) duration.toSeconds(), pct(lat, 0.50), pct(lat, 0.99), lat[lat.length - 1] / 1e6, r.refused());
            long written = platform.endOffset("bench-ingest") - before;
            before += written;
            if (written < r.events()) {
                throw new IllegalStateException("acknowledged " + r.events() + " events but only " + written + " are in Kafka");
            }
        }
    }

    private static Result load(String url, int clients, int eventsPerRequest, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Result>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                long events = 0;
                long requests = 0;
                long refused = 0;
                long[] latencies = new long[1 << 16];
                int n = 0;
                StringBuilder body = new StringBuilder();
                while (System.nanoTime() < end) {
                    body.setLength(0);
                    for (int i = 0; i < eventsPerRequest; i++) {
                        body.append("{\"device_id\":\"device-").append(client).append('-').append(i)
                                .append("\",\"site\":\"plant-north\",\"temperature\":21.5,\"humidity\":45.2,\"battery\":88.1,\"status\":\"OK\",\"seq\":")
                                .append(requests).append("}\n");
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() == 202) {
                        events += eventsPerRequest;
                        requests++;
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    } else if (response.statusCode() == 503) {
                        refused++;
                    } else {
                        throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                    }
                }
                return new Result(events, requests, refused, Arrays.copyOf(latencies, n));
            }));
        }
        long events = 0;
        long requests = 0;
        long refused = 0;
        List<long[]> all = new ArrayList<>();
        for (Future<Result> f : results) {
            Result r = f.get();
            events += r.events();
            requests += r.requests();
            refused += r.refused();
            all.add(r.latenciesNanos());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(events, requests, refused, merged);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
