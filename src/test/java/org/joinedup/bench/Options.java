package org.joinedup.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Command-line options of the benchmark mains: {@code --name value} pairs over defaults. */
record Options(Map<String, String> values) {

    static Options parse(String[] args, Map<String, String> defaults) {
        var values = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            values.put(args[i], args[i + 1]);
        }
        return new Options(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String value(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    int integer(String name) {
        return Integer.parseInt(value(name));
    }

    double decimal(String name) {
        return Double.parseDouble(value(name));
    }
}
