package org.refocus.measures.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every instrument version the application knows, validated once at start-up. Immutable and
 * thread-safe; the Spring layer can hold one as a bean.
 *
 * <p>Definitions are listed, one file name a line, in {@code index.txt} beside them, because a plain
 * class loader cannot list a directory inside a jar.
 */
public final class InstrumentCatalogue {

    public static final String DEFAULT_DIRECTORY = "instruments/definitions";

    private final Map<String, Map<String, InstrumentDefinition>> byCodeAndVersion;

    private InstrumentCatalogue(Map<String, Map<String, InstrumentDefinition>> byCodeAndVersion) {
        this.byCodeAndVersion = byCodeAndVersion;
    }

    /** Loads the definitions shipped with the application. */
    public static InstrumentCatalogue loadDefault() {
        return load(InstrumentCatalogue.class.getClassLoader(), DEFAULT_DIRECTORY);
    }

    /**
     * Loads every definition named in {@code directory/index.txt} on the class path.
     *
     * @throws InvalidInstrumentException listing every problem in every file, when any is invalid
     */
    public static InstrumentCatalogue load(ClassLoader loader, String directory) {
        String indexPath = directory + "/index.txt";
        List<String> files = new ArrayList<>();
        try (InputStream index = loader.getResourceAsStream(indexPath)) {
            if (index == null) {
                throw new InvalidInstrumentException(indexPath, List.of("not found on the class path"));
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    files.add(name);
                }
            }
        } catch (IOException e) {
            throw new InvalidInstrumentException(indexPath, List.of("could not be read: " + e.getMessage()));
        }
        List<InstrumentDefinition> definitions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            String path = directory + "/" + file;
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                problems.add(path + ": listed in index.txt but not found");
                continue;
            }
            try {
                definitions.add(InstrumentDefinitionParser.parse(in, path));
            } catch (InvalidInstrumentException e) {
                e.problems().forEach(p -> problems.add(path + ": " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstrumentException(directory, problems);
        }
        return of(definitions);
    }

    /**
     * Builds a catalogue from definitions already in memory, validating each and the set as a whole:
     * no code and version twice, and exactly one current (not superseded) version per code.
     */
    public static InstrumentCatalogue of(Collection<InstrumentDefinition> definitions) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, InstrumentDefinition>> byCode = new LinkedHashMap<>();
        for (InstrumentDefinition definition : definitions) {
            DefinitionValidator.problems(definition).forEach(p -> problems.add(definition.reference() + ": " + p));
            Map<String, InstrumentDefinition> versions = byCode.computeIfAbsent(definition.code(),
                    c -> new LinkedHashMap<>());
            if (versions.putIfAbsent(definition.version(), definition) != null) {
                problems.add(definition.reference() + ": declared twice");
            }
        }
        byCode.forEach((code, versions) -> {
            long current = versions.values().stream().filter(d -> !d.superseded()).count();
            if (current != 1) {
                problems.add(code + ": needs exactly one current (not superseded) version, found " + current);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInstrumentException("instrument catalogue", problems);
        }
        Map<String, Map<String, InstrumentDefinition>> frozen = new LinkedHashMap<>();
        byCode.forEach((code, versions) -> frozen.put(code, Map.copyOf(versions)));
        return new InstrumentCatalogue(Map.copyOf(frozen));
    }

    /** The current version of the instrument with this code. */
    public InstrumentDefinition get(String code) {
        return find(code).orElseThrow(() -> new NoSuchElementException("no instrument '" + code + "'"));
    }

    public Optional<InstrumentDefinition> find(String code) {
        Map<String, InstrumentDefinition> versions = byCodeAndVersion.get(code);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.values().stream().filter(d -> !d.superseded()).findFirst();
    }

    /** A specific version, current or superseded: stored responses are always scored on their own version. */
    public Optional<InstrumentDefinition> find(String code, String version) {
        Map<String, InstrumentDefinition> versions = byCodeAndVersion.get(code);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    public Set<String> codes() {
        return new TreeSet<>(byCodeAndVersion.keySet());
    }

    /** Current versions, ordered by code. */
    public List<InstrumentDefinition> current() {
        return codes().stream().map(this::get).toList();
    }

    /** Every version of every instrument, ordered by code then version. */
    public List<InstrumentDefinition> all() {
        return byCodeAndVersion.values().stream().flatMap(v -> v.values().stream())
                .sorted(Comparator.comparing(InstrumentDefinition::code).thenComparing(InstrumentDefinition::version))
                .toList();
    }
}
