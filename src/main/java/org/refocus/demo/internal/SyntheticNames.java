package org.refocus.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names that are plainly not real people's: ordinary given names with family names that announce
 * themselves as examples.
 */
final class SyntheticNames {

    static final List<String> GIVEN = List.of("Alex", "Sam", "Jordan", "Morgan", "Casey", "Riley", "Jamie", "Taylor",
            "Robin", "Charlie", "Frankie", "Jesse", "Kai", "Nico", "Rowan", "Sasha", "Ash", "Billie", "Drew", "Eden",
            "Harper", "Indy", "Jules", "Lee", "Max", "Noor", "Oakley", "Parker", "Quinn", "Remy", "Sky", "Toni");
    static final List<String> FAMILY = List.of("Example", "Sample", "Specimen", "Placeholder", "Fictional",
            "Madeup", "Testperson", "Demo", "Dummy", "Pretend", "Synthetic", "Notreal", "Mockton", "Samplesworth",
            "Exampleton", "Testwell", "Imaginary", "Invented", "Hypothetical", "Fakeley");

    private SyntheticNames() {
    }

    static String given(SplittableRandom random) {
        return GIVEN.get(random.nextInt(GIVEN.size()));
    }

    static String family(SplittableRandom random) {
        return FAMILY.get(random.nextInt(FAMILY.size()));
    }
}
