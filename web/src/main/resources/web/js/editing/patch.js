// JSON Merge Patch (RFC 7396): what the editor sends is the difference between the version it started from
// and the draft; a conflict is resolved by applying that difference to the other person's version.

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The merge patch that turns before into after, or null when they are equal. */
export function mergeDiff(before, after) {
  if (!isObject(before) || !isObject(after)) return same(before, after) ? null : (after ?? null);
  const patch = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(key in after) || after[key] == null) {
      if (before[key] != null) patch[key] = null;
    } else if (!(key in before) || before[key] == null) {
      patch[key] = after[key];
    } else if (isObject(before[key]) && isObject(after[key])) {
      const inner = mergeDiff(before[key], after[key]);
      if (inner !== null) patch[key] = inner;
    } else if (!same(before[key], after[key])) {
      patch[key] = after[key];
    }
  }
  return Object.keys(patch).length ? patch : null;
}

/** RFC 7396 apply. */
export function mergeApply(target, patch) {
  if (!isObject(patch)) return patch;
  const out = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergeApply(out[key], value);
  }
  return out;
}

/** Top-level names whose value differs ("geometry" for the geometry). */
export function changedFields(before, after) {
  const names = new Set([...Object.keys(before.properties || {}), ...Object.keys(after.properties || {})]);
  const changed = [...names].filter((n) => !same(before.properties?.[n], after.properties?.[n]));
  if (!same(before.geometry, after.geometry)) changed.push('geometry');
  return changed;
}
