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
