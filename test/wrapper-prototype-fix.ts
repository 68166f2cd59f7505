// Works around cloudflare/workers-sdk#15092 in @cloudflare/vitest-pool-workers 0.15.1 (fixed upstream by #15106):
// its entrypoint and Durable Object wrappers wrap their class's prototype in one more Proxy at every construction,
// so every request through `exports.default` (and every new Durable Object) makes all later ones slower. A test
// file making a few hundred requests ended up spending seconds in those layers. Here the wrapper keeps the prototype
// it got at its first construction, which is what the upstream fix does. Remove with the dependency upgrade.
type Constructor = { prototype: unknown };
type Construct = (target: Constructor, args: ArrayLike<unknown>, newTarget?: Constructor) => object;

const marker = Symbol.for("pulse.wrapperPrototypeFix");
const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
const reflect = Reflect as unknown as { construct: Construct };

if (!holder[marker]) {
	holder[marker] = true;
	const firstPrototype = new WeakMap<Constructor, unknown>();
	const construct = reflect.construct;
	reflect.construct = (target, args, newTarget = target) => {
		if (newTarget !== target) {
			const first = firstPrototype.get(newTarget);
			if (first === undefined) firstPrototype.set(newTarget, newTarget.prototype);
			else if (newTarget.prototype !== first) newTarget.prototype = first;
		}
		return construct(target, args, newTarget);
	};
}
