package shop.bench;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * One typing error in a word, as people make them: a letter left out, one too many (a key next to
 * the one meant, hit as well), a neighbouring key instead of the right one, or two letters swapped.
 * One edit, so Elasticsearch's {@code fuzziness: AUTO} forgives it in a word of 3 letters or more,
 * and never in the first letter: search-service's fuzzy match and its "did you mean" keep the
 * first letter exact ({@code prefix_length} 1, shop.search.query.SearchRequests), and so do people,
 * mostly. The shares of the four kinds are roughly those of Damerau's and later typing studies.
 */
final class Typo {

    /** Shorter words are left alone: a typo in them is rare, and often makes another word. */
    static final int MIN_LENGTH = 5;

    enum Kind {
        DELETION, INSERTION, SUBSTITUTION, TRANSPOSITION
    }

    /** Each letter's neighbours on a QWERTY keyboard: what a finger hits instead, or as well. */
    private static final Map<Character, String> NEIGHBOURS = Map.ofEntries(
            Map.entry('q', "wa"), Map.entry('w', "qeas"), Map.entry('e', "wrsd"), Map.entry('r', "etdf"),
            Map.entry('t', "ryfg"), Map.entry('y', "tugh"), Map.entry('u', "yihj"), Map.entry('i', "uojk"),
            Map.entry('o', "ipkl"), Map.entry('p', "ol"), Map.entry('a', "qwsz"), Map.entry('s', "weadzx"),
            Map.entry('d', "ersfxc"), Map.entry('f', "rtdgcv"), Map.entry('g', "tyfhvb"), Map.entry('h', "yugjbn"),
            Map.entry('j', "uihknm"), Map.entry('k', "iojlm"), Map.entry('l', "opk"), Map.entry('z', "asx"),
            Map.entry('x', "zsdc"), Map.entry('c', "xdfv"), Map.entry('v', "cfgb"), Map.entry('b', "vghn"),
            Map.entry('n', "bhjm"), Map.entry('m', "njk"));

    private Typo() {
    }

    /** {@code word} (lower-case letters, at least {@value #MIN_LENGTH}) with one typo after its first letter. */
    static String in(String word, SplittableRandom random) {
        if (word.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("no typo in a word under " + MIN_LENGTH + " letters: " + word);
        }
        return in(word, kind(random), random);
    }

    static String in(String word, Kind kind, SplittableRandom random) {
        int n = word.length();
        return switch (kind) {
            case DELETION -> {
                int at = 1 + random.nextInt(n - 1);
                yield word.substring(0, at) + word.substring(at + 1);
            }
            case INSERTION -> {
                int at = 1 + random.nextInt(n); // after the letter whose neighbour is hit as well
                yield word.substring(0, at) + neighbour(word.charAt(at - 1), random) + word.substring(at);
            }
            case SUBSTITUTION -> {
                int at = 1 + random.nextInt(n - 1);
                yield word.substring(0, at) + neighbour(word.charAt(at), random) + word.substring(at + 1);
            }
            case TRANSPOSITION -> {
                // two different letters, both after the first: swapping equal ones would change nothing
                int first = 1 + random.nextInt(n - 2);
                for (int tries = 0; tries < n && word.charAt(first) == word.charAt(first + 1); tries++) {
                    first = 1 + (first % (n - 2));
                }
                if (word.charAt(first) == word.charAt(first + 1)) {
                    yield in(word, Kind.DELETION, random);
                }
                yield word.substring(0, first) + word.charAt(first + 1) + word.charAt(first) + word.substring(first + 2);
            }
        };
    }

    private static Kind kind(SplittableRandom random) {
        double u = random.nextDouble();
        return u < 0.35 ? Kind.SUBSTITUTION : u < 0.65 ? Kind.DELETION : u < 0.85 ? Kind.INSERTION : Kind.TRANSPOSITION;
    }

    private static char neighbour(char letter, SplittableRandom random) {
        String keys = NEIGHBOURS.getOrDefault(letter, "e");
        return keys.charAt(random.nextInt(keys.length()));
    }
}
