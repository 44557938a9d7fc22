package org.refocus.measures.instrument;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * One version of one instrument: structure, scoring and provenance. Never edited once published;
 * a correction is a new version that supersedes it.
 *
 * @param code          stable instrument code, for example {@code qpr-15}
 * @param version       version of this definition; every stored response records it
 * @param superseded    true once a newer version of the same code replaces this one
 * @param recallPeriod  the period the person is asked about, or null where the instrument has none
 * @param copyright     the owner's copyright line, shown wherever the wording appears
 * @param unconfirmed   details we could not confirm from a published source, in plain words
 */
public record InstrumentDefinition(String code, String version, boolean superseded, String title, String shortName,
                                   String recallPeriod, RightsStatus rights, String copyright, String licenceNote,
                                   List<ResponseSet> responseSets, List<Item> items, List<Subscale> subscales,
                                   List<ScoreSpec> scores, MissingDataPolicy missingDataPolicy, List<Source> sources,
                                   List<String> notes, List<String> unconfirmed) {

    public InstrumentDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(copyright, "copyright");
        responseSets = List.copyOf(responseSets);
        items = new IndexedItems(items);
        subscales = List.copyOf(subscales);
        scores = List.copyOf(scores);
        missingDataPolicy = missingDataPolicy == null ? MissingDataPolicy.COMPLETE_ITEMS_ONLY : missingDataPolicy;
        sources = sources == null ? List.of() : List.copyOf(sources);
        notes = notes == null ? List.of() : List.copyOf(notes);
        unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
        shortName = shortName == null ? code : shortName;
        licenceNote = licenceNote == null ? "" : licenceNote;
    }

    /** The item with this key, if the instrument has one. Constant time: scoring calls it per answer. */
    public Optional<Item> item(String key) {
        return Optional.ofNullable(((IndexedItems) items).byKey(key));
    }

    Item itemOrNull(String key) {
        return ((IndexedItems) items).byKey(key);
    }

    public Optional<Subscale> subscale(String key) {
        return subscales.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<ScoreSpec> score(String key) {
        return scores.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<ResponseSet> responseSet(String id) {
        return responseSets.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** "qpr-15 v1", for messages and logs (never personal data). */
    public String reference() {
        return code + " v" + version;
    }

    /**
     * An immutable item list that also answers "which item has this key" in constant time. Duplicate
     * keys are kept here (the first wins for look-up) so that {@link DefinitionValidator} can report them.
     */
    private static final class IndexedItems extends AbstractList<Item> implements RandomAccess {
        private final List<Item> items;
        private final Map<String, Item> byKey;

        IndexedItems(List<Item> items) {
            this.items = List.copyOf(items);
            Map<String, Item> index = new HashMap<>();
            for (Item item : this.items) {
                index.putIfAbsent(item.key(), item);
            }
            this.byKey = Map.copyOf(index);
        }

        Item byKey(String key) {
            return key == null ? null : byKey.get(key);
        }

        @Override
        public Item get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
