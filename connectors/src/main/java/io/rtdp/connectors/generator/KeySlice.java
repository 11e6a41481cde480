package io.rtdp.connectors.generator;

import java.util.SplittableRandom;

/** The keys one task owns: of keys 0..size-1, those equal to the task's index modulo the task count. */
public record KeySlice(int taskIndex, int taskCount, int size) {
    public KeySlice {
        if (taskCount < 1 || taskIndex < 0 || taskIndex >= taskCount || size < taskCount) {
            throw new IllegalArgumentException("task " + taskIndex + " of " + taskCount + " over " + size + " keys");
        }
    }

    /** How many keys this task owns. */
    public int owned() {
        return (size - taskIndex + taskCount - 1) / taskCount;
    }

    /** A key of this task's slice, uniformly. */
    public int pick(SplittableRandom random) {
        return taskIndex + random.nextInt(owned()) * taskCount;
    }
}
