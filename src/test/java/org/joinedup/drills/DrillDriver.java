package org.joinedup.drills;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drills' load and checks, driven from the drill scripts under drills/:
 * {@code DrillDriver SUBCOMMAND --key value ...}. Every check prints what it found and exits 1
 * when a promise is broken.
 */
public final class DrillDriver {

    private DrillDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: DrillDriver writes|verify|edits|searches|smoke|fuzz|load|claimed --key value ...");
        }
        var options = options(Arrays.copyOfRange(args, 1, args.length));
        var bases = List.of(options.getOrDefault("bases", options.getOrDefault("base", "http://127.0.0.1:8095")).split(","));
        if (args[0].equals("claimed")) {
            // the outbox counters are metrics, on each copy's management interface: nothing to sign in to
            System.exit(OutboxWork.report(bases) ? 0 : 1);
        }
        var admin = Api.signIn(bases.get(0), options.getOrDefault("user", "demo-admin"), options.get("password"));
        boolean kept = switch (args[0]) {
            case "writes" -> new SteadyWrites(admin, bases, options).run();
            case "verify" -> new IndexAgreement(admin, options).run();
            case "edits" -> new RacingEdits(admin, bases, options).run();
            case "searches" -> new SearchLoad(admin, bases, options).run();
            case "smoke" -> new SearchSmoke(admin, options).run();
            case "fuzz" -> new BadInput(admin, options).run();
            case "load" -> new MixedLoad(admin, options).run();
            default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
        };
        System.exit(kept ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static int intOption(Map<String, String> options, String key, int fallback) {
        return Integer.parseInt(options.getOrDefault(key, String.valueOf(fallback)));
    }
}
