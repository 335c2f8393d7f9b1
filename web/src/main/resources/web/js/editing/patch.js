// JSON Merge Patch (RFC 7396): what the editor sends is the difference between the version it started from
// and the draft; a conflict is resolved by applying that difference to the other person's version.

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An empty text, list or object says no more than an absent property (the form leaves such values out). */
const isEmpty = (v) => v == null || v === '' || (Array.isArray(v) && !v.length) || (isObject(v) && !Object.keys(v).length);
const same = (a, b) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The merge patch that turns before into after, or null when they are equal. */
export function mergeDiff(before, after) {
  if (!isObject(before) || !isObject(after)) return same(before, after) ? null : (after ?? null);
  const patch = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (isEmpty(after[key])) {
      if (!isEmpty(before[key])) patch[key] = null;
    } else if (isEmpty(before[key])) {
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
