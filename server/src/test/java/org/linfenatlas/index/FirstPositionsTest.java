package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The k smallest of the positions offered, in order, and how many were offered. */
class FirstPositionsTest {

    @Test
    void keepsTheSmallestInAscendingOrderWhateverTheOrderOffered() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int[] offered = IntStream.range(0, random.nextInt(500)).map(i -> random.nextInt(10_000)).distinct().toArray();
            int k = random.nextInt(60);
            FirstPositions first = new FirstPositions(k);
            Arrays.stream(offered).forEach(first::offer);
            int[] expected = Arrays.stream(offered).sorted().limit(k).toArray();
            assertArrayEquals(expected, first.sorted(), "k " + k + " of " + offered.length);
            assertEquals(offered.length, first.offered());
        }
    }

    @Test
    void deepPagesOfLargeBoxesGetTheirFirstPositions() {
        Random random = new Random(5);
        int[] offered = IntStream.range(0, 100_000).filter(i -> random.nextInt(3) == 0).toArray();
        shuffle(offered, random);
        for (int k : new int[] {1, 100, 20_100, offered.length - 1}) {
            FirstPositions first = new FirstPositions(k);
            Arrays.stream(offered).forEach(first::offer);
            assertArrayEquals(Arrays.stream(offered).sorted().limit(k).toArray(), first.sorted(), "k " + k);
            assertEquals(offered.length, first.offered());
        }
    }

    @Test
    void aThreadsNextPageDoesNotSeeThePreviousPagesPositions() {
        FirstPositions big = new FirstPositions(5);
        IntStream.range(0, 5000).forEach(i -> big.offer(5000 - i));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, big.sorted());
        FirstPositions next = new FirstPositions(5);
        next.offer(9);
        next.offer(8);
        assertArrayEquals(new int[] {8, 9}, next.sorted());
        assertEquals(2, next.offered());
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    @Test
    void keepsEverythingWhenFewerThanKAreOffered() {
        FirstPositions first = new FirstPositions(10);
        first.offer(7);
        first.offer(3);
        assertArrayEquals(new int[] {3, 7}, first.sorted());
    }

    @Test
    void countsWithoutKeepingWhenKIsZero() {
        FirstPositions first = new FirstPositions(0);
        first.offer(1);
        first.offer(2);
        assertArrayEquals(new int[0], first.sorted());
        assertEquals(2, first.offered());
    }
}
