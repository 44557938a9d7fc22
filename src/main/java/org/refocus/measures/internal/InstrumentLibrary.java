package org.refocus.measures.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.refocus.audit.AuditAction;
import org.refocus.audit.AuditOutcome;
import org.refocus.audit.AuditTrail;
import org.refocus.measures.instrument.InstrumentCatalogue;
import org.refocus.measures.instrument.InstrumentContent;
import org.refocus.measures.instrument.InstrumentContentParser;
import org.refocus.measures.instrument.InstrumentDefinition;
import org.refocus.measures.instrument.InstrumentDefinitionParser;
import org.refocus.shared.AuthenticatedActor;
import org.refocus.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The instrument versions and their wording, as stored. At start-up every definition file is stored
 * (or checked against what is stored: a version that has been answered, or whose rules scored stored
 * responses, is never edited, only superseded, so a changed definition of such a version stops the
 * start-up) and the shipped wording (QPR) is stored. Demo wording is stored with the demo data, directly,
 * as part of the installation; other wording is imported by an administrator, who makes it live from a
 * preview ({@link PendingContentImports}). A new version that asks the same questions with the same
 * answers as the version before it takes that version's wording ({@link CarriedOverWording}).
 */
@Service
public class InstrumentLibrary implements SmartInitializingSingleton {

    public static final String LANGUAGE = "en-GB";
    static final List<String> SHIPPED_CONTENT = List.of("instruments/content/qpr-en-GB.json");
    static final String DEMO_CONTENT = "instruments/content/demo-content.json";

    private static final Logger log = LoggerFactory.getLogger(InstrumentLibrary.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private volatile InstrumentCatalogue catalogue;
    private final Map<String, Long> versionIds = new ConcurrentHashMap<>();
    private final Map<Long, InstrumentDefinition> byId = new ConcurrentHashMap<>();
    private volatile List<String> order = List.of();

    InstrumentLibrary(InstrumentCatalogue catalogue, JdbcClient jdbc, TransactionTemplate transaction,
            AuditTrail audit) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** A stored version of an instrument. */
    public record StoredVersion(long id, InstrumentDefinition definition) {
    }

    /**
     * Wording as stored: where it came from, who imported it and when.
     *
     * @param carriedFromId the wording of the version before that this was carried over from, if it was
     */
    public record StoredContent(long id, long versionId, InstrumentContent content, String sourceFormat,
            Instant createdAt, Long createdBy, boolean current, Long carriedFromId) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> synchronise(definitionFiles()));
    }

    // ---------------------------------------------------------------- definitions

    public InstrumentCatalogue catalogue() {
        return catalogue;
    }

    /** The current version of an instrument; unknown codes are not found. */
    public StoredVersion current(String code) {
        InstrumentDefinition definition = catalogue.find(code).orElseThrow(() -> new NotFoundException("instrument"));
        return new StoredVersion(versionId(definition), definition);
    }

    public Optional<StoredVersion> find(String code, String version) {
        return catalogue.find(code, version).map(d -> new StoredVersion(versionId(d), d));
    }

    public StoredVersion version(long versionId) {
        InstrumentDefinition definition = byId.get(versionId);
        if (definition == null) {
            throw new NotFoundException("instrument version");
        }
        return new StoredVersion(versionId, definition);
    }

    /** The current version of every instrument, in the order of the definitions' index (QPR first). */
    public List<InstrumentDefinition> current() {
        List<String> codes = order;
        return catalogue.current().stream()
                .sorted(java.util.Comparator.comparingInt(d -> codes.indexOf(d.code()) < 0 ? Integer.MAX_VALUE
                        : codes.indexOf(d.code())))
                .toList();
    }

    /**
     * Every stored version known to this node, ordered by code then version (as published: "10" after "9"):
     * the same versions that {@link #version(long)} finds, so that a question asked of "all versions" never
     * misses one it can read.
     */
    public List<StoredVersion> all() {
        return byId.entrySet().stream().map(e -> new StoredVersion(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing((StoredVersion v) -> v.definition().code())
                        .thenComparing(v -> v.definition().version(), CarriedOverWording.VERSION_ORDER))
                .toList();
    }

    public long versionId(InstrumentDefinition definition) {
        Long id = versionIds.get(key(definition.code(), definition.version()));
        if (id == null) {
            throw new NoSuchElementException(definition.reference() + " is not stored");
        }
        return id;
    }

    /**
     * The version whose rules score a response answered on {@code answeredOnVersionId} when it is completed
     * or imported: its own, unless an administrator re-scored that version's responses with another
     * version's rules ({@link Rescoring}); then a response completed later is scored the same way, so that
     * it compares with the re-scored ones.
     */
    @Transactional(readOnly = true)
    public StoredVersion scoringVersion(long answeredOnVersionId) {
        return scoringVersion(answeredOnVersionId, "");
    }

    /**
     * {@link #scoringVersion(long)}, to score a response with: waits for a re-scoring under way, and holds
     * one off until the caller's transaction ends, so that neither misses the other's responses.
     */
    @Transactional
    StoredVersion scoringVersionToScoreWith(long answeredOnVersionId) {
        return scoringVersion(answeredOnVersionId, " for share");
    }

    private StoredVersion scoringVersion(long answeredOnVersionId, String lock) {
        return version(jdbc.sql("select coalesce(rescored_with_version_id, id) from instrument_version where id = ?"
                + lock).param(answeredOnVersionId).query(Long.class).single());
    }

    /** From now on, responses answered on one version are scored with another version's rules (or its own). */
    void rescoredWith(long answeredOnVersionId, long scoringVersionId) {
        jdbc.sql("update instrument_version set rescored_with_version_id = ?, updated_at = now() where id = ?")
                .params(answeredOnVersionId == scoringVersionId ? null : scoringVersionId, answeredOnVersionId)
                .update();
    }

    // ---------------------------------------------------------------- wording

    /** The wording in use for this version, if any has been shipped, imported or (demo) loaded. */
    @Transactional(readOnly = true)
    public Optional<StoredContent> currentContent(long versionId) {
        return jdbc.sql(CONTENT_SELECT + " where instrument_version_id = ? and language = ? and current")
                .params(versionId, LANGUAGE).query(CONTENT_ROW).optional();
    }

    @Transactional(readOnly = true)
    public Optional<StoredContent> content(long contentId) {
        return jdbc.sql(CONTENT_SELECT + " where id = ?").param(contentId).query(CONTENT_ROW).optional();
    }

    /** Every wording ever stored for this version, newest first. */
    @Transactional(readOnly = true)
    public List<StoredContent> contentHistory(long versionId) {
        return jdbc.sql(CONTENT_SELECT + " where instrument_version_id = ? order by id desc").param(versionId)
                .query(CONTENT_ROW).list();
    }

    /** Current wording for every version that has some, by version id. */
    @Transactional(readOnly = true)
    public Map<Long, StoredContent> currentContents() {
        Map<Long, StoredContent> result = new LinkedHashMap<>();
        jdbc.sql(CONTENT_SELECT + " where language = ? and current").param(LANGUAGE).query(CONTENT_ROW).list()
                .forEach(c -> result.put(c.versionId(), c));
        return result;
    }

    /**
     * Stores wording that has already been checked against its definition and makes it the current
     * wording of that version; the previous wording stays for the responses that were shown it.
     */
    @Transactional
    public long storeContent(InstrumentContent content, String sourceFormat, String origin) {
        StoredVersion version = find(content.instrumentCode(), content.version())
                .orElseThrow(() -> new NotFoundException("instrument version"));
        return store(version.id(), content, sourceFormat, origin, AuthenticatedActor.currentAccountId(), null);
    }

    private long store(long versionId, InstrumentContent content, String sourceFormat, String origin, Long actor,
            Long carriedFromId) {
        jdbc.sql("""
                update instrument_content set current = false, updated_at = now(), updated_by = ?, version = version + 1
                where instrument_version_id = ? and language = ? and current""")
                .params(actor, versionId, content.language()).update();
        return jdbc.sql("""
                insert into instrument_content (instrument_version_id, language, demo, title, copyright, licence_note,
                    content, source_format, origin, current, created_by, updated_by, carried_from_id)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, true, ?, ?, ?) returning id""")
                .params(versionId, content.language(), content.demo(), content.title(), content.copyright(),
                        content.licenceNote(), ContentJson.write(content), sourceFormat, origin, actor, actor,
                        carriedFromId)
                .query(Long.class).single();
    }

    /**
     * The version before this one (in version order) and why its current wording was not carried over to
     * this one; empty when there is no version before, it has no wording, or its wording fits.
     */
    @Transactional(readOnly = true)
    public Optional<NotCarried> notCarriedOver(long versionId) {
        return previous(version(versionId)).flatMap(before -> currentContent(before.id()).map(wording ->
                new NotCarried(before.definition().version(), CarriedOverWording.problems(before.definition(),
                        version(versionId).definition(), wording.content()))))
                .filter(n -> !n.problems().isEmpty());
    }

    /** Why the wording of version {@code version} (the one before) was not carried over. */
    public record NotCarried(String version, List<String> problems) {
    }

    /**
     * Carries the current wording of each version over to the version after it when that one has none and
     * asks the same questions with the same answers (the same copyright line and demo flag; logged and
     * audited). Wording carried over from shipped wording follows a new release of it.
     */
    private void carryOverWording() {
        all().forEach(after -> previous(after).ifPresent(before -> carryOver(before, after)));
    }

    private void carryOver(StoredVersion before, StoredVersion after) {
        Optional<StoredContent> wording = currentContent(before.id());
        if (wording.isEmpty()) {
            return;
        }
        Optional<StoredContent> own = currentContent(after.id());
        boolean followsNewRelease = own.isPresent() && own.get().carriedFromId() != null
                && own.get().carriedFromId() != wording.get().id() && wording.get().sourceFormat().equals("SHIPPED");
        if ((own.isPresent() && !followsNewRelease)
                || !CarriedOverWording.problems(before.definition(), after.definition(), wording.get().content()).isEmpty()) {
            return;
        }
        InstrumentContent content = wording.get().content();
        long id = store(after.id(), content.forVersion(after.definition().version()), wording.get().sourceFormat(),
                content.origin(), null, wording.get().id());
        String detail = "wording of " + before.definition().reference() + " carried over to "
                + after.definition().reference() + ": the same questions and answers";
        log.info("Instrument {}", detail);
        audit.recordFor("system", null, AuditAction.CREATED, AuditOutcome.ALLOWED, "instrument_content", id, detail);
    }

    /** The version published before this one, if any. */
    private Optional<StoredVersion> previous(StoredVersion version) {
        List<StoredVersion> before = all().stream().filter(v -> v.definition().code().equals(version.definition().code()))
                .takeWhile(v -> v.id() != version.id()).toList();
        return before.isEmpty() ? Optional.empty() : Optional.of(before.get(before.size() - 1));
    }

    /**
     * The demo wording, for the demo data only: placeholders for every licensed instrument that has no
     * wording yet. Never replaces wording an organisation imported.
     */
    @Transactional
    public int loadDemoContent() {
        int stored = 0;
        for (InstrumentContent content : parseContent(DEMO_CONTENT)) {
            Optional<StoredVersion> version = find(content.instrumentCode(), content.version());
            if (version.isPresent() && currentContent(version.get().id()).isEmpty()
                    && content.problemsAgainst(version.get().definition()).isEmpty()) {
                storeContent(content, "DEMO", "demo-content.json");
                stored++;
            }
        }
        carryOverWording();
        return stored;
    }

    // ---------------------------------------------------------------- start-up

    /** One definition file: the parsed definition and the text it was parsed from. */
    record DefinitionFile(InstrumentDefinition definition, String json) {
    }

    static List<DefinitionFile> definitionFiles() {
        ClassLoader loader = InstrumentLibrary.class.getClassLoader();
        String directory = InstrumentCatalogue.DEFAULT_DIRECTORY;
        List<DefinitionFile> files = new ArrayList<>();
        for (String line : resource(loader, directory + "/index.txt").lines().toList()) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String path = directory + "/" + name;
            String json = resource(loader, path);
            files.add(new DefinitionFile(InstrumentDefinitionParser.parse(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), path), json));
        }
        return files;
    }

    /**
     * Stores each definition, or checks it against the stored one, and then the wording: shipped, and
     * carried over to new versions that ask the same questions. Package-visible so that a test can offer a
     * changed definition, or publish a new version; the library then knows these definitions.
     *
     * @throws IllegalStateException when a version that has been answered, or whose rules scored stored
     *                               responses, was changed or removed
     */
    void synchronise(List<DefinitionFile> files) {
        // Nodes starting together take turns, so that each version and shipped wording is stored once.
        jdbc.sql("select pg_advisory_xact_lock(20260401)").query().singleRow();
        order = files.stream().map(f -> f.definition().code()).distinct().toList();
        List<String> problems = new ArrayList<>();
        for (DefinitionFile file : files) {
            InstrumentDefinition d = file.definition();
            var stored = jdbc.sql("""
                    select iv.id, iv.superseded,
                           (iv.definition - 'superseded') = (cast(? as jsonb) - 'superseded') as same,
                           instrument_version_use(iv.id) as use
                    from instrument_version iv where iv.code = ? and iv.version = ?""")
                    .params(file.json(), d.code(), d.version())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)})
                    .optional();
            if (stored.isEmpty()) {
                long id = jdbc.sql("""
                        insert into instrument_version (code, version, superseded, title, definition)
                        values (?, ?, ?, ?, cast(? as jsonb)) returning id""")
                        .params(d.code(), d.version(), d.superseded(), d.title(), file.json()).query(Long.class).single();
                versionIds.put(key(d.code(), d.version()), id);
                byId.put(id, d);
                continue;
            }
            long id = (Long) stored.get()[0];
            boolean superseded = (Boolean) stored.get()[1];
            boolean same = (Boolean) stored.get()[2];
            String use = (String) stored.get()[3];
            if (!same && use != null) {
                problems.add(d.reference() + " " + used(use) + ", so it is never edited: its definition file differs "
                        + "from the stored one. Restore the file and publish the change as a new version that "
                        + "supersedes it.");
                continue;
            }
            if (!same || superseded != d.superseded()) {
                if (!same) {
                    log.warn("Instrument {} changed before anyone answered it; the stored definition is updated.",
                            d.reference());
                }
                jdbc.sql("""
                        update instrument_version set definition = cast(? as jsonb), superseded = ?, title = ?,
                               updated_at = now() where id = ?""")
                        .params(file.json(), d.superseded(), d.title(), id).update();
            }
            versionIds.put(key(d.code(), d.version()), id);
            byId.put(id, d);
        }
        jdbc.sql("""
                select code, version, use
                from (select code, version, instrument_version_use(id) as use from instrument_version) iv
                where use is not null""")
                .query((rs, n) -> new String[] {key(rs.getString(1), rs.getString(2)), rs.getString(3)}).list().stream()
                .filter(k -> !versionIds.containsKey(k[0]))
                .forEach(k -> problems.add(k[0].replace('|', ' ') + " " + used(k[1]) + " but its definition file is "
                        + "missing. Restore it (marked superseded if a newer version replaces it)."));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Instrument definitions cannot be loaded: " + String.join(" ", problems));
        }
        catalogue = InstrumentCatalogue.of(files.stream().map(DefinitionFile::definition).toList());
        storeShippedContent();
        carryOverWording();
    }

    /** Why a version cannot change, from {@code instrument_version_use}. */
    private static String used(String use) {
        return use.equals("ANSWERED") ? "has been answered" : "has scored stored responses";
    }

    /** Shipped wording becomes current unless an organisation imported its own; a new release replaces old shipped wording. */
    private void storeShippedContent() {
        for (String path : SHIPPED_CONTENT) {
            for (InstrumentContent content : parseContent(path)) {
                Optional<StoredVersion> version = find(content.instrumentCode(), content.version());
                if (version.isEmpty()) {
                    continue;
                }
                List<String> problems = content.problemsAgainst(version.get().definition());
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(path + " does not fit " + version.get().definition().reference()
                            + ": " + String.join("; ", problems));
                }
                Optional<StoredContent> current = currentContent(version.get().id());
                boolean replace = current.isEmpty() || current.get().sourceFormat().equals("SHIPPED")
                        && !jdbc.sql("select content = cast(? as jsonb) from instrument_content where id = ?")
                                .params(ContentJson.write(content), current.get().id()).query(Boolean.class).single();
                if (replace) {
                    storeContent(content, "SHIPPED", path.substring(path.lastIndexOf('/') + 1));
                }
            }
        }
    }

    private static List<InstrumentContent> parseContent(String path) {
        try (InputStream in = InstrumentLibrary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            return InstrumentContentParser.parse(in, path.substring(path.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String code, String version) {
        return code + "|" + version;
    }

    private static final String CONTENT_SELECT = """
            select id, instrument_version_id, content::text as content, source_format, origin, created_at, created_by,
                   current, carried_from_id
            from instrument_content""";

    private static final org.springframework.jdbc.core.RowMapper<StoredContent> CONTENT_ROW = InstrumentLibrary::content;

    private static StoredContent content(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        long by = rs.getLong("created_by");
        // Shipped and demo wording was stored by nobody (null), not by account 0.
        Long createdBy = rs.wasNull() ? null : by;
        return new StoredContent(rs.getLong("id"), rs.getLong("instrument_version_id"),
                ContentJson.read(rs.getString("content"), rs.getString("origin")), rs.getString("source_format"),
                created.toInstant(), createdBy, rs.getBoolean("current"),
                MeasureResponses.nullableLong(rs, "carried_from_id"));
    }
}
