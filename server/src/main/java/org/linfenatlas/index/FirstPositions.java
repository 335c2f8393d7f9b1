package org.linfenatlas.index;

import java.util.Arrays;

/**
 * Counts the positions offered to it and keeps the {@code k} smallest in a max-heap: a page in id
 * order needs only the first offset + limit matches, in order, and how many matched, so a bbox
 * page costs memory for its page rather than a bit per feature of the layer.
 */
final class FirstPositions {
    private final int[] heap;
    private int size;
    private long offered;

    FirstPositions(int k) {
        this.heap = new int[k];
    }

    void offer(int position) {
        offered++;
        if (size < heap.length) {
            heap[size] = position;
            siftUp(size++);
        } else if (heap.length > 0 && position < heap[0]) {
            heap[0] = position;
            siftDown();
        }
    }

    long offered() {
        return offered;
    }

    /** The kept positions in ascending order. */
    int[] sorted() {
        int[] kept = Arrays.copyOf(heap, size);
        Arrays.sort(kept);
        return kept;
    }

    private void siftUp(int i) {
        int value = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] >= value) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
    }

    private void siftDown() {
        int value = heap[0];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (value >= heap[child]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }
}
