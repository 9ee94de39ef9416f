/**
 * Lookup in the engine's registries of named parts (activations, initializers, datasets), by the
 * names users type. Own keys only, so "__proto__", "toString" and other inherited keys are never names.
 */

/** True if `name` is an own key of `table`. */
export function isKeyOf<T extends object>(table: T, name: unknown): name is Extract<keyof T, string> {
  return typeof name === 'string' && Object.hasOwn(table, name);
}

/**
 * `table[name]`, for a `kind` of part such as "activation".
 * @throws RangeError `unknown <kind> "<name>"; <listing>: <every name>` when `name` is not registered.
 */
export function lookup<T extends object>(table: T, kind: string, name: string, listing = 'allowed'): T[keyof T] {
  if (!isKeyOf(table, name)) throw new RangeError(`unknown ${kind} "${name}"; ${listing}: ${Object.keys(table).join(', ')}`);
  return table[name];
}
