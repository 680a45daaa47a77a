package shop.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * media-service (issue 8): {@code --users} products (default 1,000) × 2 PNG images of ~200 KB
 * uploaded through media-service (S3 + the reference in catalog-service), measuring upload
 * throughput; then what the references cost PostgreSQL ({@code pg_database_size} and the
 * {@code product_images} table) against the same image bytes as BYTEA in a scratch table
 * (created in a scratch schema, measured, dropped); then reads of a 200 KB image at a fixed
 * rate (p99; {@code --rate}, default 50 req/s) and at saturation ({@code --workers}). The uploaded images are deleted through the service at the end (object and
 * reference), so S3's disk does not grow run after run; the products stay.
 */
final class MediaScenario implements Scenario {

    private static final int DEFAULT_PORT = 8084;
    private static final int CATALOG_PORT = 8081;
    private static final int DEFAULT_PRODUCTS = 1000;
    private static final int IMAGES_PER_PRODUCT = 2;
    private static final int IMAGE_BYTES = 200 * 1024;
    private static final int DEFAULT_READ_RATE = 50;
    private static final int COPY_BATCH = 100;
    private static final String SCRATCH = "bench_media_scratch";
    private static final String ADMIN = UUID.randomUUID().toString();

    @Override
    public String name() {
        return "media";
    }

    @Override
    public String summary() {
        return "1,000 products x 2 images of 200 KB uploaded (throughput), PostgreSQL size with references vs BYTEA, "
                + "200 KB image reads at a fixed rate (p99)";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int port = args.servicePort() == 8086 ? DEFAULT_PORT : args.servicePort();
        int products = args.users() == 1_000_000 ? DEFAULT_PRODUCTS : args.users();
        int readRate = args.rate() == 1000 ? DEFAULT_READ_RATE : args.rate();
        int images = products * IMAGES_PER_PRODUCT;
        int side = MediaImages.sideFor(IMAGE_BYTES);
        Http media = new Http(port);
        Http catalog = new Http(CATALOG_PORT);
        MediaDatabase db = MediaDatabase.fromStack();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long seedBase = System.currentTimeMillis();

        System.err.printf("creating %,d products in catalog-service%n", products);
        List<String> productIds = new ArrayList<>();
        ProgressBar made = new ProgressBar("  products", products, System.err);
        for (int p = 0; p < products; p++) {
            productIds.add(createProduct(catalog, "bench-media-" + run + "-" + p));
            made.update(p + 1);
        }
        int imageSize = MediaImages.png(side, 0).length;
        report.line("media-service %s, catalog-service %s; %,d products x %d PNG images of %,d bytes (%dx%d random "
                + "pixels) = %,d images, %.1f MB; machine: %d cores", media.base(), catalog.base(), products,
                IMAGES_PER_PRODUCT, imageSize, side, side, images, images * (double) imageSize / 1e6,
                Runtime.getRuntime().availableProcessors());
        report.line("load average before: %s", Machine.loadAverage());

        String sizes = "select pg_database_size(current_database()) || ' ' || pg_total_relation_size('product_images')"
                + " || ' ' || (select count(*) from product_images)";
        long[] before = longs(db.value(sizes));

        // uploads: closed loop, each worker takes the next image until all are in
        AtomicReferenceArray<String> keys = new AtomicReferenceArray<>(images);
        Latencies uploads = new Latencies();
        AtomicInteger next = new AtomicInteger();
        System.err.printf("uploading %,d images with %d workers%n", images, args.workers());
        ProgressBar sent = new ProgressBar("  uploads", images, System.err);
        ExecutorService pool = Executors.newFixedThreadPool(args.workers());
        long start = System.nanoTime();
        for (int w = 0; w < args.workers(); w++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < images) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = null;
                    try {
                        byte[] png = MediaImages.png(side, seedBase + i);
                        response = media.send(media.request("/api/media/products/"
                                + productIds.get(i / IMAGES_PER_PRODUCT) + "/images")
                                .header("Content-Type", "image/png")
                                .header("X-User-Id", ADMIN).header("X-User-Roles", "admin")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(png)),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        // counted as an error below
                    }
                    // the sample is taken before the answer is read: parsing it is not the service's time
                    long latency = System.nanoTime() - t0;
                    boolean ok = false;
                    if (response != null && response.statusCode() == 201) {
                        try {
                            keys.set(i, JsonBody.of(response.body()).text("key"));
                            ok = true;
                        } catch (IllegalStateException e) {
                            // an answer without its key: counted as an error below
                        }
                    }
                    uploads.record("upload-200KB", latency, ok);
                    sent.update(next.get());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            if (keys.get(i) != null) {
                stored.add(i);
            }
        }
        report.phase(String.format("POST /api/media/products/{id}/images, %,d PNG images of %,d bytes, %d closed-loop "
                + "workers (latency = service time: spool + checks + S3 PUT + catalog registration)", images,
                imageSize, args.workers()), new Load.Result(uploads, uploadSeconds, 0, args.workers()));
        report.line("upload throughput: %.1f images/s, %.1f MB/s of image bytes; %,d stored, %,d failed",
                stored.size() / uploadSeconds, stored.size() * (double) imageSize / 1e6 / uploadSeconds,
                stored.size(), images - stored.size());

        long[] after = longs(db.value(sizes));
        System.err.println("storing the same bytes as BYTEA in " + SCRATCH + ".image_bytes");
        db.execute("drop schema if exists " + SCRATCH + " cascade");
        db.execute("create schema " + SCRATCH + "; create table " + SCRATCH
                + ".image_bytes (key text primary key, bytes bytea not null)");
        ProgressBar copied = new ProgressBar("  bytea", stored.size(), System.err);
        for (int from = 0; from < stored.size(); from += COPY_BATCH) {
            List<Map.Entry<String, byte[]>> rows = new ArrayList<>();
            for (int i : stored.subList(from, Math.min(stored.size(), from + COPY_BATCH))) {
                rows.add(new AbstractMap.SimpleEntry<>(keys.get(i), MediaImages.png(side, seedBase + i)));
            }
            db.copyBinary(SCRATCH + ".image_bytes", rows);
            copied.update(Math.min(stored.size(), from + COPY_BATCH));
        }
        db.execute("analyze " + SCRATCH + ".image_bytes");
        long withBytea = db.number("select pg_database_size(current_database())");
        long byteaTable = db.number("select pg_total_relation_size('" + SCRATCH + ".image_bytes')");
        long byteaToast = db.number("select pg_total_relation_size(reltoastrelid) from pg_class where oid = '"
                + SCRATCH + ".image_bytes'::regclass");
        db.execute("drop schema " + SCRATCH + " cascade");
        long dropped = db.number("select pg_database_size(current_database())");

        report.line("%n== PostgreSQL (database %s): references only vs the same images as BYTEA", "catalog");
        report.line("%-58s %16s %16s", "", "bytes", "MB");
        row(report, "pg_database_size before the uploads", before[0]);
        row(report, "pg_database_size with the references (after the uploads)", after[0]);
        row(report, "  product_images table, before (" + before[2] + " rows)", before[1]);
        row(report, "  product_images table, after (" + after[2] + " rows)", after[1]);
        row(report, "  growth of product_images for " + stored.size() + " references", after[1] - before[1]);
        row(report, "pg_database_size with the BYTEA scratch table too", withBytea);
        row(report, "  BYTEA table total (heap + TOAST + index)", byteaTable);
        row(report, "  of which TOAST", byteaToast);
        row(report, "pg_database_size after dropping the scratch schema", dropped);
        report.line("per image: reference %.0f bytes, BYTEA %.0f bytes (image %,d bytes); BYTEA / references = %.0fx",
                (after[1] - before[1]) / (double) stored.size(), byteaTable / (double) stored.size(), imageSize,
                byteaTable / (double) Math.max(1, after[1] - before[1]));
        report.line("(other engineers' tests write to the same database meanwhile: the product_images growth and "
                + "the BYTEA table size are the clean figures; the pg_database_size deltas include their writes)");

        Call read = i -> {
            String key = keys.get(stored.get(new SplittableRandom(i).nextInt(stored.size())));
            HttpResponse<Void> response = media.send(media.request("/api/media/" + key).GET(),
                    HttpResponse.BodyHandlers.discarding());
            return new Call.Outcome("get-200KB", response.statusCode() == 200
                    && response.headers().firstValueAsLong("Content-Length").orElse(-1) == imageSize);
        };
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", readRate, args.warmupSeconds());
            Load.fixedRate(read, readRate, args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("reads: %d req/s for %d s%n", readRate, args.durationSeconds());
        report.phase(String.format("GET /api/media/{key}, a random one of the %,d images (%,d bytes), fixed rate %d "
                + "req/s for %d s (latency from the intended send time to the last byte)", stored.size(), imageSize,
                readRate, args.durationSeconds()), Load.fixedRate(read, readRate, args.durationSeconds(), 32,
                System.err));
        System.err.printf("reads at saturation: %d workers for %d s%n", args.workers(), args.durationSeconds());
        report.phase(String.format("GET /api/media/{key} (%,d bytes), saturation, %d closed-loop workers for %d s "
                + "(latency = service time)", imageSize, args.workers(), args.durationSeconds()),
                Load.saturation(read, args.durationSeconds(), args.workers(), System.err));

        System.err.printf("deleting the %,d images (object and reference)%n", stored.size());
        AtomicInteger deleted = new AtomicInteger();
        ExecutorService cleaners = Executors.newFixedThreadPool(8);
        for (int i : stored) {
            cleaners.execute(() -> {
                try {
                    HttpResponse<Void> response = media.send(media.request("/api/media/" + keys.get(i))
                            .header("X-User-Id", ADMIN).header("X-User-Roles", "admin").DELETE(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 204) {
                        deleted.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println("delete " + keys.get(i) + ": " + e);
                }
            });
        }
        cleaners.shutdown();
        cleaners.awaitTermination(30, TimeUnit.MINUTES);
        report.line("%ncleanup: %,d of %,d images deleted through DELETE /api/media/{key}", deleted.get(),
                stored.size());
        report.line("load average after: %s", Machine.loadAverage());
    }

    private static void row(Report report, String label, long bytes) {
        report.line("%-58s %,16d %16.1f", label, bytes, bytes / 1e6);
    }

    private static long[] longs(String line) {
        String[] parts = line.trim().split("\\s+");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return values;
    }

    private static String createProduct(Http http, String sku) throws Exception {
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"Bench camera " + sku + "\",\"description\":\"media load run\","
                + "\"brand\":\"Bench\",\"price\":19.99,\"tags\":[\"bench\"],\"stock\":1}";
        HttpResponse<String> response = http.send(http.request("/api/products")
                .header("Content-Type", "application/json").header("X-User-Id", ADMIN).header("X-User-Roles", "admin")
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/products: " + response.statusCode() + " " + response.body());
        }
        return JsonBody.of(response.body()).text("id");
    }
}
